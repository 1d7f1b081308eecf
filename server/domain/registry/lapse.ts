// A document valid through a day (a health certificate, a licence): reminded `leadDays` before
// it lapses, and until it is renewed. Shared by FS-REG-HEALTH-CERT and FS-REG-LICENCE.
import { addDays, daysBetween } from './dates.ts';

export interface Lapse {
  /** Days from today to the last valid day; negative: lapsed. */
  daysLeft: number;
  /** The episode: the day the reminder window opened, or once lapsed the first day without a valid document. */
  since: string;
  /** What to say: "lapses on …", "lapses today", "lapsed on …". */
  phrase: string;
}

/**
 * The lapse is an episode of its own, apart from the warning before it: a person who closed
 * "lapses in 30 days" has not seen "lapsed". Until the last valid day the episode began when
 * the reminder window opened; from the day after it, on that day.
 */
export function episodeStart(lastValidDay: string, daysLeft: number, leadDays: number): string {
  return daysLeft >= 0 ? addDays(lastValidDay, -leadDays) : addDays(lastValidDay, 1);
}

/** null when the document is valid beyond the reminder window. */
export function lapseOf(expiresOn: string, today: string, leadDays: number): Lapse | null {
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft > leadDays) return null;
  const phrase = daysLeft < 0 ? `lapsed on ${expiresOn}` : daysLeft === 0 ? `lapses today (${expiresOn})` : `lapses on ${expiresOn}, in ${daysLeft} days`;
  return { daysLeft, since: episodeStart(expiresOn, daysLeft, leadDays), phrase };
}
