// Table cases of the event-like cold-chain rules: FS-DOOR, FS-OFFLINE, FS-DEFROST-MISS.
import { describe, it } from 'vitest';
import { clear, expectCase, hold, raise, realarm, tick, unit, type RuleCase } from './cold-chain.fixtures.ts';
import { CN_GB31654 } from './profiles.ts';

const DOOR: RuleCase[] = [
  {
    name: '[FS-DOOR] a door open 5 min raises a warning; closing clears it at once',
    rows: [...hold(0, 2, 4), ...hold(3, 8, 4, { door: true }), ...hold(9, 12, 4)],
    expected: [raise('FS-DOOR', 'warning', 3, 8, null, 5), clear('FS-DOOR', 9, null, 6)],
  },
  {
    name: '[FS-DOOR] a door open 4 min does not raise',
    rows: [...hold(0, 2, 4), ...hold(3, 7, 4, { door: true }), ...hold(8, 20, 4)],
    expected: [],
  },
  {
    name: '[FS-DOOR] no duplicate raise; re-alarm after 60 min still open',
    rows: [...hold(0, 2, 4), ...hold(3, 70, 4, { door: true })],
    expected: [raise('FS-DOOR', 'warning', 3, 8, null, 5), realarm('FS-DOOR', 68)],
  },
  {
    name: '[FS-DOOR] a door left open with no further reading is raised by the clock tick',
    rows: [...hold(0, 2, 4), ...hold(3, 3, 4, { door: true }), tick(7), tick(8), tick(9), ...hold(15, 16, 4)],
    expected: [raise('FS-DOOR', 'warning', 3, 8, null, 5), clear('FS-DOOR', 15, null, 12)],
  },
  {
    name: '[FS-DOOR] the door still counts on probe-fault samples',
    rows: [...hold(0, 2, 4), ...hold(3, 8, null, { door: true })],
    expected: [raise('FS-DOOR', 'warning', 3, 8, null, 5)],
  },
  {
    name: '[FS-DOOR] a late "closed" sample is ignored',
    rows: [...hold(0, 2, 4), ...hold(3, 6, 4, { door: true }), { minute: 5, temp: 4 }, ...hold(7, 8, 4, { door: true })],
    expected: [raise('FS-DOOR', 'warning', 3, 8, null, 5)],
  },
  {
    name: '[FS-DOOR] the limit comes from the profile (doorOpenMaxMin 2)',
    config: unit({ profile: { ...CN_GB31654, id: 'LOCAL-STRICT', doorOpenMaxMin: 2 } }),
    rows: [...hold(0, 2, 4), ...hold(3, 5, 4, { door: true })],
    expected: [raise('FS-DOOR', 'warning', 3, 5, null, 2)],
  },
];

const OFFLINE: RuleCase[] = [
  {
    name: '[FS-OFFLINE] 30 min without a reading raises; no duplicate; re-alarm; the next reading clears',
    rows: [...hold(0, 10, 4), tick(39), tick(40), tick(41), tick(99), tick(100), { minute: 105, temp: 4 }],
    expected: [
      raise('FS-OFFLINE', 'alarm', 10, 40, null, 30), realarm('FS-OFFLINE', 100), clear('FS-OFFLINE', 105, null, 95),
    ],
  },
  {
    name: '[FS-OFFLINE] probe-fault readings (temp null) neither keep a unit online nor clear it',
    rows: [...hold(0, 10, 4), ...hold(11, 39, null), tick(40), ...hold(41, 45, null), { minute: 46, temp: 4 }],
    expected: [raise('FS-OFFLINE', 'alarm', 10, 40, null, 30), clear('FS-OFFLINE', 46, null, 36)],
  },
  {
    name: '[FS-OFFLINE] a unit that never reports is offline 30 min after tracking began',
    rows: [tick(29), tick(30)],
    expected: [raise('FS-OFFLINE', 'alarm', 0, 30, null, 30)],
  },
  {
    name: '[FS-OFFLINE] a 15-min reporting interval waits 3 × 15 = 45 min',
    config: unit({ reportIntervalS: 900 }),
    rows: [...hold(0, 0, 4), tick(44), tick(45)],
    expected: [raise('FS-OFFLINE', 'alarm', 0, 45, null, 45)],
  },
  {
    name: '[FS-OFFLINE] a late reading (ts ≤ last) does not clear it',
    rows: [...hold(0, 10, 4), tick(40), { minute: 5, temp: 4 }, { minute: 10, temp: 4 }, { minute: 50, temp: 4 }],
    expected: [raise('FS-OFFLINE', 'alarm', 10, 40, null, 30), clear('FS-OFFLINE', 50, null, 40)],
  },
  {
    name: '[FS-OFFLINE] the floor comes from the profile (offlineFloorMin 10)',
    config: unit({ profile: { ...CN_GB31654, id: 'LOCAL-STRICT', offlineFloorMin: 10 } }),
    rows: [...hold(0, 0, 4), tick(9), tick(10)],
    expected: [raise('FS-OFFLINE', 'alarm', 0, 10, null, 10)],
  },
];

