// [FS-OFFLINE] practice: no reading with a temperature for max(offlineIntervalFactor ×
// the reporting interval, offlineFloorMin). Raised by a clock tick (evaluateTime),
// since silence produces no sample; cleared by the next valid reading. The raise's
// firstOutAt is the last valid reading: the export marks the time from there to the
// clear as unmonitored.
//
// `now` is the server clock and readings carry the device clock: this assumes the
// gateway keeps device clocks in sync (a device far behind would look offline early).
import { clearSlot, raiseSlot, realarmOnTick } from './alarm-slot.ts';
import { unchanged, type SampleRule, type TimeRule } from './context.ts';
import { RULE_SEVERITY, msToMin, offlineAfterMs, realarmMs } from './rule-params.ts';

export const stepOfflineTime: TimeRule = (slot, ctx) => {
  const { config, now, lastSeenAt } = ctx;
  if (slot.raised) return realarmOnTick(slot, 'FS-OFFLINE', now, realarmMs(config));
  const afterMs = offlineAfterMs(config);
  if (now - lastSeenAt < afterMs) return unchanged(slot);
  return raiseSlot(slot, {
    ruleId: 'FS-OFFLINE',
    severity: RULE_SEVERITY['FS-OFFLINE'],
    ts: now,
    verdict: 'out',
    value: null,
    worse: 'higher',
    delayMs: afterMs,
    clearDelayMs: 0,
    realarmMs: realarmMs(config),
    message: `no reading for ${msToMin(afterMs)} min [${config.profile.id}]`,
  }, lastSeenAt, now - lastSeenAt);
};

/** A probe-fault sample (temp null) proves the radio works, not that the unit is monitored. */
export const stepOfflineSample: SampleRule = (slot, ctx) => {
  if (!slot.raised || ctx.sample.temp === null || slot.firstOutAt === null) return unchanged(slot);
  return clearSlot({ ...slot, outMs: ctx.sample.ts - slot.firstOutAt }, 'FS-OFFLINE', ctx.sample.ts);
};
