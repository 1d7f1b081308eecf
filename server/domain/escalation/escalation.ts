// When an alert is escalated (rule book section 6): unacknowledged after the profile's ackMin
// (15 min) it goes to the site manager; critical and unresolved after criticalBoardHours (4 h), or
// at the end of the site-local day if that comes first, it goes to the inspector's board. Each
// level once, never downwards. Pure: the caller passes the time and the site's calendar.
import type { Alert } from '../../../contracts/api.ts';

export type EscalationLevel = 'manager' | 'inspector';
export type EscalationReason = 'unacknowledged' | 'critical_unresolved' | 'day_end';

export interface EscalationParams {
  ackMin: number;
  criticalBoardHours: number;
}

/** The site's calendar: the first site-local midnight after an instant (the end of its day). */
export interface SiteCalendar {
  dayEnd(ms: number): number;
}

export interface EscalationDue {
  level: EscalationLevel;
  reason: EscalationReason;
  /** When it became due (the audit entry and the history show it). */
  dueAt: number;
}

export type EscalationSubject = Pick<Alert, 'severity' | 'status' | 'raisedAt' | 'firstOutAt' | 'escalatedTo'>;

const RANK: Readonly<Record<EscalationLevel | 'none', number>> = { none: 0, manager: 1, inspector: 2 };

/** Alerts no one has finished with: resolved and closed ones are done, and reminders are not incidents. */
const escalates = (a: EscalationSubject) => a.severity !== 'reminder' && (a.status === 'active' || a.status === 'acknowledged');

/**
 * The levels due now that the alert has not reached yet, lowest first (both when a stopped server
 * finds both due at once: the manager is still told).
 */
export function escalationsDue(alert: EscalationSubject, params: EscalationParams, now: number, calendar: SiteCalendar): EscalationDue[] {
  if (!escalates(alert)) return [];
  const reached = RANK[alert.escalatedTo ?? 'none'];
  const due: EscalationDue[] = [];
  const manager = managerDue(alert, params, now);
  if (manager && reached < RANK.manager) due.push(manager);
  const inspector = inspectorDue(alert, params, now, calendar);
  if (inspector && reached < RANK.inspector) due.push(inspector);
  return due;
}

/** Still active (nobody acknowledged it) ackMin after it was raised. A re-alarm sets raisedAt
 *  again and the status back to active, so it starts this clock again. */
function managerDue(alert: EscalationSubject, params: EscalationParams, now: number): EscalationDue | null {
  if (alert.status !== 'active') return null;
  const dueAt = Date.parse(alert.raisedAt) + params.ackMin * 60_000;
  return now >= dueAt ? { level: 'manager', reason: 'unacknowledged', dueAt } : null;
}

/**
 * Critical and not resolved after criticalBoardHours, or at the end of the site-local day. The
 * clock runs from the alert's first out-of-range time, which never moves: raisedAt does, at each
 * re-alarm of an acknowledged alert (hourly), and would keep the board from ever seeing it.
 */
function inspectorDue(alert: EscalationSubject, params: EscalationParams, now: number, calendar: SiteCalendar): EscalationDue | null {
  if (alert.severity !== 'critical') return null;
  const since = Math.min(Date.parse(alert.firstOutAt), Date.parse(alert.raisedAt));
  const afterHours = since + params.criticalBoardHours * 3_600_000;
  const dayEnd = calendar.dayEnd(since);
  const dueAt = Math.min(afterHours, dayEnd);
  if (now < dueAt) return null;
  return { level: 'inspector', reason: dayEnd < afterHours ? 'day_end' : 'critical_unresolved', dueAt };
}
