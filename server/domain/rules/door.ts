// [FS-DOOR] practice: a door open longer than doorOpenMaxMin. The door is a state,
// not a measurement: a contact sensor reports when it changes, so the door counts as
// open from the first "open" sample until the first "closed" one, and it clears at
// once when closed (no hysteresis band for a boolean). Judged on samples and, because
// a sensor may say nothing while the door stays open, on clock ticks as well.
import { raiseSlot, realarmOnTick, stepSlot, type SlotStep } from './alarm-slot.ts';
import { unchanged, type SampleRule, type TimeRule } from './context.ts';
import { RULE_SEVERITY, minToMs, realarmMs } from './rule-params.ts';
import type { UnitConfig } from '../types.ts';

function doorStep(config: UnitConfig, ts: number, open: boolean): SlotStep {
  return {
    ruleId: 'FS-DOOR',
    severity: RULE_SEVERITY['FS-DOOR'],
    ts,
    verdict: open ? 'out' : 'clear',
    value: null,
    worse: 'higher',
    delayMs: minToMs(config.profile.doorOpenMaxMin),
    clearDelayMs: 0,
    realarmMs: realarmMs(config),
    message: `door open longer than ${config.profile.doorOpenMaxMin} min [${config.profile.id}]`,
  };
}

/** Door state is valid on every sample, probe fault or not. */
export const stepDoorSample: SampleRule = (slot, ctx) => {
  const { sample, config } = ctx;
  const step = doorStep(config, sample.ts, sample.door);
  // The closing sample ends the open time: count up to it before the clear.
  const held = slot.raised && !sample.door && slot.firstOutAt !== null ? { ...slot, outMs: sample.ts - slot.firstOutAt } : slot;
  return stepSlot(held, step);
};

/** A tick raises a door left open past the limit, and re-alarms it, with no new sample. */
export const stepDoorTime: TimeRule = (slot, ctx) => {
  const { config, now } = ctx;
  if (slot.firstOutAt === null) return unchanged(slot);
  if (slot.raised) return realarmOnTick(slot, 'FS-DOOR', now, realarmMs(config));
  const step = doorStep(config, now, true);
  if (now - slot.firstOutAt < step.delayMs) return unchanged(slot);
  return raiseSlot(slot, step, slot.firstOutAt, now - slot.firstOutAt);
};
