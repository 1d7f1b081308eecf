// Rule state per unit, as JSON, so alarms in progress survive a server restart.
import type { Db } from './database.ts';

export function createRuleStateRepo(db: Db) {
  const upsert = db.prepare(`INSERT INTO rule_state (kitchen_id, device_id, state) VALUES (?, ?, ?)
    ON CONFLICT(kitchen_id, device_id) DO UPDATE SET state = excluded.state`);
  return {
    loadAll(): Array<{ kitchenId: string; deviceId: string; state: unknown }> {
      const rows = db.prepare('SELECT kitchen_id, device_id, state FROM rule_state').all() as Array<{ kitchen_id: string; device_id: string; state: string }>;
      return rows.map((r) => ({ kitchenId: r.kitchen_id, deviceId: r.device_id, state: JSON.parse(r.state) as unknown }));
    },
    saveMany(entries: Array<{ kitchenId: string; deviceId: string; state: unknown }>) {
      db.transaction(() => {
        for (const e of entries) upsert.run(e.kitchenId, e.deviceId, JSON.stringify(e.state));
      })();
    },
  };
}

export type RuleStateRepo = ReturnType<typeof createRuleStateRepo>;
