// Table-driven tests of the chilled high-threshold rules (rule book section 3); FS-COLD-LOW and
// FS-FRZ-ALARM are in cold-threshold-low-frozen.test.ts. Each case
// runs straight and with the state restarted from JSON after every sample.
import { describe, it } from 'vitest';
import {
  alternate, clear, expectCase, hold, raise, realarm, unit, type RuleCase,
} from './cold-chain.fixtures.ts';
import { NORMAL_DEFROST_END, P, STUCK_FROM, STUCK_JUDGED_FROM, STUCK_TO, stuckExcuseEnd } from './cold-defrost.fixtures.ts';
import { CN_GB31654, US_FDA_2022 } from './profiles.ts';

const air = unit({ probe: 'air' });
const freezer = unit({ kind: 'freezer' });

const COLD_ALARM: RuleCase[] = [
  {
    name: '[FS-COLD-ALARM] 15 min at 9 °C on a buffered probe raises an alarm at the on-delay',
    rows: [...hold(0, 4, 4), ...hold(5, 20, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15)],
  },
  {
    name: '[FS-COLD-ALARM] 14 min at 9 °C on a buffered probe does not raise',
    rows: [...hold(0, 4, 4), ...hold(5, 19, 9), ...hold(20, 40, 4)],
    expected: [],
  },
  {
    name: '[FS-COLD-ALARM] an air probe waits 30 min: nothing at 29 min',
    config: air,
    rows: [...hold(0, 4, 4), ...hold(5, 34, 9), ...hold(35, 40, 4)],
    expected: [],
  },
  {
    name: '[FS-COLD-ALARM] an air probe raises at 30 min',
    config: air,
    rows: [...hold(0, 4, 4), ...hold(5, 35, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 35, 9, 30)],
  },
  {
    name: '[FS-COLD-ALARM] clears only at ≤ 7 °C held 5 min; the 7–8 °C band and an interrupted run do not clear',
    rows: [
      ...hold(0, 4, 4), ...hold(5, 12, 9), ...hold(13, 20, 10), ...hold(21, 40, 7.5),
      ...hold(41, 44, 7), ...hold(45, 45, 7.5), ...hold(46, 51, 7), ...hold(52, 55, 4),
    ],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 10, 15), clear('FS-COLD-ALARM', 51, 10, 15)],
  },
  {
    name: '[FS-COLD-ALARM] readings flickering across 8 °C never complete the on-delay',
    rows: [...hold(0, 4, 4), ...alternate(5, 60, 8.5, 7.9)],
    expected: [],
  },
  {
    name: '[FS-COLD-ALARM] readings flickering across the 7 °C clear level never clear',
    rows: [...hold(0, 4, 4), ...hold(5, 20, 9), ...alternate(21, 50, 6.9, 7.2)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15)],
  },
  {
    name: '[FS-COLD-ALARM] no duplicate raise while raised; re-alarm every 60 min while out',
    rows: [...hold(0, 4, 4), ...hold(5, 140, 9)],
    expected: [
      raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15), realarm('FS-COLD-ALARM', 80), realarm('FS-COLD-ALARM', 140),
    ],
  },
  {
    name: '[FS-COLD-ALARM] a reported defrost and its 30 min recovery are excused; the on-delay starts after',
    rows: [...hold(0, 19, 4), ...hold(20, 39, 12, { defrost: true }), ...hold(40, 90, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 70, 85, 9, 15)],
  },
  {
    name: '[FS-COLD-ALARM] the same temperatures without a defrost flag raise at once after 15 min',
    rows: [...hold(0, 19, 4), ...hold(20, 39, 12), ...hold(40, 90, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 20, 35, 12, 15)],
  },
  {
    // Excused until 5 + 60 + 30 = 95; the 15-min buffered on-delay raises at 110, re-alarm at 170.
    name: '[FS-COLD-ALARM] a defrost flag stuck on for 3 h does not silence it: judged again after start + default max + recovery',
    rows: [...hold(0, STUCK_FROM - 1, 4), ...hold(STUCK_FROM, STUCK_TO, 12, { defrost: true })],
    expected: [
      raise('FS-COLD-ALARM', 'alarm', STUCK_JUDGED_FROM, STUCK_JUDGED_FROM + P.chilled.alarmDelayBufferedMin, 12, P.chilled.alarmDelayBufferedMin),
      realarm('FS-COLD-ALARM', STUCK_JUDGED_FROM + P.chilled.alarmDelayBufferedMin + P.realarmMin),
    ],
  },
  {
    // The unit's own defrostMaxMin (20) wins over the profile default: excused until 5 + 20 + 30 = 55, raise at 70.
    name: '[FS-COLD-ALARM] a stuck defrost flag is bounded by the unit\'s defrostMaxMin when it declares one',
    config: unit({ defrostMaxMin: 20 }),
    rows: [...hold(0, STUCK_FROM - 1, 4), ...hold(STUCK_FROM, STUCK_TO, 12, { defrost: true })],
    expected: [
      raise('FS-COLD-ALARM', 'alarm', stuckExcuseEnd(20), stuckExcuseEnd(20) + P.chilled.alarmDelayBufferedMin, 12, P.chilled.alarmDelayBufferedMin),
      realarm('FS-COLD-ALARM', stuckExcuseEnd(20) + P.chilled.alarmDelayBufferedMin + P.realarmMin),
    ],
  },
  {
    // Ends at 25, well inside the 60-min bound: excused until 25 + 30 = 55, and the unit is back at 4 °C by then.
    name: '[FS-COLD-ALARM] a normal 20-min defrost still excuses it, through its recovery',
    rows: [
      ...hold(0, 4, 4), ...hold(5, NORMAL_DEFROST_END - 1, 12, { defrost: true }),
      ...hold(NORMAL_DEFROST_END, NORMAL_DEFROST_END + P.defrostRecoveryMin - 1, 12), ...hold(NORMAL_DEFROST_END + P.defrostRecoveryMin, 90, 4),
    ],
    expected: [],
  },
  {
    name: '[FS-COLD-ALARM] the same 20-min warm spell without a defrost flag raises',
    rows: [...hold(0, 4, 4), ...hold(5, 54, 12), ...hold(55, 90, 4)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 12, 15), clear('FS-COLD-ALARM', 60, 12, 49)],
  },
  {
    name: '[FS-COLD-ALARM] a defrost neither clears nor advances a raised alarm; re-alarm resumes after recovery',
    rows: [...hold(0, 4, 4), ...hold(5, 29, 9), ...hold(30, 49, 12, { defrost: true }), ...hold(50, 100, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15), realarm('FS-COLD-ALARM', 80)],
  },
  {
    name: '[FS-COLD-ALARM] a late in-range sample (ts ≤ last) is ignored and does not reset the on-delay',
    rows: [...hold(0, 4, 4), ...hold(5, 12, 9), { minute: 3, temp: 4 }, { minute: 12, temp: 4 }, ...hold(13, 20, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15)],
  },
  {
    name: '[FS-COLD-ALARM] probe-fault samples (temp null) neither advance nor break the on-delay',
    rows: [...hold(0, 4, 4), ...hold(5, 9, 9), ...hold(10, 14, null), ...hold(15, 20, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15)],
  },
  {
    name: '[FS-COLD-ALARM] probe-fault samples do not break the clear delay either',
    rows: [...hold(0, 4, 4), ...hold(5, 20, 9), ...hold(21, 23, 7), ...hold(24, 25, null), ...hold(26, 26, 7)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15), clear('FS-COLD-ALARM', 26, 9, 15)],
  },
  {
    name: '[FS-COLD-ALARM] US-FDA-2022 (max 5 °C) alarms at 6 °C',
    config: unit({ profile: US_FDA_2022 }),
    rows: [...hold(0, 4, 3), ...hold(5, 20, 6)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 6, 15)],
  },
  {
    name: '[FS-COLD-ALARM] CN-GB31654 (max 8 °C) does not alarm at 6 °C',
    config: unit({ profile: CN_GB31654 }),
    rows: [...hold(0, 4, 3), ...hold(5, 60, 6)],
    expected: [],
  },
  {
    name: '[FS-COLD-ALARM] a sample cabinet (留样柜) is a chilled unit',
    config: unit({ kind: 'sample_cabinet' }),
    rows: [...hold(0, 4, 4), ...hold(5, 20, 9)],
    expected: [raise('FS-COLD-ALARM', 'alarm', 5, 20, 9, 15)],
  },
  {
    name: '[FS-COLD-ALARM] does not apply to a freezer',
    config: freezer,
    rows: [...hold(0, 4, -18), ...hold(5, 60, 9)],
    expected: [],
  },
];

