// The engine around the rules: restart safety, ordering on device time, purity,
// progress events, and the read-only views (severity, "alarm in n min").
import { describe, expect, it } from 'vitest';
import { at, hold, minuteOf, run, T0, tick, unit } from './cold-chain.fixtures.ts';
import {
  createUnitState, evaluateSample, evaluateTime, nextDueIn, restoreUnitState, unitStateSeverity,
} from './cold-chain.ts';
import { CN_GB31654 } from './profiles.ts';
import type { RuleEvent } from './types.ts';

const chiller = unit();
const excursion = [...hold(0, 4, 4), ...hold(5, 12, 9)];

describe('cold-chain engine', () => {
  it('[FS-COLD-ALARM] rule state round-trips through JSON mid-excursion and evaluation continues identically', () => {
    const { state } = run(chiller, excursion);
    const restored = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(restored).toEqual(state);
    expect(restored.rules['FS-COLD-ALARM'].firstOutAt).toBe(at(5));

    const rest = hold(13, 60, 9);
    const feed = (s: typeof state) => {
      const events: RuleEvent[] = [];
      for (const row of rest) {
        const r = evaluateSample(s, chiller, { ts: at(row.minute), temp: 9, door: false, defrost: false });
        s = r.state;
        events.push(...r.events);
      }
      return { s, events };
    };
    const live = feed(state);
    const afterRestart = feed(restored);
    expect(afterRestart.events).toEqual(live.events);
    expect(afterRestart.s).toEqual(live.s);
    expect(live.events.find((e) => e.type === 'raise' && e.ruleId === 'FS-COLD-ALARM')?.at).toBe(at(20));
  });

  it('[FS-COLD-ALARM] a sample at or before the last evaluated ts is ignored: same state object, no events', () => {
    const { state } = run(chiller, excursion);
    for (const minute of [12, 11, 0, -5]) {
      const result = evaluateSample(state, chiller, { ts: at(minute), temp: 2, door: true, defrost: true });
      expect(result.state).toBe(state);
      expect(result.events).toEqual([]);
    }
  });

  it('[FS-COLD-ALARM] progress events while raised carry the running peak and minutes out', () => {
    const { events } = run(chiller, [...excursion, ...hold(13, 20, 9), { minute: 21, temp: 11 }, { minute: 22, temp: 7.5 }]);
    const progress = events.filter((e) => e.ruleId === 'FS-COLD-ALARM' && e.type === 'progress');
    expect(progress).toEqual([
      { type: 'progress', ruleId: 'FS-COLD-ALARM', at: at(21), peakValue: 11, minutesOut: 16 },
      { type: 'progress', ruleId: 'FS-COLD-ALARM', at: at(22), peakValue: 11, minutesOut: 16 },
    ]);
  });

  it('[FS-COLD-ALARM] the raise names the profile and carries the reading', () => {
    const { events } = run(chiller, [...excursion, ...hold(13, 20, 9.4)]);
    const raised = events.find((e) => e.type === 'raise' && e.ruleId === 'FS-COLD-ALARM');
    expect(raised).toMatchObject({ severity: 'alarm', value: 9.4, peakValue: 9.4, firstOutAt: at(5), at: at(20) });
    expect(raised?.type === 'raise' && raised.message).toContain('CN-GB31654');
  });

  it('[FS-COLD-CRIT] the raise message names the path that was met', () => {
    const over = run(chiller, [...hold(0, 4, 4), ...hold(5, 35, 13)]).events.find((e) => e.type === 'raise' && e.ruleId === 'FS-COLD-CRIT');
    expect(over?.type === 'raise' && over.message).toBe('above 12 °C for 30 min [CN-GB31654]');
    const slow = run(chiller, [...hold(0, 0, 4), ...hold(1, 120, 9)]).events.find((e) => e.type === 'raise' && e.ruleId === 'FS-COLD-CRIT');
    expect(slow?.type === 'raise' && slow.message).toBe('above 8 °C for 120 min within 1440 min [CN-GB31654]');
  });

  it('[FS-COLD-WARN] [FS-COLD-CRIT] events of one sample come out in catalogue order', () => {
    const { events } = run(chiller, [...hold(0, 0, 4), ...hold(1, 31, 13)]);
    const at31 = events.filter((e) => e.at === at(31) && e.type !== 'progress').map((e) => `${e.type} ${e.ruleId}`);
    expect(at31).toEqual(['raise FS-COLD-WARN', 'raise FS-COLD-CRIT']);
  });

  it('[FS-OFFLINE] evaluateTime leaves the state object alone when nothing is due', () => {
    const { state } = run(chiller, excursion);
    const result = evaluateTime(state, chiller, at(20));
    expect(result.state).toBe(state);
    expect(result.events).toEqual([]);
  });

  it('restoreUnitState keeps a stored state and replaces one of another shape', () => {
    const { state } = run(chiller, excursion);
    const stored = JSON.parse(JSON.stringify(state)) as unknown;
    expect(restoreUnitState(stored, chiller, at(99))).toBe(stored);
    expect(restoreUnitState({ version: 0 }, chiller, at(99))).toEqual(createUnitState(chiller, at(99)));
    expect(restoreUnitState(null, chiller, at(99)).trackingSince).toBe(at(99));
  });
});

