// The placement detector, table-driven: each case is a script of what one slot
// shows poll after poll (every 500 ms), with seeded ±0.3 g noise and a swinging
// settle, and the events it must give — no more, no fewer.
import { describe, expect, it } from 'vitest';
import { detect, initialDetectorState, type DetectorEvent, type DetectorState } from './detector.ts';
import type { ScaleSnapshot, SlotSample } from './types.ts';

const T0 = Date.UTC(2024, 5, 3, 3, 30);
const POLL_MS = 500;
const TARE = 35;
const LABEL = 'LY1|2024-06-03|lunch|番茄炒蛋';
const LABEL_2 = 'LY1|2024-06-03|lunch|清蒸鲈鱼';

type Seg =
  | ['empty' | 'hold', grossG: number, polls: number]   // stable flag on, noise ±0.3 g
  | ['settle', toGrossG: number, polls: number]          // flag off, swinging towards the new weight
  | ['flagged-jitter', grossG: number, amplitudeG: number, polls: number] // flag on, but moving
  | ['unflagged', grossG: number, polls: number]         // flat, but the indicator says "motion"
  | ['overload', polls: number]
  | ['label' | 'badge', text: string]
  | ['wait', ms: number];

/** Seeded noise in ±0.3 g (an LCG is enough for a test). */
function noise(seed = 7) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return ((s / 2 ** 32) * 2 - 1) * 0.3;
  };
}

/** Plays a script on slot 1 and returns every event, with the final state. */
function run(script: Seg[], opts: { startLabel?: [number, string] } = {}) {
  const n = noise();
  let ts = T0;
  let gross = 0;
  let label = { counter: opts.startLabel?.[0] ?? 0, text: opts.startLabel?.[1] ?? '' };
  let badge = { counter: 0, text: '' };
  let state: DetectorState = initialDetectorState();
  const events: DetectorEvent[] = [];
  const poll = (slot: Omit<SlotSample, 'slot' | 'tareG'>): void => {
    const snap: ScaleSnapshot = { ts, serial: 'SCL-1', slots: [{ slot: 1, tareG: TARE, ...slot }], label, badge };
    const out = detect(state, snap);
    state = out.state;
    events.push(...out.events);
    ts += POLL_MS;
  };
  const round = (g: number): number => Math.round(g * 10) / 10;
  for (const seg of script) {
    switch (seg[0]) {
      case 'empty': case 'hold':
        gross = seg[1];
        for (let i = 0; i < seg[2]; i++) poll({ grossG: round(gross + n()), stable: true, overload: false });
        break;
      case 'settle': {
        const from = gross;
        gross = seg[1];
        for (let i = 0; i < seg[2]; i++) {
          const swing = (from - gross) * Math.exp(-i / 2) * Math.cos(i * 2.5);
          poll({ grossG: round(gross + swing + n()), stable: false, overload: false });
        }
        break;
      }
      case 'flagged-jitter':
        for (let i = 0; i < seg[3]; i++) poll({ grossG: round(seg[1] + (i % 2 ? seg[2] : -seg[2])), stable: true, overload: false });
        break;
      case 'unflagged':
        for (let i = 0; i < seg[2]; i++) poll({ grossG: seg[1], stable: false, overload: false });
        break;
      case 'overload':
        for (let i = 0; i < seg[1]; i++) poll({ grossG: 5200, stable: true, overload: true });
        break;
      case 'label': label = { counter: label.counter + 1, text: seg[1] }; break;
      case 'badge': badge = { counter: badge.counter + 1, text: seg[1] }; break;
      case 'wait': ts += seg[1]; break;
    }
  }
  return { events, state };
}

const g = (net: number): number => TARE + net;
const near = (grams: number) => expect.closeTo(grams, 0); // within 0.5 g: noise is averaged, not removed
/** Exact events (toEqual): a label or badge not named here must be absent. */
const ev = (type: string, net: number, extra: Partial<DetectorEvent>) =>
  ({ type, slot: 1, netWeightG: near(net), ts: expect.any(Number), ...extra });
