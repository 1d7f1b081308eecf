// The escalation tick on a real (in-memory) store: the level is stored on the alert, written to
// the hash-chained audit log by "system" in the same act, shown in the alert's history, pushed
// live and handed to the notifier (unless it fell due over an hour ago); once per level, the
// manager before the board, on the site's calendar and the clocks the store keeps.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import type { Alert } from '../../contracts/api.ts';
import { openDatabase } from '../adapters/sql/database.ts';
import { createAlertsRepo } from '../adapters/sql/alerts-repo.ts';
import { createAuditRepo } from '../adapters/sql/audit-repo.ts';
import { createAudit } from './audit.ts';
import { createAlertActions } from './alert-actions.ts';
import { createEscalation } from './escalation.ts';

/** 2026-11-20 10:00 in Shanghai. */
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);

function setup(kitchenOf: (k: string) => { profile: string; timezone: string } = () => ({ profile: 'CN-GB31654', timezone: 'Asia/Shanghai' })) {
  const clock = manualClock(T0);
  const db = openDatabase(':memory:');
  const alerts = createAlertsRepo(db);
  const audit = createAudit({ repo: createAuditRepo(db), now: () => clock.now() });
  const emitted: Alert[] = [];
  const steps: Array<[number, string]> = [];
  const failed: string[] = [];
  const escalation = createEscalation({
    alerts, audit, now: () => clock.now(), kitchenOf,
    emit: (_e, a) => void emitted.push(a), onEscalated: (a, level) => void steps.push([a.id, level]),
    onFailed: (a) => void failed.push(a.kitchenId),
  });
  const actions = createAlertActions({ alerts, audit, now: () => clock.now(), emit: () => undefined });
  /** Raised at `at`, stored now (the server's clock), first out of range at `firstOutAt`. */
  const raise = (severity: Alert['severity'], ruleId: string, at = clock.now(), kitchenId = 'k007', firstOutAt = at) => alerts.raise({
    kitchenId, deviceId: 'freezer-1', ruleId, severity, profile: 'CN-GB31654', message: 'out', firstOutAt, raisedAt: at, value: null, storedAt: clock.now(),
  }).alert;
  return { clock, alerts, audit, emitted, steps, failed, escalation, actions, raise };
}