describe('unitStateSeverity', () => {
  const cases: Array<{ name: string; rows: Parameters<typeof run>[1]; expected: ReturnType<typeof unitStateSeverity> }> = [
    { name: 'ok with nothing raised', rows: hold(0, 10, 4), expected: 'ok' },
    { name: '[FS-DOOR] warning when only a warning rule is raised', rows: hold(0, 6, 4, { door: true }), expected: 'warning' },
    { name: '[FS-COLD-ALARM] alarm outranks the warning raised with it', rows: [...excursion, ...hold(13, 35, 9)], expected: 'alarm' },
    { name: '[FS-COLD-CRIT] critical outranks everything but offline', rows: [...excursion, ...hold(13, 45, 13)], expected: 'critical' },
    { name: '[FS-OFFLINE] offline wins: the last temperature state is stale', rows: [...excursion, ...hold(13, 45, 13), tick(80)], expected: 'offline' },
  ];
  for (const c of cases) it(c.name, () => expect(unitStateSeverity(run(chiller, c.rows).state)).toBe(c.expected));
});

describe('nextDueIn', () => {
  it('[FS-COLD-ALARM] reports the nearest pending on-delay ("alarm in 8 min")', () => {
    const { state } = run(chiller, excursion);
    expect(nextDueIn(state, chiller, at(12))).toEqual({ ruleId: 'FS-COLD-ALARM', inMs: 8 * 60_000 });
  });

  it('[FS-DOOR] a door open 2 min is due in 3', () => {
    const { state } = run(chiller, [...hold(0, 2, 4), ...hold(3, 5, 4, { door: true })]);
    expect(nextDueIn(state, chiller, at(5))).toEqual({ ruleId: 'FS-DOOR', inMs: 3 * 60_000 });
  });

  it('[FS-COLD-CRIT] counts down the faster of its two paths', () => {
    // A profile whose warning waits 10 h, so only FS-COLD-CRIT is near.
    const config = unit({ profile: { ...CN_GB31654, id: 'SLOW-WARN', chilled: { ...CN_GB31654.chilled, warnDelayMin: 600 } } });
    const { state } = run(config, [...hold(0, 4, 4), ...hold(5, 20, 13)]);
    // 13 °C since minute 5: the max + 4 °C path is due at 35, the cumulative one (16 of 120 min) far later.
    expect(nextDueIn(state, config, at(20))).toEqual({ ruleId: 'FS-COLD-CRIT', inMs: 15 * 60_000 });
  });

  it('nothing pending on a healthy unit: null (offline and defrost countdowns do not count)', () => {
    const { state } = run(chiller, hold(0, 10, 4));
    expect(nextDueIn(state, chiller, at(10))).toBeNull();
    expect(minuteOf(state.trackingSince)).toBe(0);
    expect(state.trackingSince).toBe(T0);
  });
});
