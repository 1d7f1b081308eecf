// The defrost cycle as the unit reports it (sample.defrost), for two purposes:
// suppressing FS-COLD-ALARM and FS-FRZ-ALARM during a defrost and its recovery (a
// defrost warms the evaporator and the air by design), and FS-DEFROST-MISS.
import type { UnitConfig, UnitSample } from '../types.ts';
import { stepSlot } from './alarm-slot.ts';
import { unchanged, type SampleRule } from './context.ts';
import {
  RULE_SEVERITY, defrostExcuseMaxMs, defrostMissAfterMs, defrostRecoveryMs, minToMs, realarmMs,
} from './rule-params.ts';
import type { DefrostTrack } from './state.ts';

/** Every sample carries the defrost flag, probe fault or not. */
export function trackDefrost(track: DefrostTrack, sample: UnitSample): DefrostTrack {
  if (sample.defrost && !track.active) return { ...track, active: true, lastStartAt: sample.ts };
  if (!sample.defrost && track.active) return { ...track, active: false, endedAt: sample.ts };
  return track;
}

/**
 * [FS-COLD-ALARM] [FS-FRZ-ALARM] Excused from the defrost's start until its end or
 * start + the maximum (the unit's defrostMaxMin, else the profile's
 * defrostMaxDefaultMin), whichever is earlier, plus defrostRecoveryMin. The bound is
 * what keeps a defrost flag stuck on from silencing the alarms for good: past it the
 * temperature rules judge normally, flag or not.
 */
export function isDefrostSuppressed(track: DefrostTrack, ts: number, config: UnitConfig): boolean {
  if (track.lastStartAt === null) return false;
  const cutoff = track.lastStartAt + defrostExcuseMaxMs(config);
  // While active, endedAt belongs to an earlier defrost; the current one has not ended.
  const over = track.active || track.endedAt === null ? cutoff : Math.min(cutoff, track.endedAt);
  return ts < over + defrostRecoveryMs(config);
}

/**
 * [FS-DEFROST-MISS] practice, for units that declare a defrost interval: no defrost
 * start within defrostMissFactor × the interval since the last start (or since
 * tracking began), or a defrost running longer than the unit's defrostMaxMin.
 * Judged on samples: while the unit is silent nobody can tell whether it defrosted.
 */
export const stepDefrostMiss: SampleRule = (slot, ctx) => {
  const { config, sample, defrost } = ctx;
  const missAfterMs = defrostMissAfterMs(config);
  if (missAfterMs === null) return unchanged(slot);
  const reason = defrostFault(config, defrost, sample.ts, missAfterMs, ctx.trackingSince);
  return stepSlot(slot, {
    ruleId: 'FS-DEFROST-MISS',
    severity: RULE_SEVERITY['FS-DEFROST-MISS'],
    ts: sample.ts,
    // A maintenance condition with no value: it clears as soon as it no longer holds.
    verdict: reason === null ? 'clear' : 'out',
    value: null,
    worse: 'higher',
    delayMs: 0,
    clearDelayMs: 0,
    realarmMs: realarmMs(config),
    message: `${reason ?? 'defrost fault'} [${config.profile.id}]`,
  });
};

function defrostFault(
  config: UnitConfig, track: DefrostTrack, ts: number, missAfterMs: number, trackingSince: number,
): string | null {
  const lastStart = track.lastStartAt ?? trackingSince;
  if (track.active) {
    const maxMin = config.defrostMaxMin;
    return maxMin !== null && ts - lastStart >= minToMs(maxMin) ? `defrost longer than ${maxMin} min` : null;
  }
  if (ts - lastStart < missAfterMs) return null;
  return `no defrost within ${config.profile.defrostMissFactor} × ${config.defrostIntervalMin} min`;
}
