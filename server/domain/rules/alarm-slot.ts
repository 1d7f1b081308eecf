// The alarm mechanics every cold-chain rule shares: ThingsBoard's duration alarm
// (an on-delay, a separate clear condition) plus what it lacks (rule book section 3):
// hysteresis, one raised instance per unit and rule, progress while raised, a
// re-alarm while still out, and a clear that carries the final peak. All times are
// the device's; nothing here reads a clock.
import type { Severity } from '../../../contracts/api.ts';
import type { ColdRuleId, RaiseEvent, RuleEvent } from '../types.ts';
import { msToMin } from './rule-params.ts';
import { idleSlot, type AlarmSlot } from './state.ts';

/**
 * How one sample looks to one rule.
 * out: the create condition holds. clear: the clear condition holds (inside by the
 * hysteresis margin). band: neither, between the two; it breaks an on-delay and a
 * clear-delay alike, which is what stops flapping. skip: no information (probe fault).
 * excused: a defrost window; it drops a pending on-delay and leaves a raised alarm as is.
 */
export type Verdict = 'out' | 'band' | 'clear' | 'skip' | 'excused';

export interface SlotStep {
  ruleId: ColdRuleId;
  severity: Severity;
  ts: number;
  verdict: Verdict;
  value: number | null;
  /** 'lower' for rules whose worst value is the lowest (FS-COLD-LOW). */
  worse: 'higher' | 'lower';
  delayMs: number;
  clearDelayMs: number;
  realarmMs: number;
  message: string;
  /** FS-COLD-CRIT only: time out accrues by this much per out sample instead of first-to-last. */
  heldMs?: number;
}

export interface SlotResult {
  slot: AlarmSlot;
  events: RuleEvent[];
}

export function stepSlot(slot: AlarmSlot, step: SlotStep): SlotResult {
  if (step.verdict === 'skip') return { slot, events: [] };
  return slot.raised ? stepRaised(slot, step) : stepPending(slot, step);
}

/** Not raised: the condition must hold on every sample from firstOutAt for the on-delay. */
function stepPending(slot: AlarmSlot, step: SlotStep): SlotResult {
  if (step.verdict !== 'out') return { slot: slot.firstOutAt === null ? slot : idleSlot(), events: [] };
  const run = extendRun(slot, step);
  const firstOutAt = run.firstOutAt ?? step.ts;
  if (step.ts - firstOutAt < step.delayMs) return { slot: run, events: [] };
  return raiseSlot(run, step, firstOutAt, step.ts - firstOutAt);
}

export function extendRun(slot: AlarmSlot, step: Pick<SlotStep, 'ts' | 'value' | 'worse'>): AlarmSlot {
  return { ...slot, firstOutAt: slot.firstOutAt ?? step.ts, peak: worseOf(slot.peak, step.value, step.worse) };
}

export function raiseSlot(run: AlarmSlot, step: SlotStep, firstOutAt: number, outMs: number): SlotResult {
  const slot: AlarmSlot = { ...run, raised: true, firstOutAt, outMs, clearSince: null, lastAlarmAt: step.ts };
  const event: RaiseEvent = {
    type: 'raise',
    ruleId: step.ruleId,
    severity: step.severity,
    firstOutAt,
    at: step.ts,
    value: step.value,
    message: step.message,
    peakValue: slot.peak,
    minutesOut: msToMin(outMs),
  };
  return { slot, events: [event] };
}

function stepRaised(slot: AlarmSlot, step: SlotStep): SlotResult {
  switch (step.verdict) {
    case 'out':
      return stayOut(slot, step);
    case 'band':
      return withProgress({ ...slot, clearSince: null }, step.ruleId, step.ts);
    case 'clear':
      return towardClear(slot, step);
    default:
      return { slot, events: [] };
  }
}

function stayOut(slot: AlarmSlot, step: SlotStep): SlotResult {
  const firstOutAt = slot.firstOutAt ?? step.ts;
  const outMs = step.heldMs === undefined ? step.ts - firstOutAt : slot.outMs + step.heldMs;
  const next: AlarmSlot = { ...extendRun(slot, step), outMs, clearSince: null };
  const result = withProgress(next, step.ruleId, step.ts);
  const due = realarmDue(next, step.ts, step.realarmMs);
  if (!due) return result;
  const events: RuleEvent[] = [...result.events, { type: 'realarm', ruleId: step.ruleId, at: step.ts }];
  return { slot: { ...next, lastAlarmAt: step.ts }, events };
}

/** The clear condition must hold on every sample for the clear delay: hysteresis in time. */
function towardClear(slot: AlarmSlot, step: SlotStep): SlotResult {
  const since = slot.clearSince ?? step.ts;
  if (step.ts - since < step.clearDelayMs) return withProgress({ ...slot, clearSince: since }, step.ruleId, step.ts);
  return clearSlot(slot, step.ruleId, step.ts);
}

export function clearSlot(slot: AlarmSlot, ruleId: ColdRuleId, at: number): SlotResult {
  return { slot: idleSlot(), events: [{ type: 'clear', ruleId, at, peakValue: slot.peak, minutesOut: msToMin(slot.outMs) }] };
}

function realarmDue(slot: AlarmSlot, at: number, periodMs: number): boolean {
  return slot.raised && slot.lastAlarmAt !== null && at - slot.lastAlarmAt >= periodMs;
}

/**
 * A clock tick on a raised rule that silence can keep out (FS-DOOR, FS-OFFLINE): a
 * re-alarm once the period has passed since the raise or the last re-alarm, else nothing.
 */
export function realarmOnTick(slot: AlarmSlot, ruleId: ColdRuleId, now: number, periodMs: number): SlotResult {
  if (!realarmDue(slot, now, periodMs)) return { slot, events: [] };
  return { slot: { ...slot, lastAlarmAt: now }, events: [{ type: 'realarm', ruleId, at: now }] };
}

// Progress on every sample while raised keeps the alert record's peak and minutes
// out current without the app layer re-deriving them; it is one small object.
function withProgress(slot: AlarmSlot, ruleId: ColdRuleId, at: number): SlotResult {
  return { slot, events: [{ type: 'progress', ruleId, at, peakValue: slot.peak, minutesOut: msToMin(slot.outMs) }] };
}

function worseOf(a: number | null, b: number | null, worse: 'higher' | 'lower'): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return worse === 'higher' ? Math.max(a, b) : Math.min(a, b);
}
