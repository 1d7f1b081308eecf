// The food-sample ledger, meal times and menus. `source` identifies the gateway
// event a sample came from (kitchen/gateway/device/seq), so a re-sent event is
// recorded once.
import type { Meal, ServiceRef } from '../../../contracts/samples.ts';
import type { SampleRecord } from '../../domain/samples/types.ts';
import type { Db } from './database.ts';

interface SampleRow {
  id: number; kitchen_id: string; service_date: string; meal: Meal; dish: string; net_weight_g: number;
  scale_serial: string; cabinet: string; slot: number; placed_at: number; placed_by: string; photo_ref: string | null;
  removed_at: number | null; removed_by: string | null; sealed_at: number | null; sealed_by: string | null;
  disposed_at: number | null; disposed_by: string | null;
}

const toRecord = (r: SampleRow): SampleRecord => ({
  id: r.id, kitchenId: r.kitchen_id, service: { date: r.service_date, meal: r.meal }, dish: r.dish,
  netWeightG: r.net_weight_g, scaleSerial: r.scale_serial, cabinet: r.cabinet, slot: r.slot,
  placedAt: r.placed_at, placedBy: r.placed_by, photoRef: r.photo_ref, removedAt: r.removed_at, removedBy: r.removed_by,
  sealedAt: r.sealed_at, sealedBy: r.sealed_by, disposedAt: r.disposed_at, disposedBy: r.disposed_by,
});

export interface NewSample {
  kitchenId: string; service: ServiceRef; dish: string; netWeightG: number; scaleSerial: string;
  cabinet: string; slot: number; placedAt: number; placedBy: string; photoRef?: string | null; source?: string;
}

export interface MealTime { meal: Meal; starts: string; ends: string }

export function createSamplesRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM samples WHERE id = ?');
  const get = (id: number) => {
    const row = byId.get(id) as SampleRow | undefined;
    return row && toRecord(row);
  };
  const insert = db.prepare(`INSERT OR IGNORE INTO samples (kitchen_id, service_date, meal, dish, net_weight_g, scale_serial,
      cabinet, slot, placed_at, placed_by, photo_ref, source)
    VALUES (@kitchenId, @date, @meal, @dish, @netWeightG, @scaleSerial, @cabinet, @slot, @placedAt, @placedBy, @photoRef, @source)`);
  const onSlot = db.prepare(`SELECT * FROM samples WHERE kitchen_id = ? AND cabinet = ? AND slot = ? AND removed_at IS NULL
    ORDER BY placed_at DESC LIMIT 1`);

  return {
    get,
    /** Records a placement; undefined when this source event was recorded before. */
    place(s: NewSample): SampleRecord | undefined {
      const info = insert.run({ ...s, ...s.service, photoRef: s.photoRef ?? null, source: s.source ?? null });
      return info.changes === 0 ? undefined : get(Number(info.lastInsertRowid));
    },
    /** The sample still on a slot, if any. */
    onSlot(kitchenId: string, cabinet: string, slot: number): SampleRecord | undefined {
      const row = onSlot.get(kitchenId, cabinet, slot) as SampleRow | undefined;
      return row && toRecord(row);
    },
    remove(id: number, at: number, by: string | null): SampleRecord | undefined {
      db.prepare('UPDATE samples SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL').run(at, by, id);
      return get(id);
    },
    seal(id: number, at: number, by: string): SampleRecord | undefined {
      db.prepare('UPDATE samples SET sealed_at = ?, sealed_by = ? WHERE id = ?').run(at, by, id);
      return get(id);
    },
    dispose(id: number, at: number, by: string): SampleRecord | undefined {
      db.prepare('UPDATE samples SET disposed_at = ?, disposed_by = ?, removed_at = coalesce(removed_at, ?), removed_by = coalesce(removed_by, ?) WHERE id = ?')
        .run(at, by, at, by, id);
      return get(id);
    },
    forDay(kitchenId: string, date: string): SampleRecord[] {
      return (db.prepare('SELECT * FROM samples WHERE kitchen_id = ? AND service_date = ? ORDER BY placed_at').all(kitchenId, date) as SampleRow[]).map(toRecord);
    },
    /** Samples of a cabinet whose retention may still be running at `since`. */
    heldIn(kitchenId: string, cabinet: string, since: number): SampleRecord[] {
      return (db.prepare('SELECT * FROM samples WHERE kitchen_id = ? AND cabinet = ? AND (removed_at IS NULL OR removed_at >= ?)')
        .all(kitchenId, cabinet, since) as SampleRow[]).map(toRecord);
    },
    setMealTimes(kitchenId: string, times: MealTime[]) {
      const upsert = db.prepare(`INSERT INTO meal_times (kitchen_id, meal, starts, ends) VALUES (?, ?, ?, ?)
        ON CONFLICT(kitchen_id, meal) DO UPDATE SET starts = excluded.starts, ends = excluded.ends`);
      db.transaction(() => times.forEach((t) => upsert.run(kitchenId, t.meal, t.starts, t.ends)))();
    },
    mealTimes(kitchenId: string): MealTime[] {
      return db.prepare('SELECT meal, starts, ends FROM meal_times WHERE kitchen_id = ?').all(kitchenId) as MealTime[];
    },
    setMenu(kitchenId: string, service: ServiceRef, dishes: string[]) {
      db.prepare(`INSERT INTO menus (kitchen_id, service_date, meal, dishes) VALUES (?, ?, ?, ?)
        ON CONFLICT(kitchen_id, service_date, meal) DO UPDATE SET dishes = excluded.dishes`)
        .run(kitchenId, service.date, service.meal, JSON.stringify(dishes));
    },
    menusForDay(kitchenId: string, date: string): Array<{ meal: Meal; dishes: string[] }> {
      const rows = db.prepare('SELECT meal, dishes FROM menus WHERE kitchen_id = ? AND service_date = ?').all(kitchenId, date) as Array<{ meal: Meal; dishes: string }>;
      return rows.map((r) => ({ meal: r.meal, dishes: JSON.parse(r.dishes) as string[] }));
    },
  };
}

export type SamplesRepo = ReturnType<typeof createSamplesRepo>;
