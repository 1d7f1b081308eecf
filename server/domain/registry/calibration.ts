// [FS-CAL-DUE] law (食品安全法 第56条: equipment checked 定期校验) + practice: a unit's probe is
// calibrated by a metrology service every calibrationIntervalMonths (12), reminded
// calibrationLeadDays (30) ahead; a unit never calibrated is due now. A field check against a
// reference probe that is off by more than calibrationToleranceC (1 °C) makes the unit due
// now, until a calibration newer than that check. Only the newest field check counts: a later
// check within tolerance (the probe re-seated, say) ends it too. Overdue is an episode of its
// own, as a lapsed certificate is (lapse.ts).
import type { Reminder } from '../../../contracts/registry.ts';
import { addMonths, daysBetween, minDate } from './dates.ts';
import { episodeStart } from './lapse.ts';
import type { CheckFacts, DueReminder, RegistryParams, UnitFacts } from './types.ts';

export interface UnitCalibrationState {
  lastCalibratedOn: string | null;
  /** When the unit is due: 12 months after its last calibration, or the day of a failed field check. */
  dueOn: string | null;
  /** The newest record of either kind. */
  lastCheck: CheckFacts | null;
  due: DueReminder | null;
}

const newer = (a: CheckFacts, b: CheckFacts): boolean => a.date > b.date || (a.date === b.date && a.id > b.id);
const newestOf = (checks: readonly CheckFacts[]): CheckFacts | null =>
  checks.reduce<CheckFacts | null>((best, c) => (best === null || newer(c, best) ? c : best), null);
/** Probes read to 0.1 °C: 4.2 − 3.2 must be 1.0, not 1.0000000000000004. */
const magnitude = (deviationC: number): number => Math.round(Math.abs(deviationC) * 1000) / 1000;
const fmt = (c: number): string => String(Math.round(c * 10) / 10);

/** [FS-CAL-DUE] The newest field check when it is off and no calibration came after it. */
function failedCheck(checks: readonly CheckFacts[], last: CheckFacts | null, p: RegistryParams): CheckFacts | null {
  const field = newestOf(checks.filter((c) => c.kind === 'field_check'));
  if (!field || magnitude(field.deviationC) <= p.calibrationToleranceC) return null;
  return last !== null && newer(last, field) ? null : field;
}

export function calibrationState(unit: UnitFacts, today: string, p: RegistryParams): UnitCalibrationState {
  const last = newestOf(unit.checks.filter((c) => c.kind === 'calibration'));
  const failed = failedCheck(unit.checks, last, p);
  const intervalDue = last ? addMonths(last.date, p.calibrationIntervalMonths) : null;
  const dueOn = failed ? (intervalDue ? minDate(failed.date, intervalDue) : failed.date) : intervalDue;
  const state = { lastCalibratedOn: last?.date ?? null, dueOn, lastCheck: newestOf(unit.checks) };
  const inWindow = intervalDue !== null && daysBetween(today, intervalDue) <= p.calibrationLeadDays;
  if (last && !failed && !inWindow) return { ...state, due: null };
  // The interval's episode: the reminder window, or once overdue a new one from the day after
  // the due date (closing "due in 30 days" must not silence "overdue"). A failed check is due
  // from its day; the episode began at the earliest of what is due now; none on file has no date.
  const intervalSince = inWindow ? episodeStart(intervalDue!, daysBetween(today, intervalDue!), p.calibrationLeadDays) : null;
  const since = !last ? null : failed && (intervalSince === null || failed.date < intervalSince) ? failed.date : intervalSince;
  const reminder: Reminder = {
    kind: 'calibration', ruleId: 'FS-CAL-DUE', subject: unit.deviceId, subjectName: unit.name,
    dueOn, daysLeft: dueOn === null ? null : daysBetween(today, dueOn), reason: reasonOf(last, failed, intervalDue, today, p),
  };
  return { ...state, due: { reminder, since } };
}

function reasonOf(last: CheckFacts | null, failed: CheckFacts | null, intervalDue: string | null, today: string, p: RegistryParams): string {
  const reasons: string[] = [];
  if (failed) reasons.push(`field check on ${failed.date} off the reference by ${fmt(magnitude(failed.deviationC))} °C (tolerance ${fmt(p.calibrationToleranceC)} °C)`);
  if (!last) reasons.push('never calibrated');
  else if (intervalDue! < today) reasons.push(`calibration overdue since ${intervalDue} (last ${last.date})`);
  else if (daysBetween(today, intervalDue!) <= p.calibrationLeadDays) reasons.push(`calibration due on ${intervalDue} (last ${last.date})`);
  return reasons.join('; ');
}
