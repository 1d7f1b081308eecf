// The escalation tick (rule book section 6): every open alert is judged by the pure rule on the
// server's clock and its site's calendar; each level reached is stored on the alert, written to
// the audit log by "system" in the same transaction (so the history and the hash chain show
// it), pushed live as alert:updated, and handed to the notifier as its step, unless it fell due
// more than an hour ago (a server that was down, history from a backlog): like a raise that old,
// it is recorded but not announced.
import type { Alert } from '../../contracts/api.ts';
import type { AlertsRepo, EscalationCandidate } from '../adapters/sql/alerts-repo.ts';
import { alertAuditAction, alertSubject } from '../domain/alerts/history.ts';
import { escalationsDue, type EscalationDue, type EscalationLevel } from '../domain/escalation/escalation.ts';
import { profileById, DEFAULT_PROFILE_ID } from '../domain/profiles.ts';
import { isFresh } from '../domain/notifications/routing.ts';
import type { AuditPort } from './audit.ts';
import { siteCalendar } from './site-calendar.ts';

export interface EscalationDeps {
  alerts: Pick<AlertsRepo, 'escalationCandidates' | 'escalate'>;
  kitchenOf(kitchenId: string): { profile: string; timezone: string } | undefined;
  audit: AuditPort;
  now(): number;
  emit(event: 'alert:updated', alert: Alert): void;
  /** A step to announce: only those that fell due within the last hour. */
  onEscalated(alert: Alert, level: EscalationLevel): void;
  /** One alert that cannot be judged (its kitchen's settings are broken) must not stop the others'. */
  onFailed?(alert: Alert, err: unknown): void;
}

export function createEscalation(deps: EscalationDeps) {
  /** Stores one level with its audit entry; undefined when another tick got there first. */
  function escalate(alert: Alert, due: EscalationDue, now: number): Alert | undefined {
    return deps.audit.atomically(() => {
      const after = deps.alerts.escalate(alert.id, due.level, now);
      if (!after) return undefined;
      deps.audit.record({
        actor: 'system', role: null, action: alertAuditAction('escalated'), subject: alertSubject(alert.id), kitchenId: alert.kitchenId,
        data: { to: due.level, reason: due.reason, dueAt: new Date(due.dueAt).toISOString() },
      });
      return after;
    });
  }

  function judge({ alert, clocks }: EscalationCandidate, now: number): Alert[] {
    const kitchen = deps.kitchenOf(alert.kitchenId);
    const params = profileById(kitchen?.profile ?? DEFAULT_PROFILE_ID).escalation;
    const calendar = siteCalendar(kitchen?.timezone ?? 'Asia/Shanghai');
    const escalated: Alert[] = [];
    for (const due of escalationsDue({ ...alert, ...clocks }, params, now, calendar)) {
      const after = escalate(alert, due, now);
      if (!after) continue;
      deps.emit('alert:updated', after);
      if (isFresh(due.dueAt, now)) deps.onEscalated(after, due.level);
      escalated.push(after);
    }
    return escalated;
  }

  return {
    /** Judges every open alert now; returns the alerts escalated, as they are afterwards. */
    tick(): Alert[] {
      const now = deps.now();
      const escalated: Alert[] = [];
      for (const candidate of deps.alerts.escalationCandidates()) {
        try {
          escalated.push(...judge(candidate, now));
        } catch (err) {
          deps.onFailed?.(candidate.alert, err);
        }
      }
      return escalated;
    },
  };
}

export type Escalation = ReturnType<typeof createEscalation>;