const COLD_WARN: RuleCase[] = [
  {
    name: '[FS-COLD-WARN] 30 min above the 5 °C target raises a warning',
    rows: [...hold(0, 4, 4), ...hold(5, 35, 6)],
    expected: [raise('FS-COLD-WARN', 'warning', 5, 35, 6, 30)],
  },
  {
    name: '[FS-COLD-WARN] 29 min above the target does not raise',
    rows: [...hold(0, 4, 4), ...hold(5, 34, 6), ...hold(35, 60, 4)],
    expected: [],
  },
  {
    name: '[FS-COLD-WARN] clears only at ≤ 4 °C held 5 min, not in the 4–5 °C band',
    rows: [...hold(0, 4, 4), ...hold(5, 35, 6), ...hold(36, 45, 4.5), ...hold(46, 51, 4)],
    expected: [raise('FS-COLD-WARN', 'warning', 5, 35, 6, 30), clear('FS-COLD-WARN', 51, 6, 30)],
  },
  {
    name: '[FS-COLD-WARN] no duplicate raise; re-alarm after 60 min still out',
    rows: [...hold(0, 4, 4), ...hold(5, 100, 6)],
    expected: [raise('FS-COLD-WARN', 'warning', 5, 35, 6, 30), realarm('FS-COLD-WARN', 95)],
  },
  {
    name: '[FS-COLD-WARN] is not excused by a defrost (the rule book excuses only FS-COLD-ALARM and FS-FRZ-ALARM)',
    rows: [...hold(0, 4, 4), ...hold(5, 35, 6, { defrost: true })],
    expected: [raise('FS-COLD-WARN', 'warning', 5, 35, 6, 30)],
  },
  {
    name: '[FS-COLD-WARN] a late in-range sample is ignored',
    rows: [...hold(0, 4, 4), ...hold(5, 20, 6), { minute: 10, temp: 3 }, ...hold(21, 35, 6)],
    expected: [raise('FS-COLD-WARN', 'warning', 5, 35, 6, 30)],
  },
  {
    name: '[FS-COLD-WARN] US-FDA-2022 (target 4 °C) warns at 4.5 °C',
    config: unit({ profile: US_FDA_2022 }),
    rows: [...hold(0, 4, 3), ...hold(5, 35, 4.5)],
    expected: [raise('FS-COLD-WARN', 'warning', 5, 35, 4.5, 30)],
  },
  {
    name: '[FS-COLD-WARN] CN-GB31654 (target 5 °C) does not warn at 4.5 °C',
    rows: [...hold(0, 4, 3), ...hold(5, 60, 4.5)],
    expected: [],
  },
];

describe('cold-chain threshold rules', () => {
  for (const [ruleId, cases] of [
    ['FS-COLD-ALARM', COLD_ALARM], ['FS-COLD-WARN', COLD_WARN],
  ] as const) {
    for (const c of cases) it(c.name, () => expectCase(ruleId, c));
  }
});