describe('escalation tick', () => {
  it('(§6) one kitchen whose settings cannot be read does not stop the escalation of the others', () => {
    const broken = (k: string) => (k === 'k-broken' ? { profile: 'no-such-profile', timezone: 'Asia/Shanghai' } : { profile: 'CN-GB31654', timezone: 'Asia/Shanghai' });
    const { clock, failed, escalation, raise } = setup(broken);
    raise('warning', 'FS-DOOR', T0, 'k-broken');
    const fine = raise('warning', 'FS-DOOR', T0, 'k008');
    clock.set(T0 + 15 * 60_000);
    expect(escalation.tick().map((a) => a.id)).toEqual([fine.id]);
    expect(failed).toEqual(['k-broken']);
  });

  it('(§6) escalates an alert unacknowledged for 15 min to the manager once, audited as system and shown in its history', () => {
    const { clock, alerts, audit, emitted, steps, escalation, actions, raise } = setup();
    const door = raise('warning', 'FS-DOOR');
    clock.set(T0 + 15 * 60_000 - 1);
    expect(escalation.tick()).toEqual([]);
    clock.set(T0 + 15 * 60_000);
    expect(escalation.tick().map((a) => [a.id, a.escalatedTo])).toEqual([[door.id, 'manager']]);
    expect(alerts.get(door.id)).toMatchObject({ escalatedTo: 'manager', escalatedAt: new Date(T0 + 15 * 60_000).toISOString(), status: 'active' });
    expect(emitted.map((a) => a.escalatedTo)).toEqual(['manager']);
    expect(steps).toEqual([[door.id, 'manager']]);
    clock.advance(60 * 60_000);
    expect(escalation.tick()).toEqual([]); // once per level
    const [entry] = audit.ofSubject(`alert:${door.id}`);
    expect(entry).toMatchObject({ actor: 'system', role: null, action: 'alert.escalated', kitchenId: 'k007', data: { to: 'manager', reason: 'unacknowledged' } });
    expect(actions.history(door.id)!.map((h) => [h.act, h.actor, h.detail.to ?? null])).toEqual([['raised', 'system', null], ['escalated', 'system', 'manager']]);
    expect(audit.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('(§6) never escalates an alert acknowledged in time, nor a reminder', () => {
    const { clock, escalation, actions, raise } = setup();
    const door = raise('warning', 'FS-DOOR');
    raise('reminder', 'FS-CAL-DUE');
    clock.advance(5 * 60_000);
    actions.acknowledge(door.id, { username: 'liu', displayName: '刘师傅', role: 'kitchen_staff' });
    clock.advance(24 * 3_600_000);
    expect(escalation.tick()).toEqual([]);
  });

  it('(§6) puts a critical alert acknowledged but unresolved on the inspector\'s board at the site-local midnight, the manager told first', () => {
    const { clock, alerts, steps, escalation, actions, raise } = setup();
    const lateEvening = Date.UTC(2026, 10, 20, 14, 30, 0); // 22:30 in Shanghai
    clock.set(lateEvening);
    const crit = raise('critical', 'FS-COLD-CRIT');
    actions.acknowledge(crit.id, { username: 'liu', displayName: '刘师傅', role: 'kitchen_staff' });
    clock.set(Date.UTC(2026, 10, 20, 16, 0, 0) - 1);
    expect(escalation.tick()).toEqual([]);
    clock.set(Date.UTC(2026, 10, 20, 16, 0, 0)); // 00:00 in Shanghai
    escalation.tick();
    expect(alerts.get(crit.id)).toMatchObject({ escalatedTo: 'inspector' });
    expect(steps).toEqual([[crit.id, 'manager'], [crit.id, 'inspector']]);
    expect(actions.history(crit.id)!.at(-1)).toMatchObject({ act: 'escalated', actor: 'system', detail: { to: 'inspector', reason: 'day_end' } });
  });

  it('(§6) an alert cleared by the data but never acknowledged still goes to the manager', () => {
    const { clock, alerts, escalation, raise } = setup();
    const door = raise('warning', 'FS-DOOR');
    clock.advance(5 * 60_000);
    expect(alerts.clear('k007', 'freezer-1', 'FS-DOOR', clock.now(), null, 5)).toMatchObject({ status: 'active', clearedAt: expect.any(String) });
    clock.set(T0 + 15 * 60_000);
    expect(escalation.tick().map((a) => [a.id, a.escalatedTo])).toEqual([[door.id, 'manager']]);
  });

  it('(§6) a critical alert raised at 23:55 reaches the manager, then the board, at midnight: both stored and audited in order', () => {
    const { clock, alerts, audit, steps, escalation, raise } = setup();
    clock.set(Date.UTC(2026, 10, 20, 15, 55, 0)); // 23:55 in Shanghai
    const crit = raise('critical', 'FS-COLD-CRIT');
    const midnight = Date.UTC(2026, 10, 20, 16, 0, 0);
    clock.set(midnight);
    expect(escalation.tick().map((a) => [a.id, a.escalatedTo])).toEqual([[crit.id, 'manager'], [crit.id, 'inspector']]);
    expect(alerts.get(crit.id)).toMatchObject({ escalatedTo: 'inspector' });
    expect(steps).toEqual([[crit.id, 'manager'], [crit.id, 'inspector']]);
    expect(audit.ofSubject(`alert:${crit.id}`).map((e) => [e.actor, e.data])).toEqual([ // in the chain's order
      ['system', { to: 'manager', reason: 'day_end', dueAt: new Date(midnight).toISOString() }],
      ['system', { to: 'inspector', reason: 'day_end', dueAt: new Date(midnight).toISOString() }],
    ]);
  });

  it('(§6) the board clock runs from the first raise, kept by the store through a re-alarm, not from the first time out of range', () => {
    const { clock, alerts, steps, escalation, actions, raise } = setup();
    const crit = raise('critical', 'FS-COLD-CRIT', T0, 'k007', T0 - 3 * 3_600_000); // out of range (warning, alarm) since 07:00
    clock.advance(5 * 60_000);
    actions.acknowledge(crit.id, { username: 'liu', displayName: '刘师傅', role: 'kitchen_staff' });
    clock.set(T0 + 3 * 3_600_000);
    expect(raise('critical', 'FS-COLD-CRIT', clock.now(), 'k007', T0 - 3 * 3_600_000).id).toBe(crit.id); // re-alarm: active again
    expect(alerts.clocks(crit.id)).toEqual({ firstRaisedAt: new Date(T0).toISOString(), storedAt: new Date(T0 + 3 * 3_600_000).toISOString() });
    actions.acknowledge(crit.id, { username: 'liu', displayName: '刘师傅', role: 'kitchen_staff' });
    clock.set(T0 + 4 * 3_600_000 - 1);
    expect(escalation.tick()).toEqual([]);
    clock.set(T0 + 4 * 3_600_000);
    expect(escalation.tick().map((a) => a.escalatedTo)).toEqual(['manager', 'inspector']);
    expect(steps.map(([, level]) => level)).toEqual(['manager', 'inspector']);
  });

  it('(§6) an alert from a gateway\'s backlog gets its 15 min from when the server stored it', () => {
    const { clock, steps, escalation, raise } = setup();
    const late = raise('alarm', 'FS-COLD-ALARM', T0 - 50 * 60_000); // raised 50 min ago by the gateway's clock, stored now
    expect(escalation.tick()).toEqual([]);
    clock.set(T0 + 15 * 60_000 - 1);
    expect(escalation.tick()).toEqual([]);
    clock.set(T0 + 15 * 60_000);
    expect(escalation.tick().map((a) => [a.id, a.escalatedTo])).toEqual([[late.id, 'manager']]);
    expect(steps).toEqual([[late.id, 'manager']]);
  });

  it('(§6) an escalation due over an hour ago (the server was down) is stored and audited but not announced', () => {
    const { clock, alerts, audit, emitted, steps, escalation, raise } = setup();
    const door = raise('warning', 'FS-DOOR');
    clock.set(T0 + 15 * 60_000 + 60 * 60_000 + 1); // due at 10:15, found at 11:15 and a moment
    expect(escalation.tick().map((a) => a.id)).toEqual([door.id]);
    expect(alerts.get(door.id)).toMatchObject({ escalatedTo: 'manager' });
    expect(audit.ofSubject(`alert:${door.id}`)).toMatchObject([{ action: 'alert.escalated', data: { to: 'manager' } }]);
    expect(emitted.map((a) => a.escalatedTo)).toEqual(['manager']);
    expect(steps).toEqual([]);
  });
});
