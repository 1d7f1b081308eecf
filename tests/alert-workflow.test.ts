// The corrective-action workflow on real parts (rule book section 6): a door left open raises
// an alert; the kitchen's staff acknowledge and resolve it with cause, corrective action and
// disposition; a second person verifies and closes it; the history and the hash-chained audit
// log record every act, and a byte changed behind the server's back is found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { upTopic } from '../contracts/topics.ts';
import type { Alert } from '../contracts/api.ts';
import type { AlertHistoryEntry, AuditVerification, ResolveRequest } from '../contracts/alert-workflow.ts';
import type { Reading } from '../contracts/payloads.ts';
import { startStack, testKitchen, type Session, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

let stack: Stack;
let gw: MqttClient;
const GW = { kitchenId: 'kw', gatewayId: 'gw-w' };
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);

const doorOpen = (m: number): Reading => ({
  oid: 100 + m, device: 'chiller-1', kind: 'chiller', seq: 100 + m, ts: T0 + m * 60_000, temp: 4.1, unit: 'Cel', door: true, defrost: false,
});

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('kw', '幸福里助餐点')] });
  const secret = await stack.addGateway(GW.kitchenId, GW.gatewayId);
  gw = await mqtt.connectAsync(stack.mqttUrl, { clientId: GW.gatewayId, username: GW.gatewayId, password: secret });
});
afterAll(async () => {
  await gw?.endAsync();
  await stack?.stop();
});

async function call(as: Session, method: string, path: string, body?: unknown) {
  const res = await as.fetch(`/api${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

const RESOLVE: ResolveRequest = {
  cause: 'door', correctiveAction: '关好冷藏柜门，检查门封条完好，核对柜内温度 4.3 °C',
  disposition: { kind: 'kept', reason: '开门约 6 分钟，柜内温度未超过 8 °C' },
};

describe('alert workflow', () => {
  it('takes a door alert from raised to verified, with its history and an intact audit chain, and finds tampering', async () => {
    await gw.publishAsync(upTopic(GW, 'batch'), JSON.stringify({ v: 1, readings: [0, 1, 2, 3, 4, 5, 6].map(doorOpen) }), { qos: 1 });
    const open = async () => (await call(stack.admin, 'GET', '/alerts?kitchen=kw&status=open')).body as unknown as Alert[];
    const alert = (await eventually(open, (list) => list.some((a) => a.ruleId === 'FS-DOOR'))).find((a) => a.ruleId === 'FS-DOOR')!;
    const path = `/alerts/${alert.id}`;

    const staff = await stack.loginAs({ username: 'kw-staff', displayName: '王师傅', role: 'kitchen_staff', kitchenId: 'kw' });
    const manager = await stack.loginAs({ username: 'kw-manager', displayName: '李经理', role: 'kitchen_manager', kitchenId: 'kw' });
    const auditor = await stack.loginAs({ username: 'auditor', displayName: '审计员', role: 'auditor' });

    expect(await call(staff, 'POST', `${path}/acknowledge`)).toMatchObject({ status: 200, body: { status: 'acknowledged', acknowledgedBy: '王师傅' } });
    // A kept disposition without its reason is refused, saying why.
    const noReason = await call(staff, 'POST', `${path}/resolve`, { ...RESOLVE, disposition: { kind: 'kept' } });
    expect(noReason).toMatchObject({ status: 400, body: { error: { code: 'invalid_body', message: expect.stringContaining('reason') } } });
    expect(await call(staff, 'POST', `${path}/resolve`, RESOLVE)).toMatchObject({
      status: 200, body: { status: 'resolved', resolvedBy: '王师傅', cause: 'door', correctiveAction: RESOLVE.correctiveAction, disposition: RESOLVE.disposition },
    });
    expect(await call(staff, 'POST', `${path}/close`, {})).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(manager, 'POST', `${path}/close`, { note: '已到现场核实，门封完好' })).toMatchObject({ status: 200, body: { status: 'closed', closedBy: '李经理' } });
    expect(await call(manager, 'POST', `${path}/close`, {})).toMatchObject({ status: 409, body: { error: { code: 'invalid_transition' } } });
    expect(await call(auditor, 'POST', `${path}/comments`, { text: '已阅' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(manager, 'POST', `${path}/comments`, { text: '本周培训员工随手关门' })).toMatchObject({ status: 201, body: { act: 'commented', actor: '李经理' } });

    const history = (await call(auditor, 'GET', `${path}/history`)).body as unknown as AlertHistoryEntry[];
    expect(history.map((h) => [h.act, h.actor, h.role])).toEqual([
      ['raised', 'system', null], ['acknowledged', '王师傅', 'kitchen_staff'], ['resolved', '王师傅', 'kitchen_staff'],
      ['closed', '李经理', 'kitchen_manager'], ['commented', '李经理', 'kitchen_manager'],
    ]);
    const resolved = history[2]!;
    expect(resolved.detail).toEqual({ cause: 'door', correctiveAction: RESOLVE.correctiveAction, disposition: RESOLVE.disposition });
    expect(history[3]!.detail).toEqual({ note: '已到现场核实，门封完好' });
    expect(history.slice(1).every((h) => Number.isInteger(h.auditSeq))).toBe(true);

    expect((await call(staff, 'GET', '/audit/verify')).status).toBe(403);
    const verified = (await call(auditor, 'GET', '/audit/verify')).body as unknown as AuditVerification;
    expect(verified).toMatchObject({ ok: true, brokenAt: null, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const log = (await call(auditor, 'GET', '/audit?kitchen=kw&limit=5')).body as unknown as Array<{ seq: number; hash: string }>;
    expect(log[0]!.hash).toBe(verified.head); // newest first

    // An attacker with the database file: the triggers refuse, so they drop one and flip a byte.
    const db = new Database(join(stack.dir, 'server.sqlite'));
    try {
      const seq = resolved.auditSeq!;
      expect(() => db.prepare(`UPDATE audit_log SET data = '{}' WHERE seq = ?`).run(seq)).toThrow(/append-only/);
      db.exec('DROP TRIGGER audit_log_no_update');
      const data = Buffer.from((db.prepare('SELECT data FROM audit_log WHERE seq = ?').get(seq) as { data: string }).data);
      const at = data.indexOf('door');
      data[at] = data[at]! ^ 0x01; // "door" → "eoor"
      db.prepare('UPDATE audit_log SET data = ? WHERE seq = ?').run(data.toString(), seq);
      expect(await call(auditor, 'GET', '/audit/verify')).toMatchObject({ status: 200, body: { ok: false, brokenAt: seq } });
    } finally {
      db.close();
    }
  });
});
