// [FS-COLD-CRIT] The device time a chilled unit spent above its maximum within the
// rolling window (rule book: ≥ 2 h cumulated in 24 h). Kept as merged spans, bounded
// twice: spans that left the window are dropped, and past MAX_CRIT_SPANS the two
// oldest are merged, so a unit that flickers across the limit all day cannot grow
// its stored state without bound.
import type { CritLedger, CritSpan } from './state.ts';

/** A storage bound, not a food-safety threshold: merging keeps the counted ms exact. */
export const MAX_CRIT_SPANS = 64;

/** Drops spans wholly before the window; they can no longer count. */
export function pruneLedger(ledger: CritLedger, windowStart: number): CritLedger {
  const spans = ledger.spans.filter((span) => span.to > windowStart);
  return spans.length === ledger.spans.length ? ledger : { ...ledger, spans };
}

/** Counts [from, to] as above the maximum, joining it to the last span when they touch. */
export function addSpan(ledger: CritLedger, from: number, to: number): CritLedger {
  if (to <= from) return ledger;
  const last = ledger.spans.at(-1);
  const spans =
    last !== undefined && last.to >= from
      ? [...ledger.spans.slice(0, -1), { from: last.from, to, ms: last.ms + to - Math.max(from, last.to) }]
      : [...ledger.spans, { from, to, ms: to - from }];
  return { ...ledger, spans: capSpans(spans) };
}

function capSpans(spans: CritSpan[]): CritSpan[] {
  let capped = spans;
  while (capped.length > MAX_CRIT_SPANS) {
    const [a, b, ...rest] = capped;
    if (a === undefined || b === undefined) break;
    capped = [{ from: a.from, to: b.to, ms: a.ms + b.ms }, ...rest];
  }
  return capped;
}

/**
 * Counted ms inside [windowStart, now]. A span that straddles the window start counts
 * at most its part inside; for a merged span that is an upper bound, which errs on
 * the side of raising (food safety), never on the side of missing.
 */
export function ledgerTally(ledger: CritLedger, windowStart: number): number {
  let total = 0;
  for (const span of ledger.spans) {
    if (span.to <= windowStart) continue;
    total += span.from >= windowStart ? span.ms : Math.min(span.ms, span.to - windowStart);
  }
  return total;
}