// Defrost every 6 h: a start is due within 1.33 × 360 = 478.8 min; at most 30 min long.
const defrosting = unit({ reportIntervalS: 600, defrostIntervalMin: 360, defrostMaxMin: 30 });
const every10 = { every: 10 };
const defrostAt0 = hold(0, 10, 4, { defrost: true, every: 10 });

const DEFROST_MISS: RuleCase[] = [
  {
    name: '[FS-DEFROST-MISS] no defrost start within 1.33 × the interval raises; the next start clears',
    config: defrosting,
    rows: [...defrostAt0, ...hold(20, 490, 4, every10), ...hold(500, 500, 4, { defrost: true })],
    expected: [raise('FS-DEFROST-MISS', 'warning', 480, 480, null, 0), clear('FS-DEFROST-MISS', 500, null, 10)],
  },
  {
    name: '[FS-DEFROST-MISS] a defrost starting just before the limit does not raise',
    config: defrosting,
    rows: [...defrostAt0, ...hold(20, 460, 4, every10), ...hold(470, 480, 4, { defrost: true, every: 10 }), ...hold(490, 600, 4, every10)],
    expected: [],
  },
  {
    name: '[FS-DEFROST-MISS] counts from when tracking began if no defrost was ever seen',
    config: defrosting,
    rows: hold(0, 480, 4, every10),
    expected: [raise('FS-DEFROST-MISS', 'warning', 480, 480, null, 0)],
  },
  {
    name: '[FS-DEFROST-MISS] a defrost of 30 min (the unit maximum) raises; its end clears',
    config: defrosting,
    rows: [...hold(0, 30, 4, { defrost: true, every: 10 }), ...hold(40, 50, 4, every10)],
    expected: [raise('FS-DEFROST-MISS', 'warning', 30, 30, null, 0), clear('FS-DEFROST-MISS', 40, null, 0)],
  },
  {
    name: '[FS-DEFROST-MISS] a defrost of 20 min does not raise',
    config: defrosting,
    rows: [...hold(0, 20, 4, { defrost: true, every: 10 }), ...hold(30, 100, 4, every10)],
    expected: [],
  },
  {
    name: '[FS-DEFROST-MISS] no duplicate raise; re-alarm after 60 min still missing',
    config: defrosting,
    rows: [...defrostAt0, ...hold(20, 540, 4, every10)],
    expected: [raise('FS-DEFROST-MISS', 'warning', 480, 480, null, 0), realarm('FS-DEFROST-MISS', 540)],
  },
  {
    name: '[FS-DEFROST-MISS] a late defrost sample (ts ≤ last) is ignored',
    config: defrosting,
    rows: [...defrostAt0, ...hold(20, 300, 4, every10), { minute: 250, temp: 4, defrost: true }, ...hold(310, 480, 4, every10)],
    expected: [raise('FS-DEFROST-MISS', 'warning', 480, 480, null, 0)],
  },
  {
    name: '[FS-DEFROST-MISS] the factor comes from the profile (defrostMissFactor 1.0 → 360 min)',
    config: { ...defrosting, profile: { ...CN_GB31654, id: 'LOCAL-STRICT', defrostMissFactor: 1 } },
    rows: [...defrostAt0, ...hold(20, 360, 4, every10)],
    expected: [raise('FS-DEFROST-MISS', 'warning', 360, 360, null, 0)],
  },
  {
    name: '[FS-DEFROST-MISS] does not apply to a unit without a defrost interval',
    config: unit({ reportIntervalS: 600 }),
    rows: hold(0, 1440, 4, every10),
    expected: [],
  },
];

describe('cold-chain event rules', () => {
  for (const [ruleId, cases] of [['FS-DOOR', DOOR], ['FS-OFFLINE', OFFLINE], ['FS-DEFROST-MISS', DEFROST_MISS]] as const) {
    for (const c of cases) it(c.name, () => expectCase(ruleId, c));
  }
});
