// The registry on the whole stack: an administrator provisions a gateway over REST and a real
// MQTT client connects to the broker with the secret shown once (a wrong or rotated-out secret
// is refused); its unit shows up due for calibration until one is recorded (FS-CAL-DUE); and
// an account created over REST logs in, then loses its session when disabled, and with it its
// live video at once. (The broker wants a gateway's client id to be its id.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import WebSocket from 'ws';
import type { Alert, Device } from '../contracts/api.ts';
import type { ProvisionedGateway } from '../contracts/registry.ts';
import { SESSION_COOKIE } from '../contracts/auth.ts';
import { upTopic } from '../contracts/topics.ts';
import { startStack, testKitchen, type Session, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

let stack: Stack;
const clients: MqttClient[] = [];

async function call<T>(as: Session, method: string, path: string, body?: unknown): Promise<{ status: number; body: T; text: string }> {
  const res = await as.fetch(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, text };
}

async function connect(username: string, password: string): Promise<MqttClient> {
  const client = await mqtt.connectAsync(stack.mqttUrl, { clientId: username, username, password, reconnectPeriod: 0 });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  // The periodic session check is an hour away: only the account change itself may end a feed.
  stack = await startStack({ kitchens: [testKitchen('k-reg', '长乐社区长者饭堂')], server: { sessionCheckMs: 3_600_000 } });
}, 60_000);
afterAll(async () => {
  for (const c of clients) await c.endAsync(true);
  await stack?.stop();
});

describe('registry on the stack', () => {
  it('provisions a gateway whose secret connects to the real broker once shown, and a wrong or rotated-out one is refused', async () => {
    const res = await call<ProvisionedGateway>(stack.admin, 'POST', '/api/kitchens/k-reg/gateways', { gatewayId: 'gw-reg' });
    expect(res).toMatchObject({ status: 201, body: { username: 'gw-reg', mqttUrl: stack.mqttUrl, topicPrefix: 'kcw/v1/k-reg/gw-reg' } });
    const gw = await connect('gw-reg', res.body.secret);
    await gw.publishAsync(upTopic({ kitchenId: 'k-reg', gatewayId: 'gw-reg' }, 'status'), JSON.stringify({
      v: 1, state: 'online', devices: [{ device: 'chiller-1', kind: 'chiller', name: '冷藏柜 1', reportIntervalS: 60 }],
    }), { qos: 1, retain: true });
    await eventually(async () => (await call<Device[]>(stack.admin, 'GET', '/api/kitchens/k-reg/devices')).body, (d) => d.some((x) => x.deviceId === 'chiller-1'));
    await expect(connect('gw-reg', 'not-the-secret-at-all-000')).rejects.toThrow(/Not authorized|Bad username or password/i);
    expect((await call(stack.admin, 'GET', '/api/kitchens/k-reg/registry')).text).not.toContain(res.body.secret);

    const rotated = await call<ProvisionedGateway>(stack.admin, 'POST', '/api/kitchens/k-reg/gateways', { gatewayId: 'gw-reg', rotate: true });
    expect(rotated.status).toBe(201);
    await expect(connect('gw-reg', res.body.secret)).rejects.toThrow(/Not authorized|Bad username or password/i);
    expect((await connect('gw-reg', rotated.body.secret)).connected).toBe(true);
  });

  it('[FS-CAL-DUE] the announced unit is due once the registry is checked, and a calibration closes its reminder', async () => {
    await call(stack.admin, 'PUT', '/api/kitchens/k-reg/registry', { licenceNumber: 'JY13101040099999', licenceExpiresOn: '2030-01-01' });
    const open = async () => (await call<Alert[]>(stack.admin, 'GET', '/api/alerts?kitchen=k-reg&status=open')).body.filter((a) => a.ruleId === 'FS-CAL-DUE');
    const [due] = await open();
    expect(due).toMatchObject({ deviceId: 'chiller-1', severity: 'reminder', status: 'active' });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai
    expect((await call(stack.admin, 'POST', '/api/kitchens/k-reg/devices/chiller-1/calibrations', { date: today, kind: 'calibration', referenceC: 4, readingC: 4.2, certificate: 'JL-2026-0001' })).status).toBe(201);
    expect(await open()).toEqual([]);
    expect((await call<Alert>(stack.admin, 'GET', `/api/alerts/${due!.id}`)).body).toMatchObject({ status: 'closed', closedBy: 'system' });
  });

  it('an account created over REST logs in; disabled, its session gets 401; a non-admin may not manage users', async () => {
    const created = await call(stack.admin, 'POST', '/api/users', { username: 'k-reg-staff', displayName: '刘师傅', role: 'kitchen_staff', kitchenId: 'k-reg', password: 'k-reg-staff-2026' });
    expect(created.status).toBe(201);
    const login = await fetch(`${stack.httpUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'k-reg-staff', password: 'k-reg-staff-2026' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
    const me = () => fetch(`${stack.httpUrl}/api/auth/me`, { headers: { cookie } });
    expect((await me()).status).toBe(200);
    expect((await fetch(`${stack.httpUrl}/api/users`, { headers: { cookie } })).status).toBe(403);
    expect((await call(stack.admin, 'PATCH', '/api/users/k-reg-staff', { disabled: true })).status).toBe(200);
    expect((await me()).status).toBe(401);
  });

  it('an account change ends the user\'s live video at once, not at the next periodic session check', async () => {
    const gw = await connect('gw-cam', await stack.addGateway('k-reg', 'gw-cam'));
    await gw.publishAsync(upTopic({ kitchenId: 'k-reg', gatewayId: 'gw-cam' }, 'camera'), JSON.stringify({
      v: 1, ts: Date.now(),
      cameras: [{ camera: 'cam-1', name: '后厨', area: 'cooking', online: true, fps: 25, bitrateKbps: 1200, recorderDays: 30, streaming: false }],
    }), { qos: 1 });
    await eventually(async () => (await call<Array<{ cameraId: string }>>(stack.admin, 'GET', '/api/cameras?kitchen=k-reg')).body, (l) => l.some((c) => c.cameraId === 'cam-1'));
    const viewer = await stack.loginAs({ username: 'k-reg-viewer', role: 'kitchen_manager', kitchenId: 'k-reg' });
    const ws = new WebSocket(`${stack.httpUrl.replace('http', 'ws')}/video/k-reg/cam-1`, { headers: { cookie: viewer.cookie } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`video socket refused: ${res.statusCode}`)));
    });
    const closed = new Promise<number>((resolve, reject) => {
      ws.once('close', (code) => resolve(code));
      setTimeout(() => reject(new Error('the video socket outlived the account change')), 10_000).unref();
    });
    expect((await call(stack.admin, 'PATCH', '/api/users/k-reg-viewer', { kitchenId: null, role: 'auditor' })).status).toBe(200);
    expect(await closed).toBe(4401);
  });
});
