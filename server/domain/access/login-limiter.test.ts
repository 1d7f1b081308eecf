// At most 5 failed logins per username and 20 per IP within 15 min; boundaries included.
import { describe, expect, it } from 'vitest';
import { EMPTY_LIMITER, attemptSucceeded, beginAttempt, type LimiterState } from './login-limiter.ts';

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const MIN = 60_000;

/** n failed attempts, one a second from `from`. */
function fail(state: LimiterState, n: number, username: string, ip: string, from = T0): LimiterState {
  for (let i = 0; i < n; i++) {
    const r = beginAttempt(state, username, ip, from + i * 1000);
    expect(r.verdict.allowed).toBe(true);
    state = r.state;
  }
  return state;
}

describe('login limiter', () => {
  it('allows the 5th failed attempt and refuses the 6th', () => {
    const s = fail(EMPTY_LIMITER, 5, 'wang', '10.0.0.1');
    expect(beginAttempt(s, 'wang', '10.0.0.2', T0 + 5000).verdict).toEqual({ allowed: false, retryAfterS: 895 });
  });

  it('after 4 failures a 5th attempt is still allowed', () => {
    const s = fail(EMPTY_LIMITER, 4, 'wang', '10.0.0.1');
    expect(beginAttempt(s, 'wang', '10.0.0.1', T0 + 4000).verdict.allowed).toBe(true);
  });

  it('frees one attempt exactly 15 min after the oldest failure, not 1 ms before', () => {
    const s = fail(EMPTY_LIMITER, 5, 'wang', '10.0.0.1');
    expect(beginAttempt(s, 'wang', '10.0.0.9', T0 + 15 * MIN - 1).verdict).toEqual({ allowed: false, retryAfterS: 1 });
    const r = beginAttempt(s, 'wang', '10.0.0.9', T0 + 15 * MIN);
    expect(r.verdict.allowed).toBe(true);
    // and the next failure refuses again until the second-oldest ages out
    expect(beginAttempt(r.state, 'wang', '10.0.0.9', T0 + 15 * MIN).verdict).toEqual({ allowed: false, retryAfterS: 1 });
  });

  it('counts per username whatever the IP, and case-insensitively', () => {
    let s = EMPTY_LIMITER;
    for (let i = 0; i < 5; i++) s = beginAttempt(s, i % 2 ? 'Wang' : 'wang', `10.0.0.${i}`, T0 + i).state;
    expect(beginAttempt(s, 'WANG', '10.9.9.9', T0 + 10).verdict.allowed).toBe(false);
    expect(beginAttempt(s, 'li', '10.9.9.9', T0 + 10).verdict.allowed).toBe(true);
  });

  it('counts per IP whatever the username: 20, since a canteen\'s staff often share one address', () => {
    let s = EMPTY_LIMITER;
    for (let i = 0; i < 19; i++) s = beginAttempt(s, `user${i}`, '10.0.0.1', T0 + i).state;
    expect(beginAttempt(s, 'user19', '10.0.0.1', T0 + 10).verdict.allowed).toBe(true);
    s = beginAttempt(s, 'user19', '10.0.0.1', T0 + 19).state;
    expect(beginAttempt(s, 'user99', '10.0.0.1', T0 + 20).verdict).toEqual({ allowed: false, retryAfterS: 900 });
    expect(beginAttempt(s, 'user9', '10.0.0.2', T0 + 10).verdict.allowed).toBe(true);
  });

  it('does not count a refused attempt, so hammering does not extend the block', () => {
    let s = fail(EMPTY_LIMITER, 5, 'wang', '10.0.0.1');
    for (let i = 0; i < 20; i++) s = beginAttempt(s, 'wang', '10.0.0.1', T0 + 10 * MIN + i).state;
    expect(beginAttempt(s, 'wang', '10.0.0.1', T0 + 15 * MIN).verdict.allowed).toBe(true);
  });

  it('a success resets the username\'s count and takes back its own IP entry only', () => {
    let s = fail(EMPTY_LIMITER, 4, 'wang', '10.0.0.1');
    const r = beginAttempt(s, 'wang', '10.0.0.1', T0 + 10_000);
    s = attemptSucceeded(r.state, 'wang', '10.0.0.1', T0 + 10_000);
    expect(s.users.has('wang')).toBe(false);
    expect(s.ips.get('10.0.0.1')).toHaveLength(4); // the 4 earlier failures from this IP still count
    for (let i = 0; i < 16; i++) s = fail(s, 1, `staff${i}`, '10.0.0.1', T0 + 11_000 + i * 1000); // up to the IP's 20th
    expect(beginAttempt(s, 'li', '10.0.0.1', T0 + 60_000).verdict.allowed).toBe(false);
    expect(beginAttempt(s, 'wang', '10.0.0.2', T0 + 60_000).verdict.allowed).toBe(true);
  });

  it('counts an attempt as soon as it begins, so parallel attempts cannot pass the limit', () => {
    let s = EMPTY_LIMITER;
    const verdicts = [];
    for (let i = 0; i < 10; i++) {
      const r = beginAttempt(s, 'wang', `10.0.0.${i}`, T0);
      s = r.state;
      verdicts.push(r.verdict.allowed);
    }
    expect(verdicts.filter(Boolean)).toHaveLength(5);
  });

  it('forgets failures older than the window', () => {
    const s = fail(EMPTY_LIMITER, 3, 'wang', '10.0.0.1');
    const later = beginAttempt(s, 'li', '10.0.0.2', T0 + 16 * MIN).state;
    expect(later.users.has('wang')).toBe(false);
    expect(later.ips.has('10.0.0.1')).toBe(false);
  });
});
