// Which channel of a site's escalation chain gets which step of an alert, and when (rule book
// section 6, issue 5): each channel listens to some steps from a minimum severity; outside its
// quiet hours at once, inside them only critical ones. Pure.
import type { Alert, Severity } from '../../../contracts/api.ts';
import type { Channel, DeliveryStatus, NotifyStep } from '../../../contracts/notifications.ts';
import type { EscalationLevel } from '../escalation/escalation.ts';
import { releaseTime, type LocalClock } from './quiet-hours.ts';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { reminder: 0, warning: 1, alarm: 2, critical: 3 };

export const atLeast = (severity: Severity, min: Severity): boolean => SEVERITY_RANK[severity] >= SEVERITY_RANK[min];

/** A raise is a reminder's step for a registry reminder (FS-CAL-DUE, FS-REG-HEALTH-CERT, FS-REG-LICENCE). */
export const stepOfRaise = (alert: Pick<Alert, 'severity'>): NotifyStep => (alert.severity === 'reminder' ? 'reminder' : 'raised');

export const stepOfEscalation = (level: EscalationLevel): NotifyStep => (level === 'manager' ? 'escalated_manager' : 'escalated_inspector');

/**
 * A raise older than this is history arriving late (a gateway catching up after an outage, the
 * demo's backfill): it is not announced as new. The escalation steps still apply to it, and an
 * escalation that fell due longer ago than this (a server that was down) is recorded, not announced.
 */
export const RAISE_FRESH_MS = 60 * 60_000;

export const isFresh = (at: number, now: number): boolean => now - at <= RAISE_FRESH_MS;

export const isFreshRaise = (alert: Pick<Alert, 'raisedAt'>, now: number): boolean => isFresh(Date.parse(alert.raisedAt), now);

export const wants = (channel: Pick<Channel, 'enabled' | 'steps' | 'minSeverity'>, step: NotifyStep, severity: Severity): boolean =>
  channel.enabled && channel.steps.includes(step) && atLeast(severity, channel.minSeverity);

/**
 * Why a planned notice should not go out any more, if so: a raise, a reminder or the board's
 * step of an alert already resolved or closed, or the manager's step of an alert someone
 * acknowledged after it was planned (one acknowledged before, then on the board, still goes).
 */
export function staleness(step: NotifyStep, alert: Pick<Alert, 'status' | 'acknowledgedAt'>, plannedAt: number): string | null {
  if (alert.status === 'resolved' || alert.status === 'closed') return `stale: the alert was ${alert.status}`;
  const acknowledgedSince = alert.acknowledgedAt !== null && Date.parse(alert.acknowledgedAt) > plannedAt;
  if (step === 'escalated_manager' && alert.status !== 'active' && acknowledgedSince) return 'stale: the alert was acknowledged';
  return null;
}

export interface PlannedDelivery {
  status: Extract<DeliveryStatus, 'pending' | 'deferred'>;
  nextAttemptAt: number;
}

/** Now, or deferred to the end of the channel's quiet hours; null when the channel does not listen. */
export function planDelivery(
  channel: Pick<Channel, 'enabled' | 'steps' | 'minSeverity' | 'quietHours'>, step: NotifyStep, severity: Severity, now: number, clock: LocalClock,
): PlannedDelivery | null {
  if (!wants(channel, step, severity)) return null;
  const at = releaseTime(channel.quietHours, severity, now, clock);
  return at > now ? { status: 'deferred', nextAttemptAt: at } : { status: 'pending', nextAttemptAt: now };
}
