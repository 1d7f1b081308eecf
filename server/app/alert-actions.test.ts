// The alert acts on a real (in-memory) store: each act and its audit entry are written together,
// resolving an active alert acknowledges it first, and a second person verifies.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../adapters/sql/database.ts';
import { createAlertsRepo } from '../adapters/sql/alerts-repo.ts';
import { createAuditRepo } from '../adapters/sql/audit-repo.ts';
import { createAudit } from './audit.ts';
import { createAlertActions, type Actor } from './alert-actions.ts';

const T = Date.UTC(2026, 10, 23, 2, 0, 0);
const staff: Actor = { username: 'wang', displayName: '王师傅', role: 'kitchen_staff' };
const manager: Actor = { username: 'li', displayName: '李经理', role: 'kitchen_manager' };
const admin: Actor = { username: 'root', displayName: '管理员', role: 'admin' };
const fix = { cause: 'door' as const, correctiveAction: '关门', disposition: { kind: 'kept' as const, reason: '未超温' } };

function setup() {
  const db = openDatabase(':memory:');
  const alerts = createAlertsRepo(db);
  const audit = createAudit({ repo: createAuditRepo(db), now: () => T + 60_000 });
  const emitted: string[] = [];
  const actions = createAlertActions({ alerts, audit, now: () => T + 60_000, emit: (_e, a) => emitted.push(a.status) });
  const { id } = alerts.raise({
    kitchenId: 'k1', deviceId: 'chiller-1', ruleId: 'FS-DOOR', severity: 'warning', profile: 'CN-GB31654',
    message: 'door open', firstOutAt: T - 300_000, raisedAt: T, value: null, storedAt: T,
  }).alert;
  return { db, alerts, audit, actions, emitted, id };
}

describe('alert actions', () => {
  it('resolves an active alert with an implicit acknowledgement by the same person, both audited', () => {
    const { actions, audit, emitted, id } = setup();
    const out = actions.resolve(id, staff, fix);
    expect(out).toMatchObject({ ok: true, value: { status: 'resolved', acknowledgedBy: '王师傅', resolvedBy: '王师傅', cause: 'door', disposition: fix.disposition } });
    expect(audit.ofSubject(`alert:${id}`).map((e) => [e.action, e.data.implicit])).toEqual([['alert.acknowledged', true], ['alert.resolved', undefined]]);
    expect(emitted).toEqual(['resolved']);
  });

  it('refuses verification by the resolver unless an administrator, and records the verifier', () => {
    const { actions, id } = setup();
    actions.acknowledge(id, staff);
    actions.resolve(id, manager, fix);
    expect(actions.close(id, manager, {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(actions.close(id, { ...admin, username: 'li2' }, { note: 'ok' })).toMatchObject({ ok: true, value: { status: 'closed', closedBy: '管理员' } });
  });

  it('lets an administrator verify their own corrective action', () => {
    const { actions, id } = setup();
    actions.resolve(id, admin, fix);
    expect(actions.close(id, admin, {})).toMatchObject({ ok: true, value: { closedBy: '管理员' } });
  });

  it('writes nothing when a step is refused', () => {
    const { actions, audit, alerts, id } = setup();
    expect(actions.close(id, manager, {})).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(actions.acknowledge(999, staff)).toMatchObject({ ok: false, code: 'alert_not_found' });
    expect(audit.ofSubject(`alert:${id}`)).toEqual([]);
    expect(alerts.get(id)?.status).toBe('active');
  });

  it('rolls the alert change back when its audit entry cannot be written', () => {
    const { db, actions, alerts, id } = setup();
    db.exec(`CREATE TRIGGER refuse_insert BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    expect(() => actions.acknowledge(id, staff)).toThrow(/disk full/);
    expect(alerts.get(id)).toMatchObject({ status: 'active', acknowledgedBy: null });
  });

  it('gives the history: raised, then the acts with their details, refusing auditors comments', () => {
    const { actions, emitted, id } = setup();
    actions.resolve(id, staff, fix);
    expect(actions.comment(id, { username: 'a', displayName: '审计', role: 'auditor' }, { text: 'x' })).toMatchObject({ ok: false, code: 'forbidden' });
    const before = emitted.length;
    expect(actions.comment(id, manager, { text: ' 已复查 ' })).toMatchObject({ ok: true, value: { act: 'commented', detail: { text: '已复查' } } });
    expect(emitted.length).toBe(before + 1); // those who have the alert open learn of the comment
    const history = actions.history(id)!;
    expect(history.map((h) => [h.act, h.actor])).toEqual([['raised', 'system'], ['acknowledged', '王师傅'], ['resolved', '王师傅'], ['commented', '李经理']]);
    expect(history[2]!.detail).toEqual({ cause: 'door', correctiveAction: '关门', disposition: fix.disposition });
  });
});
