// The two entry points as real processes: provision.ts and main.ts.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upTopic } from '../contracts/topics.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kcw-cli-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

function start(script: string, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, MQTT_PORT: '0', BROKER_METRICS_PORT: '0' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function provision(...args: string[]) {
  const run = start('broker/provision.ts', args);
  return { code: await run.exited, stdout: run.out().trim(), stderr: run.err() };
}

describe('provision CLI', () => {
  it('adds a gateway, prints its secret once and stores only the hash', async () => {
    const added = await provision('kitchen-a', 'gw-a');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^[\w-]{32}$/);
    const file = await readFile(join(dataDir, 'broker-credentials.json'), 'utf8');
    expect(file).toContain('"gw-a"');
    expect(file).not.toContain(added.stdout);

    const taken = await provision('kitchen-b', 'gw-a');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already_exists');
    expect((await provision('only-one-arg')).code).toBe(2);
  });
});

describe('broker main', () => {
  it('serves provisioned gateways and stops cleanly on SIGTERM', async () => {
    const secret = (await provision('kitchen-a', 'gw-a')).stdout;
    const broker = start('broker/main.ts');
    let port = 0;
    const deadline = Date.now() + 15_000;
    while (!port) {
      if (Date.now() > deadline) throw new Error(`broker did not start: ${broker.err()}`);
      const started = broker.out().split('\n').find((l) => l.includes('"broker started"'));
      port = started ? (JSON.parse(started).mqttPort as number) : 0;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const gw = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      clientId: 'gw-a', username: 'gw-a', password: secret, reconnectPeriod: 0,
    });
    await gw.publishAsync(upTopic({ kitchenId: 'kitchen-a', gatewayId: 'gw-a' }, 'status'), '{"v":1,"state":"online"}', { qos: 1 });
    await gw.endAsync();

    broker.child.kill('SIGTERM');
    expect(await broker.exited).toBe(0);
    expect(broker.out()).toContain('"broker stopped"');
  });
});
