// Display formats. Data arrive as UTC ISO strings; people read the site's
// local time (Asia/Shanghai by default), whatever zone the browser is in.
import { t } from './i18n.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const MINUS = '\u2212'; // a real minus sign: "−18.0", not a hyphen

/** "4.2", "−18.0", or "—" when the probe gave no value. */
export function formatTempValue(temp: number | null | undefined): string {
  if (temp === null || temp === undefined || !Number.isFinite(temp)) return '—';
  const fixed = temp.toFixed(1);
  if (fixed === '-0.0') return '0.0';
  return fixed.replace('-', MINUS);
}

/** "4.2 °C", with a no-break space so the unit never wraps away from its number. */
export function formatTemp(temp: number | null | undefined): string {
  const value = formatTempValue(temp);
  return value === '—' ? value : `${value}\u00a0°C`;
}

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Parts {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out as unknown as Parts;
}

export interface TimeOptions {
  timeZone?: string;
  /** Reference for "today"; the date is left out for times on the same local day. */
  now?: number;
  seconds?: boolean;
}

/** "14:05" today, "11-22 14:05" on another day (local to the site). */
export function formatTime(iso: string, opts: TimeOptions = {}): string {
  const zone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const p = partsIn(date, zone);
  const clock = opts.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  const today = partsIn(new Date(opts.now ?? Date.now()), zone);
  const sameDay = p.year === today.year && p.month === today.month && p.day === today.day;
  return sameDay ? clock : `${p.month}-${p.day} ${clock}`;
}

/** "2024-11-22 14:05:09", always with the date. */
export function formatDateTime(iso: string | number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "3 分钟前" / "3 min ago" for the time since `iso`. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return '—';
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 10) return t('age.now');
  if (s < 60) return t('age.sec', { n: s });
  if (s < 3600) return t('age.min', { n: Math.floor(s / 60) });
  if (s < 86_400) return t('age.hour', { n: Math.floor(s / 3600) });
  return t('age.day', { n: Math.floor(s / 86_400) });
}
