// The server's ingest on real parts: a gateway's readings are validated, stored
// in InfluxDB, acknowledged end to end, and served by the REST API; bad input
// is counted and dropped without stopping anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { downTopic, gatewayDownFilter, upTopic } from '../contracts/topics.ts';
import type { AckMessage, Reading } from '../contracts/payloads.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

let stack: Stack;
let gwA: MqttClient;
const acks: AckMessage[] = [];
const A = { kitchenId: 'ka', gatewayId: 'gw-a' };
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);

const reading = (oid: number, over: Partial<Reading> = {}): Reading => ({
  oid, device: 'chiller-1', kind: 'chiller', seq: oid, ts: T0 + oid * 10_000, temp: 4.1, unit: 'Cel', door: false, defrost: false, ...over,
});

async function metric(name: string, label?: string): Promise<number> {
  const text = await (await stack.fetch(`/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name) && (!label || l.includes(label)));
  return line ? Number(line.split(' ').pop()) : 0;
}

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('ka', '甲厨房'), testKitchen('kb', '乙厨房')] });
  const secret = await stack.addGateway(A.kitchenId, A.gatewayId);
  gwA = await mqtt.connectAsync(stack.mqttUrl, { clientId: A.gatewayId, username: A.gatewayId, password: secret });
  gwA.on('message', (topic, payload) => {
    if (topic === downTopic(A, 'ack')) acks.push(JSON.parse(payload.toString()) as AckMessage);
  });
  await gwA.subscribeAsync(gatewayDownFilter(A), { qos: 1 });
});
afterAll(async () => {
  await gwA?.endAsync(true); // forced: its last, refused publish will never be acknowledged
  await stack?.stop();
});

const ackedOids = () => acks.flatMap((a) => a.stored);

describe('server ingest', () => {
  it('stores a live reading and a catch-up batch, and acknowledges each reading once stored', async () => {
    await gwA.publishAsync(upTopic(A, 'reading'), JSON.stringify({ v: 1, reading: reading(1) }), { qos: 1 });
    const batch = [2, 3, 4, 5].map((oid) => reading(oid, { temp: 3 + oid / 10 }));
    await gwA.publishAsync(upTopic(A, 'batch'), JSON.stringify({ v: 1, readings: batch }), { qos: 1 });
    await eventually(ackedOids, (oids) => oids.length >= 5);
    expect(ackedOids().sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await stack.countReadings(`WHERE kitchen = 'ka'`)).toBe(5);
  });

  it('counts re-sent readings once (idempotent storage)', async () => {
    await gwA.publishAsync(upTopic(A, 'batch'), JSON.stringify({ v: 1, readings: [reading(2), reading(3)] }), { qos: 1 });
    await eventually(ackedOids, (oids) => oids.length >= 7);
    expect(await stack.countReadings(`WHERE kitchen = 'ka'`)).toBe(5);
  });

  it('counts and drops malformed payloads by reason, and keeps consuming', async () => {
    const before = await metric('kcw_messages_rejected_total', 'reason="bad_json"');
    await gwA.publishAsync(upTopic(A, 'reading'), '{not json', { qos: 1 });
    await gwA.publishAsync(upTopic(A, 'reading'), JSON.stringify({ v: 1, reading: { ...reading(6), temp: 'warm' } }), { qos: 1 });
    await gwA.publishAsync(upTopic(A, 'reading'), JSON.stringify({ v: 2, reading: reading(6) }), { qos: 1 });
    await eventually(() => metric('kcw_messages_rejected_total', 'reason="bad_json"'), (n) => n === before + 1);
    expect(await metric('kcw_messages_rejected_total', 'reason="schema"')).toBeGreaterThanOrEqual(1);
    expect(await metric('kcw_messages_rejected_total', 'reason="bad_version"')).toBe(1);
    await gwA.publishAsync(upTopic(A, 'reading'), JSON.stringify({ v: 1, reading: reading(7) }), { qos: 1 });
    await eventually(ackedOids, (oids) => oids.includes(7));
  });

  it('stores the valid readings of a batch with one bad reading and rejects only that one', async () => {
    const bad = { ...reading(9), seq: -1 };
    await gwA.publishAsync(upTopic(A, 'batch'), JSON.stringify({ v: 1, readings: [reading(8), bad] }), { qos: 1 });
    await eventually(() => acks.flatMap((a) => a.rejected ?? []), (r) => r.includes(9));
    await eventually(ackedOids, (oids) => oids.includes(8));
    expect(await stack.countReadings(`WHERE kitchen = 'ka'`)).toBe(7);
  });

  it('serves devices, the latest reading and the series over REST', async () => {
    const devices = (await (await stack.fetch(`/api/kitchens/ka/devices`)).json()) as Array<{ deviceId: string }>;
    expect(devices.map((d) => d.deviceId)).toEqual(['chiller-1']);
    const latest = (await (await stack.fetch(`/api/latest?kitchen=ka`)).json()) as Array<{ ts: string; temp: number }>;
    expect(latest[0]!.ts).toBe(new Date(T0 + 8 * 10_000).toISOString());
    const from = new Date(T0).toISOString();
    const to = new Date(T0 + 3_600_000).toISOString();
    const series = (await (await stack.fetch(`/api/kitchens/ka/devices/chiller-1/series?from=${from}&to=${to}`)).json()) as { points: unknown[]; bucketSeconds: number | null };
    expect(series.bucketSeconds).toBeNull();
    expect(series.points).toHaveLength(7);
    const day = await (await stack.fetch(`/api/kitchens/ka/devices/chiller-1/series?from=${from}&to=${new Date(T0 + 86_400_000).toISOString()}`)).json() as { bucketSeconds: number; points: Array<{ min: number; max: number }> };
    expect(day.bucketSeconds).toBeGreaterThanOrEqual(60);
    expect(day.points.length).toBeGreaterThan(0);
  });

  it('answers bad requests with 4xx and a stable error code', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/kitchens/nope', 404, 'kitchen_not_found'],
      ['/api/kitchens/ka/devices/freezer-9/series', 404, 'device_not_found'],
      ['/api/kitchens/ka/devices/chiller-1/series?from=yesterday', 400, 'invalid_time_range'],
      ['/api/kitchens/ka/devices/chiller-1/series?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', 400, 'range_too_long'],
      ['/api/kitchens/bad%20id', 400, 'invalid_id'],
      ['/api/alerts?status=maybe', 400, 'invalid_query'],
      ['/api/alerts/12345', 404, 'alert_not_found'],
      ['/api/nothing-here', 404, 'not_found'],
    ];
    for (const [path, status, code] of cases) {
      const res = await stack.fetch(`${path}`);
      expect({ path, status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code }).toEqual({ path, status, code });
    }
  });

  it('reports health of the broker link, InfluxDB and SQL, and serves the OpenAPI document', async () => {
    const health = await stack.fetch(`/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', broker: 'up', influxdb: 'up', sql: 'up' });
    const doc = (await (await stack.fetch(`/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/kitchens/{kitchenId}/devices/{deviceId}/series');
    // 7 distinct readings, plus 2 re-sent ones written again over their own points.
    expect(await metric('kcw_points_written_total')).toBe(9);
  });

  it('reports InfluxDB down in /healthz with 503 while it is stopped', async () => {
    await stack.influxd.stop();
    const res = await stack.fetch(`/healthz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { influxdb: string }).influxdb).toBe('down');
    await stack.influxd.restart();
    expect((await stack.fetch(`/healthz`)).status).toBe(200);
  });

  it('acknowledges an AI event or a sample event that fails its schema as rejected, so it is not re-sent for ever', async () => {
    const ai = { oid: 50, id: 'evt-1', camera: 'cam-1', category: 'fire', confidence: 0.9, ts: Date.now() };
    await gwA.publishAsync(upTopic(A, 'ai'), JSON.stringify({ v: 1, event: ai }), { qos: 1 });
    const sample = { oid: 51, device: 'scale-1', seq: 1, ts: Date.now(), type: 'placed', cabinet: 'samples-1', slot: 99, netWeightG: 130, scaleSerial: 'S' };
    await gwA.publishAsync(upTopic(A, 'sample'), JSON.stringify({ v: 1, event: sample }), { qos: 1 });
    await gwA.publishAsync(upTopic(A, 'camera'), JSON.stringify({ v: 1, ts: 1, cameras: [{ camera: 'cam-1' }] }), { qos: 1 });
    await eventually(() => acks.flatMap((a) => a.rejected ?? []), (r) => r.includes(50) && r.includes(51));
    expect(ackedOids()).not.toContain(50);
    expect((await (await stack.fetch(`/api/cameras?kitchen=ka`)).json())).toEqual([]);
  });

  it('refuses readings stamped in the future, acknowledging them as rejected', async () => {
    const ahead = reading(40, { seq: 40, ts: Date.now() + 3_600_000 });
    await gwA.publishAsync(upTopic(A, 'batch'), JSON.stringify({ v: 1, readings: [ahead] }), { qos: 1 });
    await eventually(() => acks.flatMap((a) => a.rejected ?? []), (r) => r.includes(40));
    expect(await metric('kcw_messages_rejected_total', 'reason="future_ts"')).toBe(1);
    expect(await stack.countReadings(`WHERE kitchen = 'ka' AND device = 'chiller-1'`)).toBe(7);
  });

  it('[FS-DOOR] does not take a silent unit for a closed door', async () => {
    const at = (m: number) => T0 + 2 * 3_600_000 + m * 60_000;
    const open = [0, 1, 2, 3, 4, 5, 6].map((m) => reading(200 + m, { device: 'chiller-3', seq: 200 + m, ts: at(m), door: true }));
    const silent: Reading = { oid: 207, device: 'chiller-3', kind: 'chiller', seq: 207, ts: at(7), temp: null, unit: 'Cel', fault: 'no_response' };
    await gwA.publishAsync(upTopic(A, 'batch'), JSON.stringify({ v: 1, readings: [...open, silent] }), { qos: 1 });
    await eventually(ackedOids, (oids) => oids.includes(207));
    const doorAlerts = async () => ((await (await stack.fetch(`/api/alerts?kitchen=ka`)).json()) as Array<{ deviceId: string; ruleId: string; clearedAt: string | null }>)
      .filter((a) => a.deviceId === 'chiller-3' && a.ruleId === 'FS-DOOR');
    expect(await doorAlerts()).toMatchObject([{ clearedAt: null }]);
    await gwA.publishAsync(upTopic(A, 'reading'), JSON.stringify({ v: 1, reading: reading(208, { device: 'chiller-3', seq: 208, ts: at(8), door: false }) }), { qos: 1 });
    await eventually(doorAlerts, (a) => a[0]?.clearedAt === new Date(at(8)).toISOString());
  });

  it('takes an alert through acknowledge, resolve and close over REST, refusing steps out of order', async () => {
    const door = [0, 1, 2, 3, 4, 5, 6].map((m) => reading(100 + m, { device: 'chiller-2', seq: 100 + m, ts: T0 + m * 60_000, door: true }));
    await gwA.publishAsync(upTopic(A, 'batch'), JSON.stringify({ v: 1, readings: door }), { qos: 1 });
    const list = async () => (await (await stack.fetch(`/api/alerts?kitchen=ka&status=open`)).json()) as Array<{ id: number; ruleId: string; deviceId: string }>;
    const isDoor = (x: { ruleId: string; deviceId: string }) => x.ruleId === 'FS-DOOR' && x.deviceId === 'chiller-2';
    const alert = (await eventually(list, (a) => a.some(isDoor))).find(isDoor)!;
    // The kitchen's staff acknowledge and resolve; closing is for the manager (or an inspector).
    const staff = await stack.loginAs({ username: 'ka-staff', displayName: '王师傅', role: 'kitchen_staff', kitchenId: 'ka' });
    const manager = await stack.loginAs({ username: 'ka-manager', displayName: '李经理', role: 'kitchen_manager', kitchenId: 'ka' });
    const fix = { cause: 'door', correctiveAction: '关好柜门', disposition: { kind: 'none' } };
    const post = async (action: string, as = staff) => {
      const body = JSON.stringify(action === 'resolve' ? fix : {});
      const res = await as.fetch(`/api/alerts/${alert.id}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: res.status, body: (await res.json()) as { status?: string; acknowledgedBy?: string; error?: { code: string } } };
    };
    expect(await post('acknowledge')).toMatchObject({ status: 200, body: { status: 'acknowledged', acknowledgedBy: '王师傅' } });
    expect(await post('close', manager)).toMatchObject({ status: 409, body: { error: { code: 'invalid_transition' } } });
    expect(await post('resolve')).toMatchObject({ status: 200, body: { status: 'resolved', resolvedBy: '王师傅', cause: 'door' } });
    expect(await post('close')).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await post('close', manager)).toMatchObject({ status: 200, body: { status: 'closed', closedBy: '李经理' } });
    expect((await list()).some((x) => x.id === alert.id)).toBe(false);
  });

  // Last: the broker closes the offending connection.
  it("keeps a kitchen's gateway out of every other kitchen's data", async () => {
    const refusedBefore = stack.broker.counters().publish_not_owner;
    const asB = { kitchenId: 'kb', gatewayId: 'gw-b' };
    gwA.publish(upTopic(asB, 'reading'), JSON.stringify({ v: 1, reading: reading(500) }), { qos: 1 });
    await eventually(() => stack.broker.counters().publish_not_owner, (n) => n === refusedBefore + 1);
    expect(await stack.countReadings(`WHERE kitchen = 'kb'`)).toBe(0);
    expect(await (await stack.fetch(`/api/latest?kitchen=kb`)).json()).toEqual([]);
    expect(await (await stack.fetch(`/api/kitchens/kb/devices`)).json()).toEqual([]);
  });
});
