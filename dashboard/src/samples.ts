// Food samples (留样): the pure parts of the sample board — a status's chip
// (colour class, icon, word), the 48 h retention countdown, and whether a
// kitchen has an open sample alert. No DOM here, so it is tested directly.
import type { Alert, SampleDto } from '../../contracts/api.ts';
import { t } from './i18n.ts';
import type { ICONS } from './icons.ts';

export type SampleStatus = SampleDto['status'];
export type Meal = SampleDto['meal'];

/** How a status looks: a colour tone (CSS class) and an icon, always with its word. */
export type SampleTone = 'ok' | 'amber' | 'red' | 'purple' | 'grey';

const TONES: Readonly<Record<SampleStatus, SampleTone>> = {
  ok: 'ok',
  marginal: 'amber',
  light: 'red',
  missing: 'red',
  'removed-early': 'red',
  compromised: 'red',
  sealed: 'purple',
  disposed: 'grey',
  pending: 'grey',
};

const TONE_ICONS: Readonly<Record<SampleTone, keyof typeof ICONS>> = {
  ok: 'ok',
  amber: 'warning',
  red: 'alarm',
  purple: 'unknown',
  grey: 'offline',
};

export function sampleTone(status: SampleStatus): SampleTone {
  return TONES[status];
}

/** The chip's classes, e.g. "chip sample-chip tone-red sample-missing". */
export function sampleChipClass(status: SampleStatus): string {
  return `chip sample-chip tone-${TONES[status]} sample-${status}`;
}

export function sampleChipIcon(status: SampleStatus): keyof typeof ICONS {
  return status === 'sealed' ? 'critical' : status === 'pending' ? 'unknown' : TONE_ICONS[TONES[status]];
}

/** "合格", "未留样", "Under 125 g" … in the current language. */
export function sampleStatusLabel(status: SampleStatus): string {
  return t(`sample.status.${status}`);
}

/** Rows a person must act on now: shown with a red edge and tint. */
export function isFlagged(status: SampleStatus): boolean {
  return status === 'missing' || status === 'light';
}

/**
 * Time left of the 48 h retention: "剩 37 小时" / "37 h left" (whole hours, rounded
 * down, so it never promises more than is left), minutes in the last hour, and
 * "已满 48 小时" / "48 h reached" once it has passed.
 */
export function retentionText(retentionEndsAt: string, now: number): string {
  const ms = Date.parse(retentionEndsAt) - now;
  if (Number.isNaN(ms)) return '—';
  if (ms <= 0) return t('sample.retention.done');
  if (ms < 3_600_000) return t('sample.retention.minLeft', { n: Math.max(1, Math.floor(ms / 60_000)) });
  return t('sample.retention.hoursLeft', { n: Math.floor(ms / 3_600_000) });
}

/** Whether the countdown means anything for a sample in this status (not once it left the cabinet or is sealed). */
export function showsCountdown(status: SampleStatus): boolean {
  return status !== 'disposed' && status !== 'removed-early' && status !== 'sealed';
}

/** "131.2 g", with a no-break space. */
export function formatWeight(g: number | null | undefined): string {
  if (g === null || g === undefined || !Number.isFinite(g)) return '—';
  return `${g.toFixed(1)}\u00a0g`;
}

export const SAMPLE_RULE_PREFIX = 'FS-SAMPLE-';

export function isSampleRule(ruleId: string): boolean {
  return ruleId.startsWith(SAMPLE_RULE_PREFIX);
}

/** An open (not closed) alert of the kitchen under one of the given rules. */
export function hasOpenAlertOf(alerts: Iterable<Alert>, kitchenId: string, isRule: (ruleId: string) => boolean): boolean {
  for (const a of alerts) if (a.kitchenId === kitchenId && a.status !== 'closed' && isRule(a.ruleId)) return true;
  return false;
}

/** An open FS-SAMPLE-* alert for the kitchen: the district card's "留样异常" badge. */
export function hasSampleIssue(alerts: Iterable<Alert>, kitchenId: string): boolean {
  return hasOpenAlertOf(alerts, kitchenId, isSampleRule);
}

/** An open bright-kitchen alert (FS-CAM-*, or an AI event not yet rejected): the card's "明厨亮灶" badge. */
export function hasCameraIssue(alerts: Iterable<Alert>, kitchenId: string): boolean {
  return hasOpenAlertOf(alerts, kitchenId, (rule) => rule.startsWith('FS-CAM-') || rule === 'FS-AI-EVENT');
}

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A site-local day (YYYY-MM-DD) moved by `days`: shiftDate('2026-11-23', -1) is
 * '2026-11-22'. Plain calendar arithmetic done in UTC on the string, so no time
 * zone or daylight saving can move it; month and year ends roll over.
 */
export function shiftDate(date: string, days: number): string {
  const m = DAY.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== date || !Number.isInteger(days)) {
    throw new RangeError(`shiftDate: not a day: ${date} ${days}`);
  }
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
