// A kitchen's staff and their health certificates (FS-REG-HEALTH-CERT). Staff are never
// deleted: someone who leaves is made inactive, so past records still name them. Every read
// and write is keyed by the kitchen too: a staff id of another kitchen finds nothing.
import type { StaffMember } from '../../../contracts/registry.ts';
import type { Db } from './database.ts';

interface StaffRow {
  id: number; kitchen_id: string; name: string; position: string;
  health_cert_number: string | null; health_cert_expires_on: string | null; active: number;
}

export type StaffFields = Omit<StaffMember, 'id' | 'kitchenId'>;

const toStaff = (r: StaffRow): StaffMember => ({
  id: r.id, kitchenId: r.kitchen_id, name: r.name, position: r.position, healthCertNumber: r.health_cert_number,
  healthCertExpiresOn: r.health_cert_expires_on, active: r.active === 1,
});

const params = (kitchenId: string, s: StaffFields) => ({
  kitchenId, name: s.name, position: s.position, healthCertNumber: s.healthCertNumber,
  healthCertExpiresOn: s.healthCertExpiresOn, active: s.active ? 1 : 0,
});

export function createStaffRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO staff (kitchen_id, name, position, health_cert_number, health_cert_expires_on, active)
    VALUES (@kitchenId, @name, @position, @healthCertNumber, @healthCertExpiresOn, @active)`);
  const update = db.prepare(`UPDATE staff SET name = @name, position = @position, health_cert_number = @healthCertNumber,
    health_cert_expires_on = @healthCertExpiresOn, active = @active WHERE id = @id AND kitchen_id = @kitchenId`);
  const one = db.prepare('SELECT * FROM staff WHERE id = ? AND kitchen_id = ?');
  const ofKitchen = db.prepare('SELECT * FROM staff WHERE kitchen_id = ? ORDER BY active DESC, id');

  const get = (kitchenId: string, id: number): StaffMember | undefined => {
    const row = one.get(id, kitchenId) as StaffRow | undefined;
    return row && toStaff(row);
  };
  return {
    get,
    /** Active first, then in the order they were added. */
    list: (kitchenId: string): StaffMember[] => (ofKitchen.all(kitchenId) as StaffRow[]).map(toStaff),
    insert(kitchenId: string, s: StaffFields): StaffMember {
      return get(kitchenId, Number(insert.run(params(kitchenId, s)).lastInsertRowid))!;
    },
    /** undefined when the kitchen has no such staff member. */
    update(kitchenId: string, id: number, s: StaffFields): StaffMember | undefined {
      return update.run({ ...params(kitchenId, s), id }).changes > 0 ? get(kitchenId, id) : undefined;
    },
  };
}

export type StaffRepo = ReturnType<typeof createStaffRepo>;
