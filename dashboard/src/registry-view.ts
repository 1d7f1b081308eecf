// The registry's pure parts (rule book sections 3 and 8): the site's today, how far a licence,
// a health certificate or a calibration is from lapsing, in words, and the forms' input read
// into the request contracts. No DOM and no clock of its own, so it is tested directly.
import type { CalibrationRequest, InspectionRequest, InspectionResult, StaffRequest, UnitCalibration } from '../../contracts/registry.ts';
import { DEFAULT_PROFILE_ID, PROFILES, type Profile } from '../../contracts/profiles.ts';
import { t, type Key } from './i18n.ts';

/** missing: nothing on file; lapsed: past its date; due: within its lead days; ok: further off. */
export type ExpiryState = 'missing' | 'lapsed' | 'due' | 'ok';

export interface Expiry {
  state: ExpiryState;
  /** Days until the date (negative: lapsed); null when nothing is on file. */
  daysLeft: number | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The site-local date of `now` (YYYY-MM-DD): a certificate lapses at the site's midnight, not the browser's. */
export function siteToday(now: number, timeZone: string): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(new Date(now)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

const utcDay = (date: string): number | null => {
  const m = DAY.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
};

/** Whole calendar days from `today` to `date` (both YYYY-MM-DD); null if either is not a date. */
export function daysUntil(date: string, today: string): number | null {
  const a = utcDay(date);
  const b = utcDay(today);
  return a === null || b === null ? null : Math.round((a - b) / 86_400_000);
}

export function expiryOf(date: string | null, today: string, leadDays: number): Expiry {
  const daysLeft = date ? daysUntil(date, today) : null;
  if (daysLeft === null) return { state: 'missing', daysLeft: null };
  if (daysLeft < 0) return { state: 'lapsed', daysLeft };
  return { state: daysLeft <= leadDays ? 'due' : 'ok', daysLeft };
}

/** The lead days of the kitchen's profile: [FS-REG-LICENCE], [FS-REG-HEALTH-CERT], [FS-CAL-DUE]. */
export function registryParams(profileId: string): Profile['registry'] {
  return (PROFILES[profileId] ?? PROFILES[DEFAULT_PROFILE_ID]!).registry;
}

/** "剩 12 天", "今天到期", "已过期 3 天", or "未登记". */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return t('reg.days.none');
  if (daysLeft === -1) return t('reg.days.lapsedOne');
  if (daysLeft < 0) return t('reg.days.lapsed', { n: -daysLeft });
  if (daysLeft === 0) return t('reg.days.today');
  return daysLeft === 1 ? t('reg.days.leftOne') : t('reg.days.left', { n: daysLeft });
}

export const EXPIRY_LABEL: Readonly<Record<ExpiryState, Key>> = {
  missing: 'reg.expiry.missing',
  lapsed: 'reg.expiry.lapsed',
  due: 'reg.expiry.due',
  ok: 'reg.expiry.ok',
};

/** [FS-CAL-DUE] a unit's calibration: due by date, never calibrated, or its last field check off the reference. */
export function calibrationExpiry(unit: UnitCalibration, today: string, params: Profile['registry']): Expiry & { off: boolean } {
  const off = !!unit.lastCheck && Math.abs(unit.lastCheck.deviationC) > params.calibrationToleranceC;
  if (!unit.dueOn) return { state: 'lapsed', daysLeft: null, off };
  return { ...expiryOf(unit.dueOn, today, params.calibrationLeadDays), off };
}

export const RESULT_LABEL: Readonly<Record<InspectionResult, Key>> = {
  pass: 'reg.result.pass',
  pass_with_remarks: 'reg.result.pass_with_remarks',
  fail: 'reg.result.fail',
};

/** A form's reading: the request, or the message key of what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Key };

const isDay = (s: string): boolean => DAY.test(s) && utcDay(s) !== null && new Date(utcDay(s)!).toISOString().startsWith(s);

/** A temperature typed with a comma or a real minus sign still reads ("−18,5"). */
export function parseTemp(text: string): number | null {
  const v = Number(text.trim().replace(',', '.').replace('\u2212', '-'));
  return text.trim() !== '' && Number.isFinite(v) && v >= -60 && v <= 150 ? v : null;
}

export function readCalibration(f: { date: string; kind: string; referenceC: string; readingC: string; certificate: string }): Parsed<CalibrationRequest> {
  if (!isDay(f.date)) return { ok: false, error: 'reg.err.date' };
  if (f.kind !== 'calibration' && f.kind !== 'field_check') return { ok: false, error: 'reg.err.kind' };
  const referenceC = parseTemp(f.referenceC);
  const readingC = parseTemp(f.readingC);
  if (referenceC === null || readingC === null) return { ok: false, error: 'reg.err.temp' };
  const certificate = f.certificate.trim();
  // [FS-CAL-DUE] A calibration restarts the 12-month interval only with the service's certificate.
  if (f.kind === 'calibration' && !certificate) return { ok: false, error: 'reg.err.certificate' };
  return { ok: true, value: { date: f.date, kind: f.kind, referenceC, readingC, ...(certificate ? { certificate } : {}) } };
}

export function readInspection(f: { date: string; result: string; note: string }, today: string): Parsed<InspectionRequest> {
  if (!isDay(f.date) || f.date > today) return { ok: false, error: 'reg.err.date' };
  if (!(f.result in RESULT_LABEL)) return { ok: false, error: 'reg.err.result' };
  const note = f.note.trim();
  return { ok: true, value: { date: f.date, result: f.result as InspectionResult, ...(note ? { note } : {}) } };
}

export function readStaff(f: { name: string; position: string; certNumber: string; certExpiresOn: string; active: boolean }): Parsed<StaffRequest> {
  const name = f.name.trim();
  const position = f.position.trim();
  if (!name || !position) return { ok: false, error: 'reg.err.staff' };
  if (f.certExpiresOn && !isDay(f.certExpiresOn)) return { ok: false, error: 'reg.err.date' };
  return {
    ok: true,
    value: { name, position, healthCertNumber: f.certNumber.trim() || null, healthCertExpiresOn: f.certExpiresOn || null, active: f.active },
  };
}
