// When an alert is escalated (rule book section 6): unacknowledged after the profile's ackMin
// (15 min) it goes to the site manager; critical and unresolved after criticalBoardHours (4 h), or
// at the end of the site-local day if that comes first, it goes to the inspector's board. Each
// level once, never downwards, and never the board without the manager first. Pure: the caller
// passes the time and the site's calendar.
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

/** The alert's clocks the server keeps to itself (alerts.first_raised_at, alerts.stored_at). */
export interface AlertClocks {
  /** Its first raise: a re-alarm moves raisedAt, never this. */
  firstRaisedAt: string;
  /** When the server stored its latest raise: later than raisedAt when it came from a gateway's backlog. */
  storedAt: string;
}

export type EscalationSubject = Pick<Alert, 'severity' | 'status' | 'raisedAt' | 'escalatedTo'> & AlertClocks;

const RANK: Readonly<Record<EscalationLevel | 'none', number>> = { none: 0, manager: 1, inspector: 2 };

/** Alerts no one has finished with: resolved and closed ones are done, and reminders are not incidents. */
const escalates = (a: EscalationSubject) => a.severity !== 'reminder' && (a.status === 'active' || a.status === 'acknowledged');

/**
 * The levels due now that the alert has not reached yet, lowest first. The board is never told
 * before the manager: when the inspector level falls due first (a critical alert raised at 23:55
 * meets the day end at 00:00), the manager step comes with it, for the board's reason.
 */
export function escalationsDue(alert: EscalationSubject, params: EscalationParams, now: number, calendar: SiteCalendar): EscalationDue[] {
  if (!escalates(alert)) return [];
  const reached = RANK[alert.escalatedTo ?? 'none'];
  const inspector = reached < RANK.inspector ? inspectorDue(alert, params, now, calendar) : null;
  const manager = reached < RANK.manager ? managerDue(alert, params, now) ?? (inspector && { ...inspector, level: 'manager' as const }) : null;
  return [manager, inspector].filter((d): d is EscalationDue => d !== null);
}

/** Still active (nobody acknowledged it) ackMin after it was raised, or after the server learnt
 *  of it if that was later: nobody can acknowledge an alert before it reaches the server. A
 *  re-alarm sets raisedAt again and the status back to active, so it starts this clock again. */
function managerDue(alert: EscalationSubject, params: EscalationParams, now: number): EscalationDue | null {
  if (alert.status !== 'active') return null;
  const since = Math.max(Date.parse(alert.raisedAt), Date.parse(alert.storedAt));
  const dueAt = since + params.ackMin * 60_000;
  return now >= dueAt ? { level: 'manager', reason: 'unacknowledged', dueAt } : null;
}

/**
 * Critical and not resolved criticalBoardHours after its first raise, or at the end of that
 * site-local day. The first raise never moves: raisedAt does, at each re-alarm of an
 * acknowledged alert (hourly), and would keep the board from ever seeing it.
 */
function inspectorDue(alert: EscalationSubject, params: EscalationParams, now: number, calendar: SiteCalendar): EscalationDue | null {
  if (alert.severity !== 'critical') return null;
  const since = Date.parse(alert.firstRaisedAt);
  const afterHours = since + params.criticalBoardHours * 3_600_000;
  const dayEnd = calendar.dayEnd(since);
  const dueAt = Math.min(afterHours, dayEnd);
  if (now < dueAt) return null;
  return { level: 'inspector', reason: dayEnd < afterHours ? 'day_end' : 'critical_unresolved', dueAt };
}
