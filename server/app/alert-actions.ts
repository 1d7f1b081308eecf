// What people do about an alert (rule book section 6): acknowledge, resolve with the corrective
// action, close as the verification, comment. Each act is checked against the workflow, written
// together with its audit entry in one transaction, and pushed live when the alert changed.
import type { Alert } from '../../contracts/api.ts';
import type { AlertHistoryEntry, CloseRequest, CommentRequest, ResolveRequest } from '../../contracts/alert-workflow.ts';
import type { Role } from '../../contracts/auth.ts';
import type { AlertsRepo } from '../adapters/sql/alerts-repo.ts';
import { mayComment, mayVerify, stepActs, type AlertStep, type Decision } from '../domain/alerts/workflow.ts';
import { alertAuditAction, alertHistory, alertSubject, auditHistoryEntry } from '../domain/alerts/history.ts';
import type { AuditEntry } from '../domain/audit/chain.ts';
import type { AuditInput } from './audit.ts';

/** The logged-in person acting. */
export interface Actor {
  username: string;
  displayName: string;
  role: Role;
}

export type ActOutcome<T = Alert> = { ok: true; value: T } | { ok: false; code: 'invalid_transition' | 'forbidden' | 'alert_not_found'; message: string };

export interface AlertActionsDeps {
  alerts: AlertsRepo;
  audit: { record(entry: AuditInput): AuditEntry; atomically<T>(fn: () => T): T; ofSubject(subject: string): AuditEntry[] };
  now(): number;
  emit(event: 'alert:updated', alert: Alert): void;
}

export function createAlertActions(deps: AlertActionsDeps) {
  const entry = (alert: Alert, who: Actor, act: 'acknowledged' | 'resolved' | 'closed' | 'commented', data: Record<string, unknown>): AuditInput => ({
    actor: who.displayName, role: who.role, action: alertAuditAction(act), subject: alertSubject(alert.id), kitchenId: alert.kitchenId,
    // The username too: display names need not be unique, and who resolved must be told apart from who verifies.
    data: { ...data, username: who.username },
  });

  /** Checks the step against the alert as it is inside the transaction, then runs it. */
  function step(id: number, s: AlertStep, run: (before: Alert, acts: string[]) => Decision<Alert>): ActOutcome {
    const outcome = deps.audit.atomically((): ActOutcome => {
      const before = deps.alerts.get(id);
      if (!before) return { ok: false, code: 'alert_not_found', message: 'no such alert' };
      const acts = stepActs(before.status, s);
      return acts.ok ? run(before, acts.value) : acts;
    });
    if (outcome.ok) deps.emit('alert:updated', outcome.value);
    return outcome;
  }

  const acknowledge = (alert: Alert, who: Actor, at: number, implicit = false) => {
    const after = deps.alerts.acknowledge(alert.id, who.displayName, at)!;
    deps.audit.record(entry(after, who, 'acknowledged', implicit ? { implicit: true } : {}));
    return after;
  };

  /** Who resolved the alert, by username, from the audit log (the alert row keeps the display name). */
  function resolverOf(alert: Alert): { username: string } | null {
    const resolved = deps.audit.ofSubject(alertSubject(alert.id)).filter((e) => e.action === alertAuditAction('resolved')).at(-1);
    const username = resolved?.data.username;
    return typeof username === 'string' ? { username } : null;
  }

  return {
    acknowledge: (id: number, who: Actor): ActOutcome => step(id, 'acknowledge', (before) => ({ ok: true, value: acknowledge(before, who, deps.now()) })),
    resolve: (id: number, who: Actor, req: ResolveRequest): ActOutcome => step(id, 'resolve', (before, acts) => {
      const at = deps.now();
      if (acts.includes('acknowledged')) acknowledge(before, who, at, true); // resolving an active alert acknowledges it first
      const after = deps.alerts.resolve(id, at, { by: who.displayName, ...req })!;
      deps.audit.record(entry(after, who, 'resolved', { cause: req.cause, correctiveAction: req.correctiveAction, disposition: req.disposition }));
      return { ok: true, value: after };
    }),
    close: (id: number, who: Actor, req: CloseRequest): ActOutcome => step(id, 'close', (before) => {
      const verdict = mayVerify(resolverOf(before), who);
      if (!verdict.ok) return verdict;
      const after = deps.alerts.close(id, deps.now(), who.displayName)!;
      deps.audit.record(entry(after, who, 'closed', req.note ? { note: req.note } : {}));
      return { ok: true, value: after };
    }),
    comment(id: number, who: Actor, req: CommentRequest): ActOutcome<AlertHistoryEntry> {
      const verdict = mayComment(who.role);
      if (!verdict.ok) return verdict;
      const outcome = deps.audit.atomically((): ActOutcome<{ alert: Alert; entry: AlertHistoryEntry }> => {
        const alert = deps.alerts.get(id);
        if (!alert) return { ok: false, code: 'alert_not_found', message: 'no such alert' };
        const recorded = deps.audit.record(entry(alert, who, 'commented', { text: req.text.trim() }));
        return { ok: true, value: { alert, entry: auditHistoryEntry(recorded)! } };
      });
      if (!outcome.ok) return outcome;
      // The alert itself is unchanged, but whoever has it open should see the new comment in its history.
      deps.emit('alert:updated', outcome.value.alert);
      return { ok: true, value: outcome.value.entry };
    },
    history(id: number): AlertHistoryEntry[] | undefined {
      const alert = deps.alerts.get(id);
      return alert && alertHistory(alert, deps.audit.ofSubject(alertSubject(id)));
    },
  };
}

export type AlertActions = ReturnType<typeof createAlertActions>;
