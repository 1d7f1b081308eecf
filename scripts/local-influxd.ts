// Starts Debian's influxd with a project-local config and data directory, on an
// ephemeral loopback port, for the demo and the tests. InfluxDB 1.6.7 logs the
// address it bound, so port 0 works and nothing collides.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface LocalInfluxd {
  url: string;
  dataDir: string;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Starts it again on the same data and port (for outage tests). */
  restart(): Promise<void>;
  pid(): number | undefined;
}

export const INFLUXD_BIN = process.env.INFLUXD_BIN ?? '/usr/bin/influxd';

function configText(dir: string, httpAddr: string): string {
  return `reporting-disabled = true
bind-address = "127.0.0.1:0"
[meta]
  dir = "${join(dir, 'meta')}"
[data]
  dir = "${join(dir, 'data')}"
  wal-dir = "${join(dir, 'wal')}"
  query-log-enabled = false
[http]
  bind-address = "${httpAddr}"
  log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
`;
}

const LISTEN_LINE = /msg="Listening on HTTP".*addr=([0-9.]+:\d+)/;

function launch(configPath: string, timeoutMs: number): Promise<{ child: ChildProcess; addr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(INFLUXD_BIN, ['-config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const timer = setTimeout(() => fail(new Error('influxd did not start in time')), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${tail.slice(-10).join('\n')}`));
    };
    child.once('error', (err) => fail(new Error(`cannot run ${INFLUXD_BIN}: ${err.message} (run scripts/install-system.sh)`)));
    child.once('exit', (code) => fail(new Error(`influxd exited with ${code}`)));
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 50) tail.shift();
        const match = LISTEN_LINE.exec(line);
        if (!match) return;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolvePromise({ child, addr: match[1]! });
      });
    }
  });
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/ping`);
      if (res.status === 204) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`influxd at ${url} did not answer /ping`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child: ChildProcess | undefined, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** An influxd left running on this data directory by a run that was killed
 *  (SIGKILL, a closed terminal) would hold its files: stop it first. */
async function stopStale(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  const cmdline = (() => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  })();
  if (!cmdline.includes('influxd') || !cmdline.includes(pidFile.replace(/influxd\.pid$/, ''))) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startLocalInfluxd(opts: { dataDir: string; timeoutMs?: number }): Promise<LocalInfluxd> {
  const dataDir = resolve(opts.dataDir);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  const pidFile = join(dataDir, 'influxd.pid');
  await stopStale(pidFile);
  const configPath = join(dataDir, 'influxdb.conf');
  writeFileSync(configPath, configText(dataDir, '127.0.0.1:0'));
  let { child, addr } = await launch(configPath, timeoutMs);
  writeFileSync(pidFile, String(child.pid));
  const url = `http://${addr}`;
  await waitForPing(url, timeoutMs);
  // Pin the port so a restart (outage tests, second demo start) keeps the URL.
  writeFileSync(configPath, configText(dataDir, addr));
  return {
    url,
    dataDir,
    pid: () => child.pid,
    stop: () => stopChild(child),
    async restart() {
      await stopChild(child);
      ({ child } = await launch(configPath, timeoutMs));
      writeFileSync(pidFile, String(child.pid));
      await waitForPing(url, timeoutMs);
    },
  };
}
