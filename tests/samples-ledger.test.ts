// The food-sample ledger on real parts: sample events from a cabinet's gateway
// over MQTT become ledger records and alerts; the day's board, the seal and the
// disposal go through the REST API (rule book section 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { manualClock } from '../contracts/clock.ts';
import { downTopic, gatewayDownFilter, upTopic } from '../contracts/topics.ts';
import type { AckMessage } from '../contracts/payloads.ts';
import type { SampleEvent } from '../contracts/samples.ts';
import type { Alert, SampleDay, SampleDto } from '../contracts/api.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

const GW = { kitchenId: 'k-smp', gatewayId: 'gw-smp' };
const LUNCH = { date: '2026-11-23', meal: 'lunch' as const };
const AT_1140 = Date.UTC(2026, 10, 23, 3, 40); // 11:40 in Shanghai
const clock = manualClock(Date.UTC(2026, 10, 23, 3, 0));
let stack: Stack;
let gw: MqttClient;
const acks: AckMessage[] = [];
let seq = 0;

const api = async (method: string, path: string, body?: unknown) => {
  const res = await stack.fetch(`/api${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};
const alerts = async () => (await api('GET', '/alerts?kitchen=k-smp')).body as Alert[];

function event(over: Partial<SampleEvent>): SampleEvent {
  seq++;
  return { oid: seq, device: 'scale-1', seq, ts: AT_1140 + seq * 60_000, type: 'placed', cabinet: 'samples-1', slot: seq, netWeightG: 130, scaleSerial: 'IND-2024-7', badge: 'S001', ...over };
}
async function send(e: SampleEvent) {
  await gw.publishAsync(upTopic(GW, 'sample'), JSON.stringify({ v: 1, event: e }), { qos: 1 });
  await eventually(() => acks.flatMap((a) => [...a.stored, ...(a.rejected ?? [])]), (oids) => oids.includes(e.oid));
}

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-smp', '康宁长者饭堂')], clock });
  const secret = await stack.addGateway(GW.kitchenId, GW.gatewayId);
  gw = await mqtt.connectAsync(stack.mqttUrl, { clientId: GW.gatewayId, username: GW.gatewayId, password: secret });
  gw.on('message', (topic, payload) => topic === downTopic(GW, 'ack') && acks.push(JSON.parse(payload.toString()) as AckMessage));
  await gw.subscribeAsync(gatewayDownFilter(GW), { qos: 1 });
  expect((await api('PUT', '/kitchens/k-smp/meal-times', [{ meal: 'lunch', starts: '11:30', ends: '13:00' }])).status).toBe(200);
  expect((await api('PUT', '/kitchens/k-smp/menus/2026-11-23/lunch', { dishes: ['红烧肉', '清蒸鱼', '炒青菜', '番茄蛋汤'] })).status).toBe(200);
});
afterAll(async () => {
  await gw?.endAsync();
  await stack?.stop();
});

describe('sample ledger', () => {
  it('[FS-SAMPLE-WEIGHT] records placements from the scale, once each, and raises an alarm for a light sample', async () => {
    const pork = event({ label: { dish: '红烧肉', service: LUNCH }, netWeightG: 131.4 });
    await send(pork);
    await send(pork); // re-sent by the gateway: recorded once
    await send(event({ label: { dish: '清蒸鱼', service: LUNCH }, netWeightG: 118 }));
    const light = await eventually(alerts, (a) => a.some((x) => x.ruleId === 'FS-SAMPLE-WEIGHT'));
    expect(light.filter((x) => x.ruleId === 'FS-SAMPLE-WEIGHT')).toHaveLength(1);
    expect(light[0]!.message).toContain('118 g');
    const board = (await api('GET', '/kitchens/k-smp/samples?date=2026-11-23')).body as SampleDay;
    const dishes = board.services[0]!.dishes;
    expect(dishes.map((d) => [d.dish, d.status, d.sample?.netWeightG ?? null])).toEqual([
      ['红烧肉', 'ok', 131.4], ['清蒸鱼', 'light', 118], ['炒青菜', 'pending', null], ['番茄蛋汤', 'pending', null],
    ]);
    expect(dishes[0]!.sample).toMatchObject({
      placedBy: 'S001', cabinet: 'samples-1', scaleSerial: 'IND-2024-7', retentionEndsAt: new Date(pork.ts + 48 * 3_600_000).toISOString(),
      cabinetSeries: `/api/kitchens/k-smp/devices/samples-1/series?from=${new Date(pork.ts).toISOString()}&to=${new Date(pork.ts + 48 * 3_600_000).toISOString()}`,
    });
  });

  it('[FS-SAMPLE-RECORD] rejects a placement without a badge scan, and a hand-made record without a person', async () => {
    const noBadge = event({ label: { dish: '番茄蛋汤', service: LUNCH }, badge: undefined });
    await send(noBadge);
    expect(acks.flatMap((a) => a.rejected ?? [])).toContain(noBadge.oid);
    const res = await api('POST', '/kitchens/k-smp/samples', { ...LUNCH, dish: '番茄蛋汤', netWeightG: 140, cabinet: 'samples-1', slot: 9, placedAt: new Date(AT_1140).toISOString() });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'sample_record_incomplete' } } });
    expect(res.body.error.message).toContain('placedBy');
    // With who placed it, the record is made; the audit log names who entered it.
    // (a dish off the menu, so the missing-dish checks below are unchanged)
    const record = { ...LUNCH, dish: '凉拌黄瓜', netWeightG: 140, cabinet: 'samples-1', slot: 9, placedAt: new Date(Date.UTC(2026, 10, 23, 3, 0)).toISOString(), placedBy: 'S003' };
    const made = await api('POST', '/kitchens/k-smp/samples', record);
    expect(made, JSON.stringify(made.body)).toMatchObject({ status: 201, body: { placedBy: 'S003' } });
    const entries = (await api('GET', '/audit?kitchen=k-smp')).body as Array<{ action: string; actor: string; data: { placedBy: string } }>;
    expect(entries.filter((e) => e.action === 'sample.recorded-by-hand').map((e) => [e.actor, e.data.placedBy])).toEqual([['E2E 管理员', 'S003']]);
  });

  it('[FS-SAMPLE-MISSING] raises for each dish still without a sample 30 min after the service starts', async () => {
    clock.set(Date.UTC(2026, 10, 23, 4, 1)); // 12:01, past 11:30 + 30 min
    const raised = await eventually(alerts, (a) => a.filter((x) => x.ruleId === 'FS-SAMPLE-MISSING').length === 2);
    expect(raised.filter((x) => x.ruleId === 'FS-SAMPLE-MISSING').map((x) => x.deviceId).sort()).toEqual([
      'menu:2026-11-23:lunch:炒青菜', 'menu:2026-11-23:lunch:番茄蛋汤',
    ]);
    const board = (await api('GET', '/kitchens/k-smp/samples?date=2026-11-23')).body as SampleDay;
    expect(board.services[0]!.dishes.map((d) => d.status)).toEqual(['ok', 'light', 'missing', 'missing']);
  });

  it('[FS-SAMPLE-EARLY] raises when a sample leaves its slot before 48 h', async () => {
    clock.set(AT_1140 + 30 * 3_600_000);
    await send(event({ type: 'removed', slot: 1, netWeightG: 131.4, ts: AT_1140 + 30 * 3_600_000 }));
    const early = (await eventually(alerts, (a) => a.some((x) => x.ruleId === 'FS-SAMPLE-EARLY'))).find((x) => x.ruleId === 'FS-SAMPLE-EARLY')!;
    expect(early.message).toContain('红烧肉');
    const board = (await api('GET', '/kitchens/k-smp/samples?date=2026-11-23')).body as SampleDay;
    expect(board.services[0]!.dishes[0]).toMatchObject({ status: 'removed-early', sample: { removedBy: 'S001' } });
  });

  it('[FS-SAMPLE-SEAL] keeps a sealed sample from disposal, and refuses disposal before 48 h', async () => {
    const board = (await api('GET', '/kitchens/k-smp/samples?date=2026-11-23')).body as SampleDay;
    const fish = board.services[0]!.dishes[1]!.sample as SampleDto;
    // The seal is a regulator's act, recorded under the inspector's own name; disposal is the kitchen's.
    await stack.server.accounts.upsertJurisdiction({ id: 'smp-district', name: '示范区', level: 'district', parentId: null, videoRetentionDays: null });
    await stack.server.accounts.linkKitchen('k-smp', 'smp-district');
    const inspector = await stack.loginAs({ username: 'smp-inspector', displayName: '市场监管 张', role: 'inspector', jurisdictions: ['smp-district'] });
    const manager = await stack.loginAs({ username: 'smp-manager', displayName: '李经理', role: 'kitchen_manager', kitchenId: 'k-smp' });
    const post = async (as: typeof manager, path: string) => {
      const res = await as.fetch(`/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: res.status, body: (await res.json()) as any };
    };
    expect(await post(manager, `/samples/${fish.id}/dispose`)).toMatchObject({ status: 409, body: { error: { code: 'sample_retention_running' } } });
    expect(await post(manager, `/samples/${fish.id}/seal`)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await post(inspector, `/samples/${fish.id}/seal`)).toMatchObject({ status: 200, body: { status: 'sealed', sealedBy: '市场监管 张' } });
    clock.set(AT_1140 + 50 * 3_600_000);
    expect(await post(manager, `/samples/${fish.id}/dispose`)).toMatchObject({ status: 409, body: { error: { code: 'sample_sealed' } } });
    expect(await post(inspector, '/samples/99999/seal')).toMatchObject({ status: 404, body: { error: { code: 'sample_not_found' } } });
  });

  it('records a sample taken out after its full retention as disposed, by whom and when', async () => {
    const cabbage = event({ label: { dish: '炒青菜', service: LUNCH }, netWeightG: 140, slot: 7 });
    await send(cabbage);
    const outAt = cabbage.ts + 49 * 3_600_000;
    clock.set(outAt + 60_000);
    await send(event({ type: 'removed', slot: 7, netWeightG: 140, ts: outAt, badge: 'S002' }));
    const board = (await api('GET', '/kitchens/k-smp/samples?date=2026-11-23')).body as SampleDay;
    expect(board.services[0]!.dishes[2]).toMatchObject({
      dish: '炒青菜', status: 'disposed', sample: { disposedBy: 'S002', disposedAt: new Date(outAt).toISOString() },
    });
    expect((await alerts()).some((a) => a.ruleId === 'FS-SAMPLE-EARLY' && a.message.includes('炒青菜'))).toBe(false);
  });

  it('[FS-SAMPLE-MISSING] does not raise a closed missing-dish alert again', async () => {
    const missing = (await alerts()).find((a) => a.ruleId === 'FS-SAMPLE-MISSING' && a.deviceId.endsWith(':番茄蛋汤'))!;
    // The administrator may verify their own corrective action.
    const fix = { cause: 'other', correctiveAction: '补留样并记录', disposition: { kind: 'none' } };
    for (const step of ['acknowledge', 'resolve', 'close']) {
      expect((await api('POST', `/alerts/${missing.id}/${step}`, step === 'resolve' ? fix : {})).status).toBe(200);
    }
    stack.server.sampleLedger.checkServices();
    expect((await alerts()).filter((a) => a.ruleId === 'FS-SAMPLE-MISSING' && a.deviceId.endsWith(':番茄蛋汤'))).toHaveLength(1);
  });

  it('ignores a re-sent removal once a newer sample sits on that slot', async () => {
    const soup = event({ label: { dish: '番茄蛋汤', service: LUNCH }, netWeightG: 150, slot: 1, ts: AT_1140 + 31 * 3_600_000 });
    await send(soup);
    await send(event({ type: 'removed', slot: 1, netWeightG: 131.4, ts: AT_1140 + 30 * 3_600_000 })); // the pork's removal again
    const board = (await api('GET', '/kitchens/k-smp/samples?date=2026-11-23')).body as SampleDay;
    expect(board.services[0]!.dishes[3]).toMatchObject({ dish: '番茄蛋汤', sample: { netWeightG: 150, removedAt: null } });
  });

  it('answers malformed meal times and impossible dates with 400, not 500', async () => {
    expect(await api('PUT', '/kitchens/k-smp/meal-times', [null])).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await api('PUT', '/kitchens/k-smp/meal-times', [{ meal: 'lunch', starts: '13:00', ends: '11:30' }])).toMatchObject({ status: 400 });
    expect(await api('GET', '/kitchens/k-smp/samples?date=2026-02-30')).toMatchObject({ status: 400, body: { error: { code: 'invalid_query' } } });
    expect(await api('PUT', '/kitchens/k-smp/menus/2026-02-30/lunch', { dishes: ['x'] })).toMatchObject({ status: 400 });
  });

  it('audits the meal times that were set, not whatever else their body carried', async () => {
    const body = [{ meal: 'lunch', starts: '11:30', ends: '13:00', note: 'x'.repeat(500) }];
    expect((await api('PUT', '/kitchens/k-smp/meal-times', body)).status).toBe(200);
    const log = (await api('GET', '/audit?kitchen=k-smp&limit=1')).body as Array<{ action: string; data: unknown }>;
    expect(log[0]).toMatchObject({ action: 'kitchen.meal-times', data: { mealTimes: [{ meal: 'lunch', starts: '11:30', ends: '13:00' }] } });
    expect(JSON.stringify(log[0]!.data)).not.toContain('note');
  });

  it('[FS-SAMPLE-MISSING] checks a late dinner whose deadline passes midnight', async () => {
    await api('PUT', '/kitchens/k-smp/meal-times', [{ meal: 'lunch', starts: '11:30', ends: '13:00' }, { meal: 'dinner', starts: '23:45', ends: '23:59' }]);
    await api('PUT', '/kitchens/k-smp/menus/2026-11-23/dinner', { dishes: ['夜宵粥'] });
    clock.set(Date.UTC(2026, 10, 23, 16, 20)); // 00:20 on the 24th in Shanghai
    stack.server.sampleLedger.checkServices();
    expect((await alerts()).map((a) => a.deviceId)).toContain('menu:2026-11-23:dinner:夜宵粥');
  });
});
