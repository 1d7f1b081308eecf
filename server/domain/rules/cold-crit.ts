// [FS-COLD-CRIT] A chilled unit above its maximum for critCumulativeMin cumulated
// within critWindowMin, or above maxC + critOverC for critOverMin: raised at once
// when either is met (no further on-delay); corrective action with product
// disposition is then mandatory (rule book sections 3 and 6).
//
// Accounting: each valid reading above the maximum counts the device time since the
// previous valid reading (capped at the offline threshold: a longer gap is
// unmonitored, FS-OFFLINE's business, not time out of range). Counting back from
// each reading, rather than forward, lets the raise happen on an out-of-range
// reading, and a unit that flickers across the limit still accrues its time.
import type { UnitConfig } from '../types.ts';
import { extendRun, raiseSlot, stepSlot, type SlotStep } from './alarm-slot.ts';
import { unchanged, type RuleResult, type SampleContext, type SampleRule } from './context.ts';
import { addSpan, ledgerTally, pruneLedger } from './crit-ledger.ts';
import { RULE_SEVERITY, clearDelayMs, isChilled, minToMs, realarmMs } from './rule-params.ts';
import { emptyCritLedger, idleSlot, type AlarmSlot } from './state.ts';
import { judgeAbove } from './threshold-rules.ts';

export const stepColdCrit: SampleRule = (slot, ctx) => {
  const temp = ctx.sample.temp;
  if (!isChilled(ctx.config) || temp === null) return unchanged(slot);
  const step = critStep(ctx, temp);
  // While raised the alert itself accrues the time out (heldMs); the ledger stays empty.
  if (slot.raised) return stepSlot(slot, { ...step, heldMs: ctx.heldMs });
  return stepPendingCrit(slot, ctx, step, temp);
};

function stepPendingCrit(slot: AlarmSlot, ctx: SampleContext, step: SlotStep, temp: number): RuleResult {
  const { config, sample } = ctx;
  const windowStart = sample.ts - minToMs(config.profile.chilled.critWindowMin);
  const pruned = pruneLedger(ctx.crit, windowStart);
  if (step.verdict !== 'out') return { slot: idleSlot(), events: [], crit: { ...pruned, overSince: null } };

  const ledger = { ...addSpan(pruned, sample.ts - ctx.heldMs, sample.ts), overSince: overSince(ctx, temp) };
  const run = extendRun(slot, step);
  const tally = ledgerTally(ledger, windowStart);
  const reason = critReason(config, sample.ts, tally, ledger.overSince);
  if (reason === null) return { slot: run, events: [], crit: ledger };
  // The exposure that raised this alert is consumed: the alert mandates a product
  // disposition, and counting it again would re-raise on the next single warm reading.
  const message = `${reason} [${config.profile.id}]`;
  const raised = raiseSlot(run, { ...step, message }, run.firstOutAt ?? sample.ts, tally);
  return { ...raised, crit: emptyCritLedger() };
}

function overSince(ctx: SampleContext, temp: number): number | null {
  const chilled = ctx.config.profile.chilled;
  return temp > chilled.maxC + chilled.critOverC ? (ctx.crit.overSince ?? ctx.sample.ts) : null;
}

/** Which of the two paths is met, in words for the alert; null when neither is. */
function critReason(config: UnitConfig, ts: number, tallyMs: number, overSinceTs: number | null): string | null {
  const { maxC, critOverC, critOverMin, critCumulativeMin, critWindowMin } = config.profile.chilled;
  if (overSinceTs !== null && ts - overSinceTs >= minToMs(critOverMin)) {
    return `above ${maxC + critOverC} °C for ${critOverMin} min`;
  }
  if (tallyMs >= minToMs(critCumulativeMin)) return `above ${maxC} °C for ${critCumulativeMin} min within ${critWindowMin} min`;
  return null;
}

function critStep(ctx: SampleContext, temp: number): SlotStep {
  const { config } = ctx;
  const chilled = config.profile.chilled;
  return {
    ruleId: 'FS-COLD-CRIT',
    severity: RULE_SEVERITY['FS-COLD-CRIT'],
    ts: ctx.sample.ts,
    // Clears like FS-COLD-ALARM: at or below maxC − hysteresis for the clear delay.
    verdict: judgeAbove(temp, chilled.maxC, config.profile.hysteresisC),
    value: temp,
    worse: 'higher',
    delayMs: 0,
    clearDelayMs: clearDelayMs(config),
    realarmMs: realarmMs(config),
    message: '', // set at the raise, naming the path that was met
  };
}
