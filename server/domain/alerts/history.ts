// An alert's history (GET /api/alerts/{id}/history): what the rules did, from the alert's own
// times, and what people did, from the audit log. Pure.
import type { Alert } from '../../../contracts/api.ts';
import { ALERT_ACTS, type AlertHistoryEntry } from '../../../contracts/alert-workflow.ts';
import type { AuditEntry } from '../audit/chain.ts';

/** People's acts, and the rules' escalation (written to the audit log as actor "system", so the hash chain holds it). */
type Act = (typeof ALERT_ACTS)[number] | 'escalated';
const AUDITED_ACTS: readonly Act[] = [...ALERT_ACTS, 'escalated'];

/** The audit action of each act on an alert, and the subject its entries are filed under. */
export const alertAuditAction = (act: Act): string => `alert.${act}`;
export const alertSubject = (id: number): string => `alert:${id}`;

const actOf = (action: string): Act | undefined =>
  AUDITED_ACTS.find((a) => alertAuditAction(a) === action);

/** Raised first; then the data's clearing and people's acts in time order (audit order on ties). */
export function alertHistory(alert: Alert, entries: readonly AuditEntry[]): AlertHistoryEntry[] {
  const raised: AlertHistoryEntry = {
    at: alert.raisedAt, act: 'raised', actor: 'system', role: null,
    detail: { ruleId: alert.ruleId, severity: alert.severity, message: alert.message, firstOutAt: alert.firstOutAt }, auditSeq: null,
  };
  const rest: Array<AlertHistoryEntry & { order: number }> = [];
  if (alert.clearedAt) {
    rest.push({ at: alert.clearedAt, act: 'cleared', actor: 'system', role: null, detail: { peakValue: alert.peakValue, minutesOut: alert.minutesOut }, auditSeq: null, order: 0 });
  }
  for (const e of entries) {
    const entry = auditHistoryEntry(e);
    if (entry) rest.push({ ...entry, order: e.seq });
  }
  rest.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  return [raised, ...rest.map(({ order: _order, ...entry }) => entry)];
}

/** A person's act on an alert, from its audit entry; undefined for entries that are not one. */
export function auditHistoryEntry(e: AuditEntry): AlertHistoryEntry | undefined {
  const act = actOf(e.action);
  if (!act) return undefined;
  // The username is kept for telling people apart; the history shows the name.
  const { username: _username, ...detail } = e.data;
  return { at: new Date(e.at).toISOString(), act, actor: e.actor, role: e.role, detail, auditSeq: e.seq };
}
