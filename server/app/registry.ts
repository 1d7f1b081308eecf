// The registry's use cases (rule book sections 1, 3 and 8): a kitchen's registry entry, its
// facts, new sites, staff and their certificates, calibrations and inspections. Every change
// is written with its audit entry in one transaction, and the kitchen's reminders are checked
// again at once, so a renewed certificate closes its alert while the person watches.
import type { Kitchen } from '../../contracts/api.ts';
import { PROFILES, DEFAULT_PROFILE_ID, isProfileId } from '../../contracts/profiles.ts';
import type {
  CalibrationRecord, CalibrationRequest, Inspection, InspectionRequest, KitchenCreateRequest, KitchenRegistry,
  Reminder, RegistryUpdate, StaffMember, StaffRequest,
} from '../../contracts/registry.ts';
import { isCalendarDate } from '../domain/registry/registry.ts';
import type { RegistryRepo } from '../adapters/sql/registry-repo.ts';
import type { RegistryFactsRepo } from '../adapters/sql/registry-facts-repo.ts';
import type { StaffRepo } from '../adapters/sql/staff-repo.ts';
import type { CalibrationsRepo } from '../adapters/sql/calibrations-repo.ts';
import type { Actor } from './alert-actions.ts';
import type { AuditPort } from './audit.ts';
import type { RegistryReminders, RegistrySnapshot } from './registry-reminders.ts';
import { localDate } from './site-time.ts';

export type RegistryErrorCode = 'invalid_body' | 'kitchen_exists' | 'kitchen_not_found' | 'staff_not_found' | 'device_not_found' | 'jurisdiction_not_found';

