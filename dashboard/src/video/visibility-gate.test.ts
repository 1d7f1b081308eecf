import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVisibilityGate } from './visibility-gate.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('visibility gate', () => {
  it('starts a tile only once it has stayed visible for the delay', () => {
    const seen: boolean[] = [];
    const gate = createVisibilityGate(400, (v) => seen.push(v));
    gate.set(true);
    vi.advanceTimersByTime(399);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([true]);
    gate.set(true); // already on
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([true]);
  });

  it('ignores a tile scrolled past, and one that comes back within the delay', () => {
    const seen: boolean[] = [];
    const gate = createVisibilityGate(400, (v) => seen.push(v));
    gate.set(true);
    vi.advanceTimersByTime(200);
    gate.set(false); // scrolled past
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
    gate.set(true);
    vi.advanceTimersByTime(400);
    gate.set(false);
    vi.advanceTimersByTime(200);
    gate.set(true); // back before the stop was due
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([true]);
  });

  it('drops a pending change when cancelled', () => {
    const seen: boolean[] = [];
    const gate = createVisibilityGate(400, (v) => seen.push(v));
    gate.set(true);
    gate.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
  });
});