const placed = (net: number, extra: Partial<DetectorEvent> = {}) => ev('placed', net, extra);
const removed = (net: number, extra: Partial<DetectorEvent> = {}) => ev('removed', net, extra);
const service = { date: '2024-06-03', meal: 'lunch' } as const;

interface Case { name: string; script: Seg[]; expected: object[]; startLabel?: [number, string] }

const CASES: Case[] = [
  {
    name: 'a box settling on an empty slot is one placement of its net weight (gross − tare)',
    script: [['empty', 0, 4], ['settle', g(150), 4], ['hold', g(150), 200]],
    expected: [placed(150)],
  },
  {
    name: 'noise on an empty slot is never a sample',
    script: [['empty', 0, 400]],
    expected: [],
  },
  {
    name: 'flat readings without the stable flag do not count',
    script: [['empty', 0, 4], ['unflagged', g(150), 50]],
    expected: [],
  },
  {
    name: 'flagged stable but moving ±1.5 g: waits until the readings agree within ±0.5 g',
    script: [['empty', 0, 4], ['flagged-jitter', g(150), 1.5, 20], ['hold', g(150), 6]],
    expected: [placed(150)],
  },
  {
    name: 'an empty box (net ~0) is not a sample',
    script: [['empty', 0, 4], ['settle', g(0), 4], ['hold', g(0), 20]],
    expected: [],
  },
  {
    name: 'a 3 g crumb on an empty slot is below the 5 g threshold',
    script: [['empty', g(0), 4], ['settle', g(3), 4], ['hold', g(3), 20]],
    expected: [],
  },
  {
    name: 'a sample losing 3 g over the hours is the same sample: no event',
    script: [['empty', 0, 4], ['settle', g(150), 4], ['hold', g(150), 10], ['hold', g(148.5), 10], ['hold', g(147), 10]],
    expected: [placed(150)],
  },
  {
    name: '[FS-SAMPLE-WEIGHT] a light sample is reported as weighed: 118 g',
    script: [['empty', 0, 4], ['settle', g(118), 3], ['hold', g(118), 10]],
    expected: [placed(118)],
  },
  {
    name: 'label and badge scanned before placing are attached to it',
    script: [['empty', 0, 4], ['badge', 'S001'], ['hold', 0, 10], ['label', LABEL], ['hold', 0, 20], ['settle', g(150), 4], ['hold', g(150), 10]],
    expected: [placed(150, { badge: 'S001', label: { dish: '番茄炒蛋', service } })],
  },
  {
    name: 'a label and badge scanned 3 min before the weight settles are too old',
    script: [['empty', 0, 4], ['badge', 'S001'], ['label', LABEL], ['hold', 0, 2], ['wait', 180_000], ['settle', g(150), 4], ['hold', g(150), 10]],
    expected: [placed(150)],
  },
  {
    name: 'a label serves one placement; the badge serves every act in its window',
    script: [
      ['empty', 0, 4], ['badge', 'S001'], ['label', LABEL], ['hold', 0, 4], ['settle', g(150), 4], ['hold', g(150), 10],
      ['settle', 0, 4], ['hold', 0, 10], ['settle', g(140), 4], ['hold', g(140), 10],
    ],
    expected: [
      placed(150, { badge: 'S001', label: { dish: '番茄炒蛋', service } }),
      removed(150, { badge: 'S001' }),
      placed(140, { badge: 'S001' }),
    ],
  },
  {
    name: '[FS-SAMPLE-EARLY] a removal reports the net weight that left, and the badge scanned for it',
    script: [['empty', 0, 4], ['settle', g(150), 4], ['hold', g(150), 10], ['wait', 30 * 3600_000], ['badge', 'S002'], ['hold', g(150.4), 4], ['settle', 0, 4], ['hold', 0, 10]],
    expected: [placed(150), removed(150.4, { badge: 'S002' })],
  },
  {
    name: 'a sample already on the slot at start is a baseline: not placed, but its removal is reported',
    script: [['hold', g(150), 10], ['settle', 0, 4], ['hold', 0, 10]],
    expected: [removed(150)],
  },
  {
    name: 'the scanner buffers found at start are a baseline, not scans',
    startLabel: [12, LABEL],
    script: [['empty', 0, 4], ['settle', g(150), 4], ['hold', g(150), 10]],
    expected: [placed(150)],
  },
  {
    name: 'a scan of something that is not a sample label clears the pending label',
    script: [['empty', 0, 4], ['label', LABEL], ['hold', 0, 2], ['label', '6901234567892'], ['hold', 0, 2], ['settle', g(150), 4], ['hold', g(150), 10]],
    expected: [placed(150)],
  },
  {
    name: 'the latest label wins',
    script: [['empty', 0, 4], ['label', LABEL], ['hold', 0, 2], ['label', LABEL_2], ['hold', 0, 2], ['settle', g(150), 4], ['hold', g(150), 10]],
    expected: [placed(150, { label: { dish: '清蒸鲈鱼', service } })],
  },
  {
    name: 'a box swapped faster than the empty slot could settle: the old one left, a new one arrived',
    script: [['empty', 0, 4], ['settle', g(150), 4], ['hold', g(150), 10], ['settle', g(131), 6], ['hold', g(131), 10]],
    expected: [placed(150), removed(150), placed(131)],
  },
  {
    name: 'an overloaded slot never settles',
    script: [['empty', 0, 4], ['overload', 20]],
    expected: [],
  },
];

