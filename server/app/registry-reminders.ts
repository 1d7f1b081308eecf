// The registry's reminders as alerts (FS-CAL-DUE, FS-REG-HEALTH-CERT, FS-REG-LICENCE): what is
// due in a kitchen today (site-local), and the check that raises each reminder's alert once and
// closes it, as the system, when the registry is put right. Run after every registry change of a
// kitchen and on a timer for all. Rules come from server/domain/registry; alerts share the cold
// chain's store with the subject (unit, staff-<id>, licence) in the alert's device column.
import type { Alert, Device, Kitchen } from '../../contracts/api.ts';
import { DEVICE_KINDS } from '../../contracts/payloads.ts';
import { DEFAULT_PROFILE_ID, profileById, type Profile } from '../../contracts/profiles.ts';
import type { CalibrationRecord, StaffMember } from '../../contracts/registry.ts';
import {
  REGISTRY_RULES, SYSTEM_ACTOR, calibrationState, reconcileReminders, registryReminders, reminderMessage,
  type DueReminder, type RegistryAlertRef, type RegistryFacts, type UnitCalibrationState,
} from '../domain/registry/registry.ts';
import { alertAuditAction, alertSubject } from '../domain/alerts/history.ts';
import type { AlertsRepo } from '../adapters/sql/alerts-repo.ts';
import type { RegistryRepo } from '../adapters/sql/registry-repo.ts';
import type { KitchenFacts, RegistryFactsRepo } from '../adapters/sql/registry-facts-repo.ts';
import type { StaffRepo } from '../adapters/sql/staff-repo.ts';
import type { CalibrationsRepo } from '../adapters/sql/calibrations-repo.ts';
import type { AuditPort } from './audit.ts';
import { localDate, localTimeToUtc } from './site-time.ts';

/** Units with a temperature probe to calibrate (scales and cameras are not devices of these kinds). */
const TEMPERATURE_KINDS: ReadonlySet<string> = new Set(DEVICE_KINDS);

export interface RegistryRemindersDeps {
  registry: Pick<RegistryRepo, 'getKitchen' | 'listKitchens' | 'listDevices'>;
  facts: Pick<RegistryFactsRepo, 'facts'>;
  staff: Pick<StaffRepo, 'list'>;
  calibrations: Pick<CalibrationsRepo, 'ofKitchen'>;
  alerts: Pick<AlertsRepo, 'byRules' | 'raise' | 'closeFixed'>;
  audit: AuditPort;
  now(): number;
  emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert): void;
  onRaised?(ruleId: string): void;
  onCheckFailed?(kitchenId: string, err: Error): void;
}

/** Everything the registry knows of a kitchen today, with what is due. */
export interface RegistrySnapshot {
  kitchen: Kitchen;
  profile: Profile;
  today: string;
  facts: KitchenFacts;
  staff: StaffMember[];
  units: Array<{ device: Device; records: CalibrationRecord[]; state: UnitCalibrationState }>;
  due: DueReminder[];
}

export function createRegistryReminders(deps: RegistryRemindersDeps) {
  function snapshot(kitchenId: string): RegistrySnapshot | undefined {
    const kitchen = deps.registry.getKitchen(kitchenId);
    const facts = deps.facts.facts(kitchenId);
    if (!kitchen || !facts) return undefined;
    const profile = profileById(kitchen.profile ?? DEFAULT_PROFILE_ID);
    const today = localDate(deps.now(), kitchen.timezone);
    const staff = deps.staff.list(kitchenId);
    const records = deps.calibrations.ofKitchen(kitchenId);
    const units = deps.registry.listDevices(kitchenId).filter((d) => TEMPERATURE_KINDS.has(d.kind)).map((device) => {
      const mine = records.filter((r) => r.deviceId === device.deviceId);
      const checks = mine.map((r) => ({ id: r.id, date: r.date, kind: r.kind, deviationC: r.deviationC }));
      return { device, records: mine, state: calibrationState({ deviceId: device.deviceId, name: device.name, kind: device.kind, checks }, today, profile.registry) };
    });
    const registryFacts: RegistryFacts = {
      licence: { number: facts.licenceNumber, expiresOn: facts.licenceExpiresOn },
      staff: staff.map((s) => ({ id: s.id, name: s.name, healthCertExpiresOn: s.healthCertExpiresOn, active: s.active })),
      units: [], // their reminders are computed above, once
    };
    const due = [...registryReminders(registryFacts, today, profile.registry), ...units.flatMap((u) => (u.state.due ? [u.state.due] : []))];
    return { kitchen, profile, today, facts, staff, units, due };
  }

  function closeFixed(kitchenId: string, alertId: number, now: number) {
    const closed = deps.audit.atomically(() => {
      const alert = deps.alerts.closeFixed(alertId, now, SYSTEM_ACTOR);
      if (alert) {
        deps.audit.record({
          actor: SYSTEM_ACTOR, role: null, action: alertAuditAction('closed'), subject: alertSubject(alertId), kitchenId,
          data: { note: 'the registry was put right' },
        });
      }
      return alert;
    });
    if (closed) deps.emitAlert('alert:updated', closed);
  }

  /** Raises what is due and not yet alerted, closes what was put right. */
  function check(kitchenId: string): void {
    const snap = snapshot(kitchenId);
    if (!snap) return;
    const now = deps.now();
    const zone = snap.kitchen.timezone;
    const timed = snap.due.map((due) => ({ due, startsAt: due.since === null ? null : localTimeToUtc(due.since, '00:00', zone) }));
    const refs: RegistryAlertRef[] = deps.alerts.byRules(kitchenId, REGISTRY_RULES, 0).map((a) => ({
      id: a.id, subject: a.deviceId, ruleId: a.ruleId, firstOutAt: Date.parse(a.firstOutAt), live: a.status !== 'closed' && a.clearedAt === null,
      closedBy: a.closedBy,
    }));
    for (const action of reconcileReminders(timed, refs, now)) {
      if (action.type === 'close') {
        closeFixed(kitchenId, action.alertId, now);
        continue;
      }
      const { ruleId, subject } = action.due.reminder;
      const { alert, created } = deps.alerts.raise({
        kitchenId, deviceId: subject, ruleId, severity: 'reminder', profile: snap.profile.id,
        message: reminderMessage(action.due, snap.profile.id), firstOutAt: action.firstOutAt, raisedAt: now, value: null, storedAt: now,
      });
      if (created) deps.onRaised?.(ruleId);
      deps.emitAlert('alert:raised', alert);
    }
  }

  /** Checks one kitchen, reporting a failure rather than throwing it. */
  function recheck(kitchenId: string): void {
    try {
      check(kitchenId);
    } catch (err) {
      deps.onCheckFailed?.(kitchenId, err as Error);
    }
  }

  return {
    snapshot,
    check,
    /** After a committed change: the change is saved whatever the check does, so its failure is
     *  reported (and the hourly check tries again), never answered as the change's own. */
    recheck,
    /** Every kitchen; one kitchen's failure is reported and does not stop the others. */
    checkAll(): void {
      for (const k of deps.registry.listKitchens()) recheck(k.id);
    },
  };
}

export type RegistryReminders = ReturnType<typeof createRegistryReminders>;
