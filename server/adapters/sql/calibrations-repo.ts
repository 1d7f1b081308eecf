// Calibrations and field checks of a kitchen's units (FS-CAL-DUE): append-only records of a
// probe read against a reference thermometer. The deviation is stored as recorded, to 0.01 °C.
import type { CalibrationRecord } from '../../../contracts/registry.ts';
import type { Db } from './database.ts';

interface CalibrationRow {
  id: number; kitchen_id: string; device_id: string; date: string; kind: CalibrationRecord['kind'];
  reference_c: number; reading_c: number; certificate: string | null; by: string; recorded_at: number;
}

export interface NewCalibration {
  kitchenId: string; deviceId: string; date: string; kind: CalibrationRecord['kind'];
  referenceC: number; readingC: number; certificate: string | null; by: string; recordedAt: number;
}

/** Probes and references read to 0.1 °C: 4.2 − 3.2 is 1.0, not 1.0000000000000004. */
export const deviationOf = (readingC: number, referenceC: number): number => Math.round((readingC - referenceC) * 100) / 100;

const toRecord = (r: CalibrationRow): CalibrationRecord => ({
  id: r.id, kitchenId: r.kitchen_id, deviceId: r.device_id, date: r.date, kind: r.kind, referenceC: r.reference_c,
  readingC: r.reading_c, deviationC: deviationOf(r.reading_c, r.reference_c), certificate: r.certificate, by: r.by,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

export function createCalibrationsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO calibrations (kitchen_id, device_id, date, kind, reference_c, reading_c, certificate, by, recorded_at)
    VALUES (@kitchenId, @deviceId, @date, @kind, @referenceC, @readingC, @certificate, @by, @recordedAt)`);
  const byId = db.prepare('SELECT * FROM calibrations WHERE id = ?');
  const ofUnit = db.prepare('SELECT * FROM calibrations WHERE kitchen_id = ? AND device_id = ? ORDER BY date DESC, id DESC');
  const ofKitchen = db.prepare('SELECT * FROM calibrations WHERE kitchen_id = ? ORDER BY device_id, date DESC, id DESC');

  return {
    insert(c: NewCalibration): CalibrationRecord {
      return toRecord(byId.get(Number(insert.run(c).lastInsertRowid)) as CalibrationRow);
    },
    /** A unit's records, newest first. */
    ofUnit: (kitchenId: string, deviceId: string): CalibrationRecord[] => (ofUnit.all(kitchenId, deviceId) as CalibrationRow[]).map(toRecord),
    /** Every record of a kitchen's units, by unit, newest first. */
    ofKitchen: (kitchenId: string): CalibrationRecord[] => (ofKitchen.all(kitchenId) as CalibrationRow[]).map(toRecord),
  };
}

export type CalibrationsRepo = ReturnType<typeof createCalibrationsRepo>;
