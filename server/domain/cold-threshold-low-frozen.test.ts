// Table-driven tests of FS-COLD-LOW and FS-FRZ-ALARM (rule book section 3). Each case
// runs straight and with the state restarted from JSON after every sample.
import { describe, it } from 'vitest';
import {
  clear, expectCase, hold, raise, realarm, unit, type RuleCase,
} from './cold-chain.fixtures.ts';
import { NORMAL_DEFROST_END, P, STUCK_FROM, STUCK_JUDGED_FROM, STUCK_TO } from './cold-defrost.fixtures.ts';
import { CN_GB31654, UK_FSA } from './profiles.ts';

const air = unit({ probe: 'air' });
const freezer = unit({ kind: 'freezer' });

const COLD_LOW: RuleCase[] = [
  {
    name: '[FS-COLD-LOW] 60 min below 0 °C raises a warning, peak is the lowest reading',
    rows: [...hold(0, 4, 2), ...hold(5, 30, -1), ...hold(31, 31, -2.5), ...hold(32, 65, -1)],
    expected: [raise('FS-COLD-LOW', 'warning', 5, 65, -2.5, 60)],
  },
  {
    name: '[FS-COLD-LOW] 59 min below 0 °C does not raise',
    rows: [...hold(0, 4, 2), ...hold(5, 64, -1), ...hold(65, 80, 2)],
    expected: [],
  },
  {
    name: '[FS-COLD-LOW] clears only at ≥ 1 °C held 5 min, not in the 0–1 °C band',
    rows: [...hold(0, 4, 2), ...hold(5, 65, -1), ...hold(66, 75, 0.5), ...hold(76, 81, 1)],
    expected: [raise('FS-COLD-LOW', 'warning', 5, 65, -1, 60), clear('FS-COLD-LOW', 81, -1, 60)],
  },
  {
    name: '[FS-COLD-LOW] no duplicate raise; re-alarm after 60 min still out',
    rows: [...hold(0, 4, 2), ...hold(5, 130, -1)],
    expected: [raise('FS-COLD-LOW', 'warning', 5, 65, -1, 60), realarm('FS-COLD-LOW', 125)],
  },
  {
    name: '[FS-COLD-LOW] a late in-range sample is ignored',
    rows: [...hold(0, 4, 2), ...hold(5, 30, -1), { minute: 20, temp: 3 }, ...hold(31, 65, -1)],
    expected: [raise('FS-COLD-LOW', 'warning', 5, 65, -1, 60)],
  },
  {
    name: '[FS-COLD-LOW] the threshold comes from the profile (minC 2 °C)',
    config: unit({ profile: { ...CN_GB31654, id: 'LOCAL-STRICT', chilled: { ...CN_GB31654.chilled, minC: 2 } } }),
    rows: [...hold(0, 4, 3), ...hold(5, 65, 1.5)],
    expected: [raise('FS-COLD-LOW', 'warning', 5, 65, 1.5, 60)],
  },
  {
    name: '[FS-COLD-LOW] does not apply to a freezer',
    config: freezer,
    rows: hold(0, 120, -20),
    expected: [],
  },
];

const FRZ_ALARM: RuleCase[] = [
  {
    name: '[FS-FRZ-ALARM] a freezer 60 min above −12 °C raises an alarm',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, 65, -10)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 5, 65, -10, 60)],
  },
  {
    name: '[FS-FRZ-ALARM] 59 min above −12 °C does not raise',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, 64, -10), ...hold(65, 80, -18)],
    expected: [],
  },
  {
    name: '[FS-FRZ-ALARM] clears only at ≤ −13 °C held 5 min, not in the −13…−12 °C band',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, 65, -10), ...hold(66, 75, -12.5), ...hold(76, 81, -13)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 5, 65, -10, 60), clear('FS-FRZ-ALARM', 81, -10, 60)],
  },
  {
    name: '[FS-FRZ-ALARM] no duplicate raise; re-alarm after 60 min still out',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, 130, -10)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 5, 65, -10, 60), realarm('FS-FRZ-ALARM', 125)],
  },
  {
    name: '[FS-FRZ-ALARM] a reported defrost and its recovery are excused; the on-delay starts after',
    config: freezer,
    rows: [...hold(0, 9, -18), ...hold(10, 39, -5, { defrost: true }), ...hold(40, 130, -10)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 70, 130, -10, 60)],
  },
  {
    // Excused until 5 + 60 + 30 = 95; the 60-min on-delay raises at 155.
    name: '[FS-FRZ-ALARM] a defrost flag stuck on for 3 h does not silence it: judged again after start + default max + recovery',
    config: freezer,
    rows: [...hold(0, STUCK_FROM - 1, -18), ...hold(STUCK_FROM, STUCK_TO, -5, { defrost: true })],
    expected: [raise('FS-FRZ-ALARM', 'alarm', STUCK_JUDGED_FROM, STUCK_JUDGED_FROM + P.frozen.alarmDelayMin, -5, P.frozen.alarmDelayMin)],
  },
  {
    // Excused until 25 + 30 = 55; out from 55 to 70 is 15 min, short of the 60-min on-delay.
    name: '[FS-FRZ-ALARM] a normal 20-min defrost still excuses it, through its recovery',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, NORMAL_DEFROST_END - 1, -5, { defrost: true }), ...hold(NORMAL_DEFROST_END, 70, -5), ...hold(71, 130, -18)],
    expected: [],
  },
  {
    name: '[FS-FRZ-ALARM] the same warm spell without a defrost flag raises',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, 70, -5), ...hold(71, 130, -18)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 5, 65, -5, 60), clear('FS-FRZ-ALARM', 76, -5, 65)],
  },
  {
    name: '[FS-FRZ-ALARM] the same temperatures without a defrost flag raise after 60 min',
    config: freezer,
    rows: [...hold(0, 9, -18), ...hold(10, 39, -5), ...hold(40, 100, -10)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 10, 70, -5, 60)],
  },
  {
    name: '[FS-FRZ-ALARM] a late in-range sample is ignored',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, 30, -10), { minute: 30, temp: -20 }, ...hold(31, 65, -10)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 5, 65, -10, 60)],
  },
  {
    name: '[FS-FRZ-ALARM] UK-FSA (−18 °C) alarms at −15 °C',
    config: unit({ kind: 'freezer', profile: UK_FSA }),
    rows: [...hold(0, 4, -20), ...hold(5, 65, -15)],
    expected: [raise('FS-FRZ-ALARM', 'alarm', 5, 65, -15, 60)],
  },
  {
    name: '[FS-FRZ-ALARM] CN-GB31654 (−12 °C) does not alarm at −15 °C',
    config: freezer,
    rows: [...hold(0, 4, -20), ...hold(5, 120, -15)],
    expected: [],
  },
  {
    name: '[FS-FRZ-ALARM] does not apply to a chiller',
    rows: hold(0, 120, -5),
    expected: [],
  },
];

describe('cold-chain low and frozen threshold rules', () => {
  for (const [ruleId, cases] of [['FS-COLD-LOW', COLD_LOW], ['FS-FRZ-ALARM', FRZ_ALARM]] as const) {
    for (const c of cases) it(c.name, () => expectCase(ruleId, c));
  }
});