describe('placement detector', () => {
  it.each(CASES)('$name', ({ script, expected, startLabel }) => {
    const { events } = run(script, { startLabel });
    expect(events).toEqual(expected);
  });

  it('dates an event at the first of the settled readings, rounded to 0.1 g', () => {
    const { events } = run([['empty', 0, 4], ['settle', g(150), 4], ['hold', g(150), 10]]);
    const firstSettled = T0 + 8 * POLL_MS;
    expect(events).toEqual([{ type: 'placed', slot: 1, netWeightG: expect.any(Number), ts: firstSettled }]);
    const w = events[0]?.netWeightG ?? NaN;
    expect(Math.round(w * 10) / 10).toBe(w);
  });

  it('counts unreadable scans', () => {
    const { state } = run([['empty', 0, 2], ['label', 'hello'], ['hold', 0, 1], ['label', 'LY1|2024-06-03|brunch|x'], ['hold', 0, 1]]);
    expect(state.unreadableLabels).toBe(2);
  });

  it('gives the label to the lowest slot when two settle in the same poll, the badge to both', () => {
    let state = initialDetectorState();
    const events: DetectorEvent[] = [];
    const slots = (net: number): SlotSample[] =>
      [1, 2].map((slot) => ({ slot, grossG: net === 0 ? 0 : TARE + net + slot / 10, tareG: TARE, stable: true, overload: false }));
    const polls: Array<[net: number, labelCounter: number, badgeCounter: number]> = [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 1, 1], [150, 1, 1], [150, 1, 1], [150, 1, 1], [150, 1, 1]];
    polls.forEach(([net, lc, bc], i) => {
      const out = detect(state, {
        ts: T0 + i * POLL_MS, serial: 'SCL-1', slots: slots(net),
        label: { counter: lc, text: LABEL }, badge: { counter: bc, text: 'S001' },
      });
      state = out.state;
      events.push(...out.events);
    });
    expect(events).toEqual([
      { type: 'placed', slot: 1, netWeightG: 150.1, ts: T0 + 4 * POLL_MS, badge: 'S001', label: { dish: '番茄炒蛋', service } },
      { type: 'placed', slot: 2, netWeightG: 150.2, ts: T0 + 4 * POLL_MS, badge: 'S001' },
    ]);
  });
});
