// Child processes for the benchmark, so the broker, the server (or the raw
// subscriber) and the publishers each get their own event loop, as in a real
// deployment. Each child reports {ready, ...} over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child<T> { proc: ChildProcess; info: T; request<R>(msg: object): Promise<R>; stop(): Promise<void> }

export function startChild<T>(file: string, args: Record<string, string>): Promise<Child<T>> {
  const proc = fork(fileURLToPath(new URL(file, import.meta.url)), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    proc.once('message', (info) => {
      proc.removeAllListeners('exit');
      resolve({
        proc,
        info: info as T,
        request: <R>(msg: object) => new Promise<R>((res) => {
          proc.once('message', (m) => res(m as R));
          proc.send(msg);
        }),
        stop: () => new Promise<void>((res) => {
          if (proc.exitCode !== null) return res();
          proc.once('exit', () => res());
          proc.kill('SIGTERM');
        }),
      });
    });
  });
}

/** In a child: reads the args and installs the stop handler. */
export function childArgs(): Record<string, string> {
  return JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
}
