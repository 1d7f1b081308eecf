// Child processes for the benchmark, so the broker, the server (or the raw
// subscriber) and the publishers each get their own event loop, as in a real
// deployment. Each child reports {ready, ...} over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child<T> { proc: ChildProcess; info: T; request<R>(msg: object): Promise<R>; stop(): Promise<void> }

/** BENCH_PROFILE_DIR=dir writes a V8 CPU profile of every child on exit, to
 *  find where the time goes (summarise with bench/profile-summary.ts). */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

export function startChild<T>(file: string, args: Record<string, string>, execArgv: string[] = []): Promise<Child<T>> {
  // One directory per child: tsx's loader thread writes its own profile, and a
  // fixed --cpu-prof-name would let it overwrite the main thread's.
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', `${PROFILE_DIR}/${file.replace(/\W|ts$/g, '')}`] : [];
  const proc = fork(fileURLToPath(new URL(file, import.meta.url)), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx', ...profile, ...execArgv],
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
