// A kitchen's registry facts (rule book section 8) beside its row in `kitchens`: site number,
// licence, risk grade, where it is; and the inspections recorded there, the newest of which
// stays posted. Dates are site-local YYYY-MM-DD.
import type { Inspection, InspectionResult, RegistryUpdate, RiskGrade } from '../../../contracts/registry.ts';
import type { Db } from './database.ts';

export interface KitchenFacts {
  siteNumber: string | null;
  lat: number | null;
  lng: number | null;
  licenceNumber: string | null;
  licenceExpiresOn: string | null;
  riskGrade: RiskGrade | null;
}

interface FactsRow {
  site_number: string | null; lat: number | null; lng: number | null;
  licence_number: string | null; licence_expires_on: string | null; risk_grade: RiskGrade | null;
}
interface InspectionRow { id: number; kitchen_id: string; date: string; result: InspectionResult; note: string; inspector: string; recorded_at: number }

/** RegistryUpdate's fields and their columns: the only columns an update may name. */
const COLUMNS: Record<keyof RegistryUpdate, string> = {
  name: 'name', siteNumber: 'site_number', siteType: 'site_type', address: 'address', lat: 'lat', lng: 'lng',
  licenceNumber: 'licence_number', licenceExpiresOn: 'licence_expires_on', riskGrade: 'risk_grade',
};

export interface NewInspection { kitchenId: string; date: string; result: InspectionResult; note: string; inspector: string; recordedAt: number }

const toInspection = (r: InspectionRow): Inspection => ({
  id: r.id, kitchenId: r.kitchen_id, date: r.date, result: r.result, note: r.note, inspector: r.inspector,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

export function createRegistryFactsRepo(db: Db) {
  const factsOf = db.prepare('SELECT site_number, lat, lng, licence_number, licence_expires_on, risk_grade FROM kitchens WHERE id = ?');
  const insertInspection = db.prepare(`INSERT INTO inspections (kitchen_id, date, result, note, inspector, recorded_at)
    VALUES (@kitchenId, @date, @result, @note, @inspector, @recordedAt)`);
  const inspectionById = db.prepare('SELECT * FROM inspections WHERE id = ?');
  // Newest by the inspection's date; of one day, the last recorded.
  const inspectionsOf = db.prepare('SELECT * FROM inspections WHERE kitchen_id = ? ORDER BY date DESC, id DESC LIMIT ?');

  return {
    facts(kitchenId: string): KitchenFacts | undefined {
      const r = factsOf.get(kitchenId) as FactsRow | undefined;
      return r && {
        siteNumber: r.site_number, lat: r.lat, lng: r.lng, licenceNumber: r.licence_number,
        licenceExpiresOn: r.licence_expires_on, riskGrade: r.risk_grade,
      };
    },
    /** Sets the fields present in `update`; the others stay. */
    update(kitchenId: string, update: RegistryUpdate): void {
      const fields = (Object.keys(update) as Array<keyof RegistryUpdate>).filter((f) => Object.hasOwn(COLUMNS, f) && update[f] !== undefined); // own keys: never an inherited 'constructor'
      if (fields.length === 0) return;
      const sets = fields.map((f) => `${COLUMNS[f]} = @${f}`).join(', ');
      db.prepare(`UPDATE kitchens SET ${sets} WHERE id = @kitchenId`).run({ ...Object.fromEntries(fields.map((f) => [f, update[f]])), kitchenId });
    },
    insertInspection(i: NewInspection): Inspection {
      const id = Number(insertInspection.run(i).lastInsertRowid);
      return toInspection(inspectionById.get(id) as InspectionRow);
    },
    /** Newest first. */
    inspections: (kitchenId: string, limit = 100): Inspection[] => (inspectionsOf.all(kitchenId, limit) as InspectionRow[]).map(toInspection),
    lastInspection(kitchenId: string): Inspection | null {
      const row = inspectionsOf.get(kitchenId, 1) as InspectionRow | undefined;
      return row ? toInspection(row) : null;
    },
  };
}

export type RegistryFactsRepo = ReturnType<typeof createRegistryFactsRepo>;
