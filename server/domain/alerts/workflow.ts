// The alert workflow as decisions (rule book section 6): which step an alert in a given state
// may take, who may verify a corrective action, and who may comment. Roles' permissions
// (alert:ack, alert:resolve, alert:close) are checked by the caller against the access table;
// these are the rules that depend on the alert itself. Pure: no I/O, no clock.
import type { AlertStatus } from '../../../contracts/api.ts';
import type { Role } from '../../../contracts/auth.ts';

export type AlertStep = 'acknowledge' | 'resolve' | 'close';
export type Decision<T> = { ok: true; value: T } | { ok: false; code: 'invalid_transition' | 'forbidden'; message: string };

/** What an alert records as done, in order, when a person takes `step`. */
export type AlertAct = 'acknowledged' | 'resolved' | 'closed';

const refuse = (status: AlertStatus, step: AlertStep): Decision<never> =>
  ({ ok: false, code: 'invalid_transition', message: `cannot ${step} an alert that is ${status}` });

/**
 * active → acknowledged → resolved → closed. Resolving an active alert is allowed: the person
 * who resolves it has evidently seen it, so it is acknowledged by them first (both are recorded).
 */
export function stepActs(status: AlertStatus, step: AlertStep): Decision<AlertAct[]> {
  if (step === 'acknowledge') return status === 'active' ? { ok: true, value: ['acknowledged'] } : refuse(status, step);
  if (step === 'resolve') {
    if (status === 'active') return { ok: true, value: ['acknowledged', 'resolved'] };
    return status === 'acknowledged' ? { ok: true, value: ['resolved'] } : refuse(status, step);
  }
  return status === 'resolved' ? { ok: true, value: ['closed'] } : refuse(status, step);
}

export interface Person {
  username: string;
  role: Role;
}

/**
 * Closing is the verification of the corrective action: a second person must check it, so the
 * one who resolved the alert may not close it, unless they are an administrator.
 */
export function mayVerify(resolver: Pick<Person, 'username'> | null, verifier: Person): Decision<true> {
  if (verifier.role === 'admin' || resolver === null || resolver.username.toLowerCase() !== verifier.username.toLowerCase()) {
    return { ok: true, value: true };
  }
  return { ok: false, code: 'forbidden', message: 'you resolved this alert: a second person must verify the corrective action and close it' };
}

/** Anyone who can see the kitchen may comment on its alerts, except auditors, who only read. */
export function mayComment(role: Role): Decision<true> {
  return role === 'auditor'
    ? { ok: false, code: 'forbidden', message: 'auditors read the record; they do not add to it' }
    : { ok: true, value: true };
}
