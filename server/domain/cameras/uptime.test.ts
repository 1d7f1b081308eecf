// [FS-CAM-OFFLINE] uptime %: of today's service minutes so far, how many the camera was online.
import { describe, expect, it } from 'vitest';
import { uptime, type Uptime } from './cameras.ts';
import { DAY, local, transitions } from './cameras.fixtures.ts';
import type { Transition } from './types.ts';

const CASES: Array<{ name: string; log: Transition[]; now: string; expected: Uptime }> = [
  {
    name: 'before the first service minute (04:00) the percentage is null',
    log: transitions('on@00:00'), now: '04:00', expected: { serviceMinutes: 0, onlineMinutes: 0, percent: null },
  },
  {
    name: 'online all morning: 330 of 330 min, 100 %',
    log: transitions('on@00:00'), now: '10:00', expected: { serviceMinutes: 330, onlineMinutes: 330, percent: 100 },
  },
  {
    name: 'offline 30 min during lunch prep: 300 of 330 min',
    log: transitions('on@00:00', 'off@09:00', 'on@09:30'), now: '10:00', expected: { serviceMinutes: 330, onlineMinutes: 300, percent: 90.9 },
  },
  {
    name: 'still offline: counted up to now',
    log: transitions('on@00:00', 'off@09:30'), now: '10:00', expected: { serviceMinutes: 330, onlineMinutes: 300, percent: 90.9 },
  },
  {
    name: 'offline between lunch and dinner service does not lower it',
    log: transitions('on@00:00', 'off@14:00', 'on@14:50'), now: '16:00', expected: { serviceMinutes: 600, onlineMinutes: 600, percent: 100 },
  },
  {
    name: 'first seen mid-service: only the monitored minutes count',
    log: transitions('on@05:30'), now: '06:30', expected: { serviceMinutes: 60, onlineMinutes: 60, percent: 100 },
  },
  {
    name: 'first seen offline mid-service: monitored and down',
    log: transitions('off@05:30', 'on@06:00'), now: '06:30', expected: { serviceMinutes: 60, onlineMinutes: 30, percent: 50 },
  },
  {
    name: 'never seen: not monitored, no percentage',
    log: [], now: '06:30', expected: { serviceMinutes: 0, onlineMinutes: 0, percent: null },
  },
];

describe('uptime', () => {
  for (const c of CASES) {
    it(`[FS-CAM-OFFLINE] ${c.name}`, () => {
      expect(uptime(c.log, DAY, local(c.now))).toEqual(c.expected);
    });
  }
});
