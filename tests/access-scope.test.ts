// People see exactly what is theirs: a kitchen's staff reach neither another kitchen's
// data nor its live events, by REST, by socket.io or by the video socket; inspectors see
// their jurisdictions (a street, or a whole district above it); an auditor reads and
// changes nothing. Logins are rate-limited and the session cookie is HttpOnly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { Alert, Kitchen, LatestReading } from '../contracts/api.ts';
import type { Snapshot } from '../contracts/events.ts';
import type { Reading } from '../contracts/payloads.ts';
import { upTopic } from '../contracts/topics.ts';
import { startStack, testKitchen, type Session, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

let stack: Stack;
const gateways: Record<string, MqttClient> = {};
const sockets: Socket[] = [];
let staffA: Session;
let streetInspector: Session;
let districtInspector: Session;
let auditor: Session;
let oid = 0;
const T0 = Date.now() - 30 * 60_000;

async function publish(kitchenId: string, minute: number, door = false) {
  oid++;
  const reading: Reading = { oid, device: 'chiller-1', kind: 'chiller', seq: oid, ts: T0 + minute * 60_000, temp: 3.5, unit: 'Cel', door, defrost: false };
  await gateways[kitchenId]!.publishAsync(upTopic({ kitchenId, gatewayId: `gw-${kitchenId}` }, 'reading'), JSON.stringify({ v: 1, reading }), { qos: 1 });
}

async function json<T>(as: Session, path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await as.fetch(path, init);
  return { status: res.status, body: (await res.json()) as T };
}

function connect(cookie?: string): Socket {
  const socket = io(stack.httpUrl, { transports: ['websocket'], reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  stack = await startStack({ kitchens: ['ka', 'kb', 'kc'].map((k) => testKitchen(k, `${k} 饭堂`)), ruleTickMs: 100 });
  const accounts = stack.server.accounts;
  accounts.upsertJurisdiction({ id: 'city', name: '示范市', level: 'city', parentId: null, videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'district', name: '示范区', level: 'district', parentId: 'city', videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'street-a', name: '东街道', level: 'street', parentId: 'district', videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'street-b', name: '西街道', level: 'street', parentId: 'district', videoRetentionDays: null });
  accounts.linkKitchen('ka', 'street-a');
  accounts.linkKitchen('kb', 'street-b');
  accounts.linkKitchen('kc', 'city'); // a city-run canteen: in the city's scope, in no street's
  staffA = await stack.loginAs({ username: 'ka-staff', displayName: '王师傅', role: 'kitchen_staff', kitchenId: 'ka' });
  streetInspector = await stack.loginAs({ username: 'east-inspector', role: 'inspector', jurisdictions: ['street-a'] });
  districtInspector = await stack.loginAs({ username: 'district-inspector', role: 'inspector', jurisdictions: ['district'] });
  auditor = await stack.loginAs({ username: 'auditor', role: 'auditor' });
  for (const k of ['ka', 'kb']) {
    const secret = await stack.addGateway(k, `gw-${k}`);
    gateways[k] = await mqtt.connectAsync(stack.mqttUrl, { clientId: `gw-${k}`, username: `gw-${k}`, password: secret });
    await gateways[k]!.publishAsync(upTopic({ kitchenId: k, gatewayId: `gw-${k}` }, 'status'), JSON.stringify({
      v: 1, state: 'online', devices: [{ device: 'chiller-1', kind: 'chiller', probe: 'buffered', reportIntervalS: 60 }],
    }), { qos: 1, retain: true });
  }
  // kb's door stays open 6 min: an FS-DOOR alert in kb that ka's staff must never reach.
  for (let m = 0; m <= 6; m++) await publish('kb', m, true);
  await publish('ka', 0);
  await eventually(() => json<Alert[]>(stack.admin, '/api/alerts?kitchen=kb'), (r) => r.body.some((a) => a.ruleId === 'FS-DOOR'));
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const g of Object.values(gateways)) await g.endAsync();
  await stack?.stop();
});

describe('logins', () => {
  it('refuses every API call without a session, and a wrong password', async () => {
    expect((await fetch(`${stack.httpUrl}/api/kitchens`)).status).toBe(401);
    const bad = await fetch(`${stack.httpUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ka-staff', password: 'wrong-password' }),
    });
    expect([bad.status, ((await bad.json()) as { error: { code: string } }).error.code]).toEqual([401, 'bad_credentials']);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie on login, and logout ends the session', async () => {
    await stack.loginAs({ username: 'short-lived', role: 'auditor' });
    const res = await fetch(`${stack.httpUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'short-lived', password: 'e2e-password-1234' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kcw_session=[A-Za-z0-9_-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0]!;
    expect((await fetch(`${stack.httpUrl}/api/auth/me`, { headers: { cookie: session } })).status).toBe(200);
    await fetch(`${stack.httpUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: session } });
    expect((await fetch(`${stack.httpUrl}/api/auth/me`, { headers: { cookie: session } })).status).toBe(401);
  });

  it('rate-limits failed logins per username: the sixth within 15 min is refused with Retry-After, even with the right password', async () => {
    await stack.loginAs({ username: 'target', role: 'auditor' });
    const attempt = (password: string) => fetch(`${stack.httpUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'target', password }),
    });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}-xxxxxx`)).status).toBe(401);
    const blocked = await attempt('e2e-password-1234');
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('scope by REST', () => {
  it("keeps a kitchen's staff out of every other kitchen's data, as if it did not exist", async () => {
    expect((await json<Kitchen[]>(staffA, '/api/kitchens')).body.map((k) => k.id)).toEqual(['ka']);
    const kbAlert = (await json<Alert[]>(stack.admin, '/api/alerts?kitchen=kb')).body[0]!;
    const notFound = async (path: string, init?: RequestInit) => {
      const r = await json<{ error: { code: string } }>(staffA, path, init);
      return [r.status, r.body.error?.code];
    };
    expect(await notFound('/api/kitchens/kb')).toEqual([404, 'kitchen_not_found']);
    expect(await notFound('/api/kitchens/kb/devices')).toEqual([404, 'kitchen_not_found']);
    expect(await notFound('/api/latest?kitchen=kb')).toEqual([404, 'kitchen_not_found']);
    expect(await notFound('/api/kitchens/kb/devices/chiller-1/series')).toEqual([404, 'kitchen_not_found']);
    expect(await notFound('/api/kitchens/kb/samples')).toEqual([404, 'kitchen_not_found']);
    expect(await notFound('/api/cameras?kitchen=kb')).toEqual([404, 'kitchen_not_found']);
    expect(await notFound(`/api/alerts/${kbAlert.id}`)).toEqual([404, 'alert_not_found']);
    expect(await notFound(`/api/alerts/${kbAlert.id}/acknowledge`, { method: 'POST' })).toEqual([404, 'alert_not_found']);
    expect((await json<Alert[]>(staffA, '/api/alerts')).body.every((a) => a.kitchenId === 'ka')).toBe(true);
    expect((await json<LatestReading[]>(staffA, '/api/latest')).body.map((r) => r.kitchenId)).toEqual(['ka']);
    expect((await json<Alert[]>(stack.admin, `/api/alerts?kitchen=kb`)).body[0]!.status).toBe('active');
  });

  it('shows an inspector the kitchens of their jurisdictions and all below them, a kitchen in two scopes to both', async () => {
    const ids = async (as: Session) => (await json<Kitchen[]>(as, '/api/kitchens')).body.map((k) => k.id).sort();
    expect(await ids(streetInspector)).toEqual(['ka']);
    expect(await ids(districtInspector)).toEqual(['ka', 'kb']);
    expect(await ids(auditor)).toEqual(['ka', 'kb', 'kc']);
    const me = (await json<{ role: string; kitchens: string[] }>(districtInspector, '/api/auth/me')).body;
    expect(me).toMatchObject({ role: 'inspector', kitchens: ['ka', 'kb'] });
  });

  it('refuses a write from another origin (cross-site request forgery), whatever the cookie', async () => {
    const kbAlert = (await json<Alert[]>(stack.admin, '/api/alerts?kitchen=kb')).body[0]!;
    const r = await json<{ error: { code: string } }>(stack.admin, `/api/alerts/${kbAlert.id}/acknowledge`, {
      method: 'POST', headers: { origin: 'http://127.0.0.1:9', 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1',
    });
    expect([r.status, r.body.error.code]).toEqual([403, 'forbidden']);
    expect((await json<Alert>(stack.admin, `/api/alerts/${kbAlert.id}`)).body.status).toBe('active');
  });

  it('lists a kitchen user\'s own alerts however many other kitchens have: the scope is applied before the limit', async () => {
    const many = Array.from({ length: 210 }, (_, i) => i);
    const { alerts } = stack.server;
    for (const i of many) {
      alerts.raise({ kitchenId: 'kb', deviceId: `bulk-${i}`, ruleId: 'FS-OFFLINE', severity: 'alarm', profile: 'CN-GB31654', message: 'bulk', firstOutAt: Date.now(), raisedAt: Date.now() + i, value: null, storedAt: Date.now() });
    }
    const mine = (await json<Alert[]>(staffA, '/api/alerts?status=open')).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.kitchenId === 'ka')).toBe(true);
  });

  it('lets an auditor read everything and change nothing', async () => {
    const kbAlert = (await json<Alert[]>(auditor, '/api/alerts?kitchen=kb')).body[0]!;
    const r = await json<{ error: { code: string } }>(auditor, `/api/alerts/${kbAlert.id}/acknowledge`, { method: 'POST' });
    expect([r.status, r.body.error.code]).toEqual([403, 'forbidden']);
  });
});

describe('scope of live events', () => {
  it('sends a kitchen user the snapshot and live readings of their kitchen only, never another\'s', async () => {
    const socket = connect(staffA.cookie);
    const seen: LatestReading[] = [];
    socket.on('reading:new', (r) => seen.push(r));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const snapshot = await new Promise<Snapshot>((resolve) => socket.emit('snapshot:get', resolve));
    expect(snapshot.kitchens.map((k) => k.id)).toEqual(['ka']);
    expect(new Set([...snapshot.alerts, ...snapshot.latest, ...snapshot.devices].map((x) => x.kitchenId))).toEqual(new Set(['ka']));
    socket.emit('kitchen:watch', 'kb'); // asking for another kitchen's room gets nothing
    await publish('kb', 20);
    socket.emit('kitchen:watch', null);
    await publish('kb', 21);
    await publish('ka', 21); // the marker: once it arrives, kb's (published before it) would have too
    await eventually(() => seen.map((r) => r.kitchenId), (ks) => ks.includes('ka'));
    expect(seen.every((r) => r.kitchenId === 'ka')).toBe(true);
  });

  it('ends a live socket when its session ends (logout), and refuses a socket from another origin', async () => {
    const session = await stack.loginAs({ username: 'ka-manager', role: 'kitchen_manager', kitchenId: 'ka' });
    const socket = connect(session.cookie);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    await session.fetch('/api/auth/logout', { method: 'POST' });
    expect(await gone).toBe('io server disconnect');
    const foreign = io(stack.httpUrl, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: staffA.cookie, origin: 'http://127.0.0.1:9' } });
    sockets.push(foreign);
    await new Promise<void>((resolve) => foreign.once('connect_error', () => resolve()));
    expect(foreign.connected).toBe(false);
  });

  it('refuses a socket without a session', async () => {
    const socket = connect();
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(err.message).toBe('unauthenticated');
  });

  it('refuses the video socket without a session (401) and outside the scope (404)', async () => {
    const status = (headers: Record<string, string>) => new Promise<number>((resolve) => {
      const ws = new WebSocket(`${stack.httpUrl.replace('http', 'ws')}/video/kb/cam-1`, { headers });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(await status({})).toBe(401);
    expect(await status({ cookie: staffA.cookie })).toBe(404);
  });
});
