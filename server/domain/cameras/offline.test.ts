// [FS-CAM-OFFLINE] a camera offline for more than 10 min counted inside service hours raises an
// alarm dated when the threshold was crossed; back online clears it.
import { describe, expect, it } from 'vitest';
import { offlineEvents } from './cameras.ts';
import { CAMERA, DAY, P, STRICT, local, transitions } from './cameras.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { CameraAlertEvent, LastAlert, Transition } from './types.ts';

const raise = (at: string, since: string, minutesOut: number, alarmMin = 10, profile = 'CN-GB31654'): CameraAlertEvent => ({
  type: 'raise', ruleId: 'FS-CAM-OFFLINE', severity: 'alarm', at: local(at), firstOutAt: local(since), minutesOut,
  message: `camera 切配间 (cam-01) offline for ${alarmMin} min during service hours [${profile}]`,
});
const clear = (at: string, minutesOut: number): CameraAlertEvent => ({ type: 'clear', ruleId: 'FS-CAM-OFFLINE', at: local(at), minutesOut });
const progress = (minutesOut: number): CameraAlertEvent => ({ type: 'progress', ruleId: 'FS-CAM-OFFLINE', minutesOut });
const last = (since: string, live: boolean): LastAlert => ({ firstOutAt: local(since), live });

const CASES: Array<{
  name: string; log: Transition[]; now: string; last?: LastAlert; profile?: Profile; expected: CameraAlertEvent[];
}> = [
  {
    name: '11 min offline during lunch prep raises, dated at the 10-min mark',
    log: transitions('on@08:00', 'off@10:00'), now: '10:11', expected: [raise('10:10', '10:00', 11)],
  },
  { name: '9 min offline during lunch prep raises nothing', log: transitions('on@08:00', 'off@10:00'), now: '10:09', expected: [] },
  {
    name: 'exactly 10 min raises at that instant (the on-delay, as for the cold chain)',
    log: transitions('on@08:00', 'off@10:00'), now: '10:10', expected: [raise('10:10', '10:00', 10)],
  },
  { name: 'offline outside service hours raises nothing (14:00–14:59)', log: transitions('on@08:00', 'off@14:00'), now: '14:59', expected: [] },
  {
    name: 'offline since before the window opens is alarmed 10 min after it opens',
    log: transitions('on@08:00', 'off@13:40'), now: '15:11', expected: [raise('15:10', '13:40', 11)],
  },
  {
    name: 'a span straddling the gap adds both parts: 5 min before 13:30, 5 after 15:00',
    log: transitions('on@08:00', 'off@13:25'), now: '15:06', expected: [raise('15:05', '13:25', 11)],
  },
  { name: 'an online camera raises nothing', log: transitions('off@08:00', 'on@10:00'), now: '12:00', expected: [] },
  { name: 'a camera never seen is not judged', log: [], now: '12:00', expected: [] },
  {
    name: 'back online clears the live alert at the return, with the service minutes it was away',
    log: transitions('on@08:00', 'off@10:00', 'on@10:25'), now: '10:26', last: last('10:00', true), expected: [clear('10:25', 25)],
  },
  {
    name: 'a cleared alert is not cleared again',
    log: transitions('on@08:00', 'off@10:00', 'on@10:25'), now: '10:30', last: last('10:00', false), expected: [],
  },
  {
    name: 'a live alert follows its minutes while the camera stays away',
    log: transitions('on@08:00', 'off@10:00'), now: '10:30', last: last('10:00', true), expected: [progress(30)],
  },
  {
    name: 'an alert closed by a person is not raised again for the same span',
    log: transitions('on@08:00', 'off@10:00'), now: '10:30', last: last('10:00', false), expected: [],
  },
  {
    name: 'a new span after a return raises a new alert',
    log: transitions('on@08:00', 'off@10:00', 'on@10:25', 'off@10:40'), now: '10:51', last: last('10:00', false),
    expected: [raise('10:50', '10:40', 11)],
  },
  {
    name: 'a live alert whose return was missed is cleared at the return before the new span is raised',
    log: transitions('on@08:00', 'off@10:00', 'on@10:25', 'off@10:40'), now: '10:51', last: last('10:00', true),
    expected: [clear('10:25', 25), raise('10:50', '10:40', 11)],
  },
  {
    name: 'the threshold comes from the profile: 6 min under a local 5-min rule raises at 5',
    log: transitions('on@08:00', 'off@10:00'), now: '10:06', profile: STRICT, expected: [raise('10:05', '10:00', 6, 5, 'LOCAL-STRICT')],
  },
];

describe('offlineEvents', () => {
  for (const c of CASES) {
    it(`[FS-CAM-OFFLINE] ${c.name}`, () => {
      const input = { camera: CAMERA, transitions: c.log, windows: DAY, now: local(c.now), profile: c.profile ?? P };
      expect(offlineEvents(input, c.last ?? null)).toEqual(c.expected);
    });
  }
});
