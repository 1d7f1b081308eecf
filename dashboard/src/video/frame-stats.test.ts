import { describe, expect, it } from 'vitest';
import { createFrameStats } from './frame-stats.ts';

describe('frame stats', () => {
  it('counts frames, times the first, and measures the decoded rate', () => {
    const s = createFrameStats(1000);
    expect(s.frames).toBe(0);
    expect(s.firstFrameMs).toBeNull();
    expect(s.fps(1500)).toBeNull();
    expect(s.sinceLastMs(1500)).toBeNull();
    for (let i = 0; i < 60; i++) s.onFrame(1350 + i * 66.67); // 15 fps for 4 s
    expect(s.frames).toBe(60);
    expect(s.firstFrameMs).toBe(350);
    const end = 1350 + 59 * 66.67;
    expect(s.fps(end)).toBeCloseTo(15, 1);
    expect(s.sinceLastMs(end + 100)).toBeCloseTo(100);
  });

  it('drops to zero once no frame has come for the whole window', () => {
    const s = createFrameStats(0, 2000);
    for (let i = 0; i < 10; i++) s.onFrame(i * 100);
    expect(s.fps(5000)).toBe(0);
  });

  it('has no rate from a burst decoded at one instant', () => {
    const s = createFrameStats(0);
    s.onFrame(100);
    s.onFrame(100);
    expect(s.fps(100)).toBeNull();
  });
});
