// The four single-threshold temperature rules of rule book section 3. Each is data:
// which units it applies to, the limit and on-delay it reads from the profile, and
// whether a reported defrost excuses it. Their mechanics are the shared alarm slot.
import type { Profile } from '../profiles.ts';
import type { ColdRuleId, UnitConfig } from '../types.ts';
import { stepSlot, type Verdict } from './alarm-slot.ts';
import { unchanged, type SampleContext, type SampleRule } from './context.ts';
import {
  RULE_SEVERITY, clearDelayMs, coldAlarmDelayMs, isChilled, isFreezer, minToMs, msToMin, realarmMs,
} from './rule-params.ts';

interface ThresholdRule {
  id: ColdRuleId;
  applies: (config: UnitConfig) => boolean;
  worse: 'higher' | 'lower';
  /** Only the rules the rule book excuses during defrost + recovery. */
  excusedByDefrost: boolean;
  judge: (temp: number, profile: Profile) => Verdict;
  delayMs: (config: UnitConfig) => number;
  describe: (config: UnitConfig) => string;
}

/** Out above the limit; clear only at or below limit − hysteresis; between: the band. */
export function judgeAbove(temp: number, limit: number, hysteresis: number): Verdict {
  if (temp > limit) return 'out';
  return temp <= limit - hysteresis ? 'clear' : 'band';
}

/** Out below the limit; clear only at or above limit + hysteresis. */
export function judgeBelow(temp: number, limit: number, hysteresis: number): Verdict {
  if (temp < limit) return 'out';
  return temp >= limit + hysteresis ? 'clear' : 'band';
}

const minutes = (ms: number): string => `${msToMin(ms)} min`;

const THRESHOLD_RULES: readonly ThresholdRule[] = [
  {
    // [FS-COLD-WARN] practice: an early warning above the target, well before the legal max.
    // Not excused by defrost: the rule book excuses only FS-COLD-ALARM and FS-FRZ-ALARM.
    id: 'FS-COLD-WARN',
    applies: isChilled,
    worse: 'higher',
    excusedByDefrost: false,
    judge: (t, p) => judgeAbove(t, p.chilled.targetC, p.hysteresisC),
    delayMs: (c) => minToMs(c.profile.chilled.warnDelayMin),
    describe: (c) => `above the ${c.profile.chilled.targetC} °C target for ${minutes(minToMs(c.profile.chilled.warnDelayMin))}`,
  },
  {
    // [FS-COLD-ALARM] std + practice: above the chilled maximum; on-delay by probe type.
    id: 'FS-COLD-ALARM',
    applies: isChilled,
    worse: 'higher',
    excusedByDefrost: true,
    judge: (t, p) => judgeAbove(t, p.chilled.maxC, p.hysteresisC),
    delayMs: coldAlarmDelayMs,
    describe: (c) => `above the ${c.profile.chilled.maxC} °C maximum for ${minutes(coldAlarmDelayMs(c))} (${c.probe} probe)`,
  },
  {
    // [FS-COLD-LOW] std: below the chilled minimum, food and samples freeze.
    id: 'FS-COLD-LOW',
    applies: isChilled,
    worse: 'lower',
    excusedByDefrost: false,
    judge: (t, p) => judgeBelow(t, p.chilled.minC, p.hysteresisC),
    delayMs: (c) => minToMs(c.profile.chilled.lowDelayMin),
    describe: (c) => `below the ${c.profile.chilled.minC} °C minimum for ${minutes(minToMs(c.profile.chilled.lowDelayMin))}`,
  },
  {
    // [FS-FRZ-ALARM] std: a freezer above the frozen maximum, outside defrost + recovery.
    id: 'FS-FRZ-ALARM',
    applies: isFreezer,
    worse: 'higher',
    excusedByDefrost: true,
    judge: (t, p) => judgeAbove(t, p.frozen.maxC, p.hysteresisC),
    delayMs: (c) => minToMs(c.profile.frozen.alarmDelayMin),
    describe: (c) => `freezer above ${c.profile.frozen.maxC} °C for ${minutes(minToMs(c.profile.frozen.alarmDelayMin))}`,
  },
];

function thresholdStep(rule: ThresholdRule): SampleRule {
  return (slot, ctx) => {
    const temp = ctx.sample.temp;
    // A probe fault (temp null) tells nothing: it neither advances nor clears.
    if (!rule.applies(ctx.config) || temp === null) return unchanged(slot);
    return stepSlot(slot, {
      ruleId: rule.id,
      severity: RULE_SEVERITY[rule.id],
      ts: ctx.sample.ts,
      verdict: verdictOf(rule, temp, ctx),
      value: temp,
      worse: rule.worse,
      delayMs: rule.delayMs(ctx.config),
      clearDelayMs: clearDelayMs(ctx.config),
      realarmMs: realarmMs(ctx.config),
      message: `${rule.describe(ctx.config)} [${ctx.config.profile.id}]`,
    });
  };
}

function verdictOf(rule: ThresholdRule, temp: number, ctx: SampleContext): Verdict {
  return rule.excusedByDefrost && ctx.suppressed ? 'excused' : rule.judge(temp, ctx.config.profile);
}

export const THRESHOLD_STEPS: Readonly<Partial<Record<ColdRuleId, SampleRule>>> = Object.fromEntries(
  THRESHOLD_RULES.map((rule) => [rule.id, thresholdStep(rule)]),
);

/** On-delays of the pending-capable threshold rules, for nextDueIn. */
export const THRESHOLD_DELAYS: Readonly<Partial<Record<ColdRuleId, (config: UnitConfig) => number>>> = Object.fromEntries(
  THRESHOLD_RULES.map((rule) => [rule.id, rule.delayMs]),
);
