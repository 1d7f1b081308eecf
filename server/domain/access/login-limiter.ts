// Slows password guessing: at most `maxFailures` failed logins per username, and
// `maxFailuresPerIp` per address, within `windowMs`. The address limit is higher: a
// canteen's staff often share one connection, and one person's typos must not lock out
// the others. Pure: the state is a value, the time is an argument.
//
// An allowed attempt counts as a failure from the moment it starts, and `attemptSucceeded`
// takes it back: checking a password takes tens of milliseconds, and attempts sent in
// parallel must not all pass the check before the first one is counted.

export interface LoginLimit {
  maxFailures: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

export const LOGIN_LIMIT: LoginLimit = { maxFailures: 5, maxFailuresPerIp: 20, windowMs: 15 * 60_000 };

/** Failure times per username (lower-cased: "Wang" and "wang" are one account) and per IP. */
export interface LimiterState {
  readonly users: ReadonlyMap<string, readonly number[]>;
  readonly ips: ReadonlyMap<string, readonly number[]>;
}

export const EMPTY_LIMITER: LimiterState = { users: new Map(), ips: new Map() };

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterS: number };

const userKey = (username: string) => username.toLowerCase();

/** Drops failures older than the window, and keys left with none, so the state stays small. */
function recent(map: ReadonlyMap<string, readonly number[]>, now: number, limit: LoginLimit): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, times] of map) {
    const kept = times.filter((t) => t > now - limit.windowMs);
    if (kept.length > 0) out.set(key, kept);
  }
  return out;
}

/** Seconds until enough failures have aged out for one more attempt; 0: allowed now. */
function waitS(times: readonly number[], now: number, max: number, windowMs: number): number {
  if (times.length < max) return 0;
  const oldestThatBlocks = times[times.length - max]!;
  return Math.max(1, Math.ceil((oldestThatBlocks + windowMs - now) / 1000));
}

/** Asks to check a password at `now`; an allowed attempt is counted as a failure until it succeeds. */
export function beginAttempt(
  state: LimiterState,
  username: string,
  ip: string,
  now: number,
  limit: LoginLimit = LOGIN_LIMIT,
): { state: LimiterState; verdict: AttemptVerdict } {
  const users = recent(state.users, now, limit);
  const ips = recent(state.ips, now, limit);
  const byUser = users.get(userKey(username)) ?? [];
  const byIp = ips.get(ip) ?? [];
  const retryAfterS = Math.max(waitS(byUser, now, limit.maxFailures, limit.windowMs), waitS(byIp, now, limit.maxFailuresPerIp, limit.windowMs));
  // A refused attempt is not counted: nothing was checked, and counting it would let
  // an attacker keep the real user locked out forever.
  if (retryAfterS > 0) return { state: { users, ips }, verdict: { allowed: false, retryAfterS } };
  users.set(userKey(username), [...byUser, now]);
  ips.set(ip, [...byIp, now]);
  return { state: { users, ips }, verdict: { allowed: true } };
}

/** The attempt begun at `at` succeeded: the username starts afresh, and the IP loses that one failure. */
export function attemptSucceeded(state: LimiterState, username: string, ip: string, at: number): LimiterState {
  const users = new Map(state.users);
  users.delete(userKey(username));
  const ips = new Map(state.ips);
  const times = ips.get(ip) ?? [];
  const i = times.indexOf(at);
  const rest = i < 0 ? times : [...times.slice(0, i), ...times.slice(i + 1)];
  if (rest.length > 0) ips.set(ip, rest);
  else ips.delete(ip);
  return { users, ips };
}
