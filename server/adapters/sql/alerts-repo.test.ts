// The alert record's lifecycle in the SQL store (rule book section 6).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { createAlertsRepo, type RaiseInput } from './alerts-repo.ts';
import { createRegistryRepo } from './registry-repo.ts';

const T = Date.UTC(2026, 10, 23, 2, 0, 0);
const raise = (over: Partial<RaiseInput> = {}): RaiseInput => ({
  kitchenId: 'k1', deviceId: 'chiller-1', ruleId: 'FS-COLD-ALARM', severity: 'alarm', profile: 'CN-GB31654',
  message: 'above 8 °C', firstOutAt: T, raisedAt: T + 15 * 60_000, storedAt: T + 15 * 60_000, value: 9.2, ...over,
});

describe('alerts in SQL', () => {
  it('keeps one live alert per unit and rule: a re-alarm re-activates it instead of duplicating', () => {
    const repo = createAlertsRepo(openDatabase(':memory:'));
    const first = repo.raise(raise());
    expect(first.created).toBe(true);
    repo.acknowledge(first.alert.id, '王师傅', T + 20 * 60_000);
    const again = repo.raise(raise({ raisedAt: T + 80 * 60_000, value: 10.5 }));
    expect(again.created).toBe(false);
    expect(again.alert).toMatchObject({ id: first.alert.id, status: 'active', peakValue: 10.5, acknowledgedBy: '王师傅' });
    expect(repo.list()).toHaveLength(1);
  });

  it('gives a new excursion its own alert once the last one was cleared by the data, keeping the old one open', () => {
    const repo = createAlertsRepo(openDatabase(':memory:'));
    const first = repo.raise(raise()).alert;
    const cleared = repo.clear('k1', 'chiller-1', 'FS-COLD-ALARM', T + 60 * 60_000, 11, 45);
    expect(cleared).toMatchObject({ id: first.id, status: 'active', clearedAt: new Date(T + 60 * 60_000).toISOString(), minutesOut: 45 });
    const second = repo.raise(raise({ firstOutAt: T + 300 * 60_000, raisedAt: T + 315 * 60_000 }));
    expect(second.created).toBe(true);
    expect(repo.list({ status: 'open' }).map((a) => a.id).sort()).toEqual([first.id, second.alert.id].sort());
  });

  it('walks active → acknowledged → resolved → closed and refuses steps out of order', () => {
    const repo = createAlertsRepo(openDatabase(':memory:'));
    const { id } = repo.raise(raise()).alert;
    expect(repo.close(id, T)?.status).toBe('active'); // cannot close before it is resolved
    expect(repo.acknowledge(id, '李经理', T + 1)?.status).toBe('acknowledged');
    expect(repo.acknowledge(id, 'someone else', T + 2)?.acknowledgedBy).toBe('李经理');
    expect(repo.resolve(id, T + 3)?.status).toBe('resolved');
    expect(repo.close(id, T + 4)).toMatchObject({ status: 'closed', closedAt: new Date(T + 4).toISOString() });
    expect(repo.list({ status: 'open' })).toEqual([]);
  });

  it('refuses a kitchen whose rule profile does not exist', () => {
    const registry = createRegistryRepo(openDatabase(':memory:'));
    const kitchen = { id: 'k1', name: 'k', district: 'd', address: '', siteType: '助餐点', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' };
    registry.saveKitchen(kitchen);
    expect(() => registry.saveKitchen({ ...kitchen, profile: 'NOPE' })).toThrow(/unknown rule profile NOPE/);
    expect(registry.getKitchen('k1')?.profile).toBe('CN-GB31654');
  });

  it('closeFixed clears and closes an open alert from any status, once, and names the closer', () => {
    const repo = createAlertsRepo(openDatabase(':memory:'));
    const reminder = (subject: string) => repo.raise(raise({ deviceId: subject, ruleId: 'FS-REG-HEALTH-CERT', severity: 'reminder', value: null })).alert.id;
    const active = reminder('staff-1');
    const acknowledged = reminder('staff-2');
    repo.acknowledge(acknowledged, '王经理', T + 1);
    const at = T + 60_000;
    const iso = new Date(at).toISOString();
    expect(repo.closeFixed(active, at, 'system')).toMatchObject({ status: 'closed', closedBy: 'system', closedAt: iso, clearedAt: iso });
    expect(repo.closeFixed(acknowledged, at, 'system')).toMatchObject({ status: 'closed', acknowledgedBy: '王经理', clearedAt: iso });
    expect(repo.closeFixed(active, at + 1, 'system')).toBeUndefined(); // closed already: nothing changes
    expect(repo.get(active)?.closedAt).toBe(iso);
    expect(repo.findLive('k1', 'staff-1', 'FS-REG-HEALTH-CERT')).toBeUndefined();
    expect(repo.closeFixed(999, at, 'system')).toBeUndefined();
  });

  it('closeFixed keeps the time the data cleared an alert', () => {
    const repo = createAlertsRepo(openDatabase(':memory:'));
    const { id } = repo.raise(raise()).alert;
    repo.clear('k1', 'chiller-1', 'FS-COLD-ALARM', T + 30 * 60_000, 9.5, 30);
    expect(repo.closeFixed(id, T + 90 * 60_000, 'system')).toMatchObject({ status: 'closed', clearedAt: new Date(T + 30 * 60_000).toISOString() });
  });

  it('(§6) keeps the first raise through a re-alarm and the time the server stored the latest raise, out of the Alert contract', () => {
    const repo = createAlertsRepo(openDatabase(':memory:'));
    const iso = (ms: number) => new Date(ms).toISOString();
    const { id } = repo.raise(raise({ storedAt: T + 40 * 60_000 })).alert; // from a gateway's backlog: stored 25 min after its raise
    expect(repo.clocks(id)).toEqual({ firstRaisedAt: iso(T + 15 * 60_000), storedAt: iso(T + 40 * 60_000) });
    repo.acknowledge(id, '王师傅', T + 45 * 60_000);
    expect(repo.raise(raise({ raisedAt: T + 105 * 60_000, storedAt: T + 106 * 60_000 })).alert.raisedAt).toBe(iso(T + 105 * 60_000));
    expect(repo.clocks(id)).toEqual({ firstRaisedAt: iso(T + 15 * 60_000), storedAt: iso(T + 106 * 60_000) });
    expect(repo.escalationCandidates()).toMatchObject([{ alert: { id }, clocks: { firstRaisedAt: iso(T + 15 * 60_000) } }]);
    expect(repo.get(id)).not.toHaveProperty('firstRaisedAt');
  });

  it('(§6) a store from before the escalation clocks takes each alert\'s raise as its first raise and its storing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcw-alerts-'));
    const path = join(dir, 'old.sqlite');
    const old = openDatabase(path);
    old.exec('ALTER TABLE alerts DROP COLUMN first_raised_at; ALTER TABLE alerts DROP COLUMN stored_at');
    const version = 9; // as migration 9 (escalation and notifications) left it: migration 10 adds the clocks
    old.pragma(`user_version = ${version}`);
    old.prepare(`INSERT INTO alerts (kitchen_id, device_id, rule_id, severity, profile, message, first_out_at, raised_at)
      VALUES ('k1', 'chiller-1', 'FS-COLD-CRIT', 'critical', 'CN-GB31654', 'warm', ?, ?)`).run(T, T + 15 * 60_000);
    old.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(version);
    expect(db.prepare('SELECT first_raised_at, stored_at FROM alerts').all()).toEqual([{ first_raised_at: T + 15 * 60_000, stored_at: T + 15 * 60_000 }]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
