// The registry's reminders and the alerts they keep (rule book sections 3 and 8): each due
// reminder has one alert per episode, raised once; when the registry is put right the alert
// is closed by the system, as nothing is left for a person to verify. Pure.
import { calibrationState } from './calibration.ts';
import { healthCertReminder } from './health-cert.ts';
import { licenceReminder } from './licence.ts';
import type { DueReminder, RegistryFacts, RegistryParams } from './types.ts';

/** Every reminder due today: the licence, then the staff, then the units. */
export function registryReminders(facts: RegistryFacts, today: string, p: RegistryParams): DueReminder[] {
  return [
    licenceReminder(facts.licence, today, p),
    ...facts.staff.map((s) => healthCertReminder(s, today, p)),
    ...facts.units.map((u) => calibrationState(u, today, p).due),
  ].filter((d): d is DueReminder => d !== null);
}

/** A due reminder with its episode as an instant (the site-local midnight of `since`); null: nothing on file. */
export interface TimedReminder {
  due: DueReminder;
  startsAt: number | null;
}

/** An alert of a registry rule in this kitchen, as the reconciliation needs it. */
export interface RegistryAlertRef {
  id: number;
  subject: string;
  ruleId: string;
  firstOutAt: number;
  /** Not closed and not cleared: the one alert the store keeps per subject and rule. */
  live: boolean;
  /** Who closed it: a person's name, SYSTEM_ACTOR when the registry was put right, null while open. */
  closedBy: string | null;
}

/** The closer of an alert whose entry was put right (or no longer applies): not a person's decision. */
export const SYSTEM_ACTOR = 'system';

export type ReminderAction =
  | { type: 'raise'; due: DueReminder; firstOutAt: number }
  | { type: 'close'; alertId: number };

const keyOf = (subject: string, ruleId: string) => `${ruleId}|${subject}`;

/** A person closed this alert: its episode is dealt with. The system's close (the staff member
 *  made inactive, a date mistyped) says nothing of the episode once it is due again. */
const closedByPerson = (a: RegistryAlertRef): boolean => !a.live && a.closedBy !== null && a.closedBy !== SYSTEM_ACTOR;

/**
 * The alerts to raise and close so that each due reminder has its episode's alert and nothing
 * else is live. A live alert of an earlier episode (the certificate renewed to a date that is
 * itself near, or the warning become the lapse) is closed and a new one raised; an episode a
 * person has closed is not raised again.
 */
export function reconcileReminders(due: readonly TimedReminder[], alerts: readonly RegistryAlertRef[], now: number): ReminderAction[] {
  const live = new Map(alerts.filter((a) => a.live).map((a) => [keyOf(a.subject, a.ruleId), a]));
  const actions: ReminderAction[] = [];
  const wanted = new Set<string>();
  for (const d of due) {
    const { subject, ruleId } = d.due.reminder;
    const key = keyOf(subject, ruleId);
    wanted.add(key);
    const current = live.get(key);
    if (current && (d.startsAt === null || current.firstOutAt === d.startsAt)) continue;
    if (current) actions.push({ type: 'close', alertId: current.id });
    else if (d.startsAt !== null && alerts.some((a) => keyOf(a.subject, a.ruleId) === key && a.firstOutAt === d.startsAt && closedByPerson(a))) continue;
    actions.push({ type: 'raise', due: d.due, firstOutAt: d.startsAt ?? now });
  }
  for (const [key, a] of live) if (!wanted.has(key)) actions.push({ type: 'close', alertId: a.id });
  return actions;
}

/** The alert's text: what is due, and why. */
export const reminderMessage = (d: DueReminder, profileId: string): string =>
  `${d.reminder.subjectName} (${d.reminder.subject}): ${d.reminder.reason} [${profileId}]`;