export class RegistryError extends Error {
  constructor(readonly code: RegistryErrorCode, message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface RegistryDeps {
  registry: Pick<RegistryRepo, 'getKitchen' | 'saveKitchen' | 'getDevice' | 'listKitchens'>;
  facts: RegistryFactsRepo;
  staff: StaffRepo;
  calibrations: CalibrationsRepo;
  reminders: RegistryReminders;
  /** The kitchen's jurisdictions by name, and linking a new site into them. */
  jurisdictions: {
    ofKitchen(kitchenId: string): Array<{ id: string; name: string }>;
    exists(id: string): boolean;
    link(kitchenId: string, jurisdictionId: string, by: Actor): void;
  };
  audit: AuditPort;
  now(): number;
}

/** An audit entry of a change; the subject may name what the change created (a new staff id). */
interface AuditWhat<T> {
  action: string;
  subject: string | ((value: T) => string);
  kitchenId: string;
  data: Record<string, unknown>;
}

const fail = (code: RegistryErrorCode, message: string): never => {
  throw new RegistryError(code, message);
};

/** The zone's canonical name ('asia/shanghai' → 'Asia/Shanghai'), so the store holds one spelling; undefined: unknown. */
function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** A name as shown: trimmed, and something left to show. */
const trimmed = (value: string, what: string): string => value.trim() || fail('invalid_body', `${what}: must not be blank`);

export function createRegistry(deps: RegistryDeps) {
  const snapshotOr404 = (kitchenId: string): RegistrySnapshot => deps.reminders.snapshot(kitchenId) ?? fail('kitchen_not_found', `no kitchen ${kitchenId}`);
  /** A site-local date of a record: a real day, not after the site's today. */
  const pastDate = (kitchenId: string, date: string, what: string) => {
    if (!isCalendarDate(date)) fail('invalid_body', `${what}: ${date} is not a calendar date`);
    const zone = deps.registry.getKitchen(kitchenId)?.timezone ?? 'Asia/Shanghai';
    if (date > localDate(deps.now(), zone)) fail('invalid_body', `${what}: ${date} is in the future`);
  };
  const calendarDate = (date: string | null | undefined, what: string) => {
    if (typeof date === 'string' && !isCalendarDate(date)) fail('invalid_body', `${what}: ${date} is not a calendar date`);
  };
  /** Runs a change with its audit entry in one transaction, then checks the kitchen's reminders:
   *  the change is committed by then, so the check's failure is reported, not answered. */
  function audited<T>(by: Actor, what: AuditWhat<T>, change: () => T): T {
    const result = deps.audit.atomically(() => {
      const value = change();
      const subject = typeof what.subject === 'function' ? what.subject(value) : what.subject;
      deps.audit.record({ actor: by.displayName, role: by.role, ...what, subject, data: { ...what.data, username: by.username } });
      return value;
    });
    deps.reminders.recheck(what.kitchenId);
    return result;
  }

  function view(kitchenId: string): KitchenRegistry {
    const s = snapshotOr404(kitchenId);
    const { kitchen, facts } = s;
    return {
      kitchenId, name: kitchen.name, siteNumber: facts.siteNumber, siteType: kitchen.siteType, address: kitchen.address,
      lat: facts.lat, lng: facts.lng, licenceNumber: facts.licenceNumber, licenceExpiresOn: facts.licenceExpiresOn, riskGrade: facts.riskGrade,
      lastInspection: deps.facts.lastInspection(kitchenId), jurisdictions: deps.jurisdictions.ofKitchen(kitchenId), staff: s.staff,
      units: s.units.map(({ device, records, state }) => ({
        deviceId: device.deviceId, name: device.name, kind: device.kind, lastCalibratedOn: state.lastCalibratedOn, dueOn: state.dueOn,
        lastCheck: records.find((r) => r.id === state.lastCheck?.id) ?? null,
      })),
      reminders: s.due.map((d) => d.reminder),
    };
  }

  /** Everything is checked before anything is written: a refused site leaves no row behind. */
  function createKitchen(req: KitchenCreateRequest, by: Actor): Kitchen {
    if (deps.registry.getKitchen(req.id)) fail('kitchen_exists', `kitchen ${req.id} exists already`);
    const name = trimmed(req.name, 'name');
    const profile = req.profile ?? DEFAULT_PROFILE_ID;
    // Own keys only: "constructor" or "__proto__" are not profiles.
    if (!isProfileId(profile)) fail('invalid_body', `unknown rule profile ${profile} (known: ${Object.keys(PROFILES).join(', ')})`);
    const zone = req.timezone ?? 'Asia/Shanghai';
    const timezone = canonicalTimeZone(zone) ?? fail('invalid_body', `unknown time zone ${zone}`);
    const jurisdictions = [...new Set(req.jurisdictions ?? [])];
    const unknown = jurisdictions.find((j) => !deps.jurisdictions.exists(j));
    if (unknown !== undefined) fail('jurisdiction_not_found', `no jurisdiction ${unknown}`);
    const kitchen: Kitchen = { id: req.id, name, district: req.district.trim(), address: req.address.trim(), siteType: req.siteType, timezone, profile };
    audited(by, { action: 'kitchen.created', subject: `kitchen:${req.id}`, kitchenId: req.id, data: { ...kitchen, jurisdictions } }, () => {
      deps.registry.saveKitchen(kitchen);
      for (const j of jurisdictions) deps.jurisdictions.link(req.id, j, by);
    });
    return deps.registry.getKitchen(req.id)!;
  }

  function update(kitchenId: string, req: RegistryUpdate, by: Actor): KitchenRegistry {
    snapshotOr404(kitchenId);
    calendarDate(req.licenceExpiresOn, 'licenceExpiresOn');
    const update = req.name === undefined ? req : { ...req, name: trimmed(req.name, 'name') };
    audited(by, { action: 'registry.updated', subject: `kitchen:${kitchenId}`, kitchenId, data: { ...update } }, () => deps.facts.update(kitchenId, update));
    return view(kitchenId);
  }

  function staffFields(req: StaffRequest, before?: StaffMember) {
    calendarDate(req.healthCertExpiresOn, 'healthCertExpiresOn');
    return {
      name: trimmed(req.name, 'name'), position: trimmed(req.position, 'position'),
      healthCertNumber: req.healthCertNumber !== undefined ? req.healthCertNumber : (before?.healthCertNumber ?? null),
      healthCertExpiresOn: req.healthCertExpiresOn !== undefined ? req.healthCertExpiresOn : (before?.healthCertExpiresOn ?? null),
      active: req.active ?? before?.active ?? true,
    };
  }

  function addStaff(kitchenId: string, req: StaffRequest, by: Actor): StaffMember {
    snapshotOr404(kitchenId);
    const fields = staffFields(req);
    return audited(by, { action: 'staff.added', subject: (m: StaffMember) => `staff:${m.id}`, kitchenId, data: fields }, () => deps.staff.insert(kitchenId, fields));
  }

  /** Omitted optional fields keep their values; there is no delete: `active: false`. */
  function updateStaff(kitchenId: string, staffId: number, req: StaffRequest, by: Actor): StaffMember {
    const before = deps.staff.get(kitchenId, staffId) ?? fail('staff_not_found', `no staff member ${staffId} in ${kitchenId}`);
    const fields = staffFields(req, before);
    return audited(by, { action: 'staff.updated', subject: `staff:${staffId}`, kitchenId, data: fields }, () => deps.staff.update(kitchenId, staffId, fields)!);
  }

  const deviceOr404 = (kitchenId: string, deviceId: string) =>
    deps.registry.getDevice(kitchenId, deviceId) ?? fail('device_not_found', `no device ${deviceId} in ${kitchenId}`);

  function recordCalibration(kitchenId: string, deviceId: string, req: CalibrationRequest, by: Actor): CalibrationRecord {
    deviceOr404(kitchenId, deviceId);
    pastDate(kitchenId, req.date, 'date');
    // [FS-CAL-DUE] Only a metrology service's calibration restarts the interval, and its
    // certificate is the proof an inspector asks for; a field check on site has none.
    const certificate = req.certificate?.trim() || null;
    if (req.kind === 'calibration' && certificate === null) fail('invalid_body', 'certificate: a calibration needs the metrology service\'s certificate number');
    const record = { kitchenId, deviceId, date: req.date, kind: req.kind, referenceC: req.referenceC, readingC: req.readingC, certificate };
    return audited(by, { action: 'calibration.recorded', subject: `device:${deviceId}`, kitchenId, data: record },
      () => deps.calibrations.insert({ ...record, by: by.displayName, recordedAt: deps.now() }));
  }

  function recordInspection(kitchenId: string, req: InspectionRequest, by: Actor): Inspection {
    snapshotOr404(kitchenId);
    pastDate(kitchenId, req.date, 'date');
    const record = { kitchenId, date: req.date, result: req.result, note: req.note?.trim() ?? '' };
    return audited(by, { action: 'inspection.recorded', subject: `kitchen:${kitchenId}`, kitchenId, data: record },
      () => deps.facts.insertInspection({ ...record, inspector: by.displayName, recordedAt: deps.now() }));
  }

  return {
    view,
    createKitchen,
    update,
    addStaff,
    updateStaff,
    recordCalibration,
    calibrations(kitchenId: string, deviceId: string): CalibrationRecord[] {
      deviceOr404(kitchenId, deviceId);
      return deps.calibrations.ofUnit(kitchenId, deviceId);
    },
    recordInspection,
    inspections: (kitchenId: string): Inspection[] => deps.facts.inspections(kitchenId),
    /** What is due in these kitchens (undefined: all), soonest first; nothing on file counts as due now. */
    reminders(kitchenIds?: readonly string[]): Array<Reminder & { kitchenId: string; kitchenName: string }> {
      const ids = kitchenIds ?? deps.registry.listKitchens().map((k) => k.id);
      const all = ids.flatMap((id) => {
        const s = deps.reminders.snapshot(id);
        return s ? s.due.map((d) => ({ ...d.reminder, kitchenId: id, kitchenName: s.kitchen.name })) : [];
      });
      // Nothing on file (no days left to count) first, then the soonest.
      const rank = (r: Reminder) => (r.daysLeft === null ? -1e9 : r.daysLeft);
      return all.sort((a, b) => rank(a) - rank(b) || a.kitchenId.localeCompare(b.kitchenId));
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
