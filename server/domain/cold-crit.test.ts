// [FS-COLD-CRIT] table cases, plus the bound on its stored ledger. Each reading above
// the maximum counts the minutes since the previous valid reading (see cold-crit.ts),
// so with one reading a minute an excursion of n readings counts n minutes.
import { describe, expect, it } from 'vitest';
import { alarmsOf, alternate, clear, expectCase, hold, raise, realarm, run, unit, type RuleCase } from './cold-chain.fixtures.ts';
import { MAX_CRIT_SPANS } from './rules/crit-ledger.ts';
import { US_FDA_2022 } from './profiles.ts';

const every10 = unit({ reportIntervalS: 600 });

const CASES: RuleCase[] = [
  {
    name: '[FS-COLD-CRIT] above max + 4 °C (13 °C) for 30 min raises critical at once',
    rows: [...hold(0, 4, 4), ...hold(5, 35, 13)],
    expected: [raise('FS-COLD-CRIT', 'critical', 5, 35, 13, 31)],
  },
  {
    name: '[FS-COLD-CRIT] 13 °C for 29 min does not raise',
    rows: [...hold(0, 4, 4), ...hold(5, 34, 13), ...hold(35, 60, 4)],
    expected: [],
  },
  {
    name: '[FS-COLD-CRIT] four 30 min excursions above 8 °C within 24 h cumulate 120 min and raise; the raise consumes them',
    rows: [
      ...hold(0, 9, 4), ...hold(10, 39, 9), ...hold(40, 99, 4), ...hold(100, 129, 9), ...hold(130, 189, 4),
      ...hold(190, 219, 9), ...hold(220, 279, 4), ...hold(280, 309, 9), ...hold(310, 329, 4),
      ...hold(330, 330, 9), ...hold(331, 340, 4),
    ],
    expected: [raise('FS-COLD-CRIT', 'critical', 280, 309, 9, 120), clear('FS-COLD-CRIT', 315, 9, 120)],
  },
  {
    name: '[FS-COLD-CRIT] 119 cumulated minutes do not raise',
    rows: [
      ...hold(0, 9, 4), ...hold(10, 39, 9), ...hold(40, 99, 4), ...hold(100, 129, 9), ...hold(130, 189, 4),
      ...hold(190, 219, 9), ...hold(220, 279, 4), ...hold(280, 308, 9), ...hold(309, 340, 4),
    ],
    expected: [],
  },
  {
    name: '[FS-COLD-CRIT] excursions within 24 h add up (60 + 60 min, 10-min readings)',
    config: every10,
    rows: [...hold(0, 0, 4), ...hold(10, 60, 9, { every: 10 }), ...hold(70, 990, 4, { every: 10 }), ...hold(1000, 1060, 9, { every: 10 })],
    expected: [raise('FS-COLD-CRIT', 'critical', 1000, 1050, 9, 120)],
  },
  {
    name: '[FS-COLD-CRIT] an excursion older than the 24 h window no longer counts',
    config: every10,
    rows: [...hold(0, 0, 4), ...hold(10, 60, 9, { every: 10 }), ...hold(70, 1490, 4, { every: 10 }), ...hold(1500, 1560, 9, { every: 10 })],
    expected: [],
  },
  {
    name: '[FS-COLD-CRIT] a silent gap counts at most the offline threshold (30 min), not as time out of range',
    rows: [...hold(0, 0, 4), { minute: 1, temp: 9 }, ...hold(200, 290, 9)],
    expected: [raise('FS-COLD-CRIT', 'critical', 1, 289, 9, 120)],
  },
  {
    name: '[FS-COLD-CRIT] no duplicate raise; re-alarm after 60 min still out',
    rows: [...hold(0, 4, 4), ...hold(5, 95, 13)],
    expected: [raise('FS-COLD-CRIT', 'critical', 5, 35, 13, 31), realarm('FS-COLD-CRIT', 95)],
  },
  {
    name: '[FS-COLD-CRIT] clears only at ≤ 7 °C held 5 min; flickering across 7 °C does not clear',
    rows: [...hold(0, 4, 4), ...hold(5, 35, 13), ...hold(36, 40, 7.5), ...alternate(41, 70, 6.9, 7.2), ...hold(71, 76, 6)],
    expected: [raise('FS-COLD-CRIT', 'critical', 5, 35, 13, 31), clear('FS-COLD-CRIT', 76, 13, 31)],
  },
  {
    name: '[FS-COLD-CRIT] a defrost does not excuse it (the exposure is real)',
    rows: [...hold(0, 4, 4), ...hold(5, 35, 13, { defrost: true })],
    expected: [raise('FS-COLD-CRIT', 'critical', 5, 35, 13, 31)],
  },
  {
    name: '[FS-COLD-CRIT] a late in-range sample is ignored',
    rows: [...hold(0, 4, 4), ...hold(5, 20, 13), { minute: 10, temp: 4 }, ...hold(21, 35, 13)],
    expected: [raise('FS-COLD-CRIT', 'critical', 5, 35, 13, 31)],
  },
  {
    name: '[FS-COLD-CRIT] US-FDA-2022 (max 5 °C) is critical at 10 °C for 30 min',
    config: unit({ profile: US_FDA_2022 }),
    rows: [...hold(0, 4, 4), ...hold(5, 35, 10)],
    expected: [raise('FS-COLD-CRIT', 'critical', 5, 35, 10, 31)],
  },
  {
    name: '[FS-COLD-CRIT] CN-GB31654 (max 8 °C) is not critical at 10 °C for 30 min',
    rows: [...hold(0, 4, 4), ...hold(5, 35, 10), ...hold(36, 60, 4)],
    expected: [],
  },
  {
    name: '[FS-COLD-CRIT] does not apply to a freezer',
    config: unit({ kind: 'freezer' }),
    rows: hold(0, 200, 13),
    expected: [],
  },
];

describe('[FS-COLD-CRIT] chilled critical excursion', () => {
  for (const c of CASES) it(c.name, () => expectCase('FS-COLD-CRIT', c));

  it('[FS-COLD-CRIT] a unit flickering across 8 °C all day keeps a bounded ledger and still counts exactly', () => {
    const { events, states } = run(unit(), alternate(0, 600, 4, 9));
    // 9 °C at every odd minute, each counting 1 min: the 120th is at minute 239.
    const raises = alarmsOf(events, 'FS-COLD-CRIT').filter((e) => e.type === 'raise');
    expect(raises).toEqual([raise('FS-COLD-CRIT', 'critical', 239, 239, 9, 120)]);
    expect(Math.max(...states.map((s) => s.crit.spans.length))).toBe(MAX_CRIT_SPANS);
  });
});
