// What becomes of a delivery after an attempt: sent, or failed with the next attempt after a
// growing wait, or given up after the last one. Pure; the times are the caller's.
import type { DeliveryStatus } from '../../../contracts/notifications.ts';

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery is given up.
 *  Six attempts over about 2 h 43 min: a robot or gateway that is down for a short while
 *  (a restart, a network blip) still gets the message, one that is gone stops being asked. */
export const RETRY_BACKOFF_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000, 7_200_000];

/** How long one attempt may take before it counts as failed (transport time). */
export const ATTEMPT_TIMEOUT_MS = 5_000;

export interface AttemptResult {
  ok: boolean;
  error?: string;
}

export interface DeliveryProgress {
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  sentAt: number | null;
  lastError: string | null;
}

/**
 * The delivery after its attempt number `attempts + 1` at `at`. `hold` moves a planned retry
 * out of the channel's quiet hours (identity for critical notifications).
 */
export function afterAttempt(attempts: number, result: AttemptResult, at: number, hold: (t: number) => number = (t) => t): DeliveryProgress {
  const made = attempts + 1;
  if (result.ok) return { status: 'sent', attempts: made, lastAttemptAt: at, nextAttemptAt: null, sentAt: at, lastError: null };
  const wait = RETRY_BACKOFF_MS[made - 1];
  const lastError = (result.error ?? 'failed').slice(0, 500);
  if (wait === undefined) return { status: 'gave_up', attempts: made, lastAttemptAt: at, nextAttemptAt: null, sentAt: null, lastError };
  return { status: 'failed', attempts: made, lastAttemptAt: at, nextAttemptAt: hold(at + wait), sentAt: null, lastError };
}

/** What the record says while an attempt is under way: counted, and failed with its next attempt
 *  planned, until the outcome replaces it. A crash or an error between sending and recording then
 *  leaves an attempt counted and a retry after the backoff, never a resend every tick uncounted. */
export const NO_OUTCOME = 'no outcome recorded (interrupted)';

export function beforeAttempt(attempts: number, at: number, hold: (t: number) => number = (t) => t): DeliveryProgress {
  return afterAttempt(attempts, { ok: false, error: NO_OUTCOME }, at, hold);
}

/** Given up without an attempt: the channel was removed or disabled, or the notice went stale, meanwhile. */
export function abandoned(attempts: number, lastAttemptAt: number | null, reason: string): DeliveryProgress {
  return { status: 'gave_up', attempts, lastAttemptAt, nextAttemptAt: null, sentAt: null, lastError: reason };
}
