import { describe, expect, it } from 'vitest';
import { decodePayload } from '../../contracts/validate.ts';
import { toUnnumberedSampleEvent, type ScaleIdentity } from './convert.ts';
import type { DetectorEvent } from './detector.ts';

const scale: ScaleIdentity = { device: 'samples-1-scale', cabinet: 'samples-1', scaleSerial: 'SCL-0A1B2C3D' };
const TS = Date.UTC(2024, 5, 3, 3, 32, 25);

/** Numbered as the outbox would, then decoded by the server's own validator. */
function decode(e: ReturnType<typeof toUnnumberedSampleEvent>) {
  return decodePayload('sample', JSON.stringify({ v: 1, event: { ...e, oid: 1, seq: 1 } }));
}

describe('detector event → SampleEvent', () => {
  it('carries the cabinet, the scale serial, the label and the badge', () => {
    const e: DetectorEvent = {
      type: 'placed', slot: 3, netWeightG: 171.6, ts: TS, badge: 'S001',
      label: { dish: '番茄炒蛋', service: { date: '2024-06-03', meal: 'lunch' } },
    };
    const out = toUnnumberedSampleEvent(e, scale);
    expect(out).toEqual({
      device: 'samples-1-scale', ts: TS, type: 'placed', cabinet: 'samples-1', slot: 3, netWeightG: 171.6,
      scaleSerial: 'SCL-0A1B2C3D', badge: 'S001', label: { dish: '番茄炒蛋', service: { date: '2024-06-03', meal: 'lunch' } },
    });
    expect(decode(out)).toMatchObject({ ok: true });
  });

  it('omits a label and badge that were not scanned, rather than sending empty ones', () => {
    const out = toUnnumberedSampleEvent({ type: 'removed', slot: 1, netWeightG: 150.04, ts: TS + 0.4 }, scale);
    expect(out).toEqual({ device: 'samples-1-scale', ts: TS, type: 'removed', cabinet: 'samples-1', slot: 1, netWeightG: 150, scaleSerial: 'SCL-0A1B2C3D' });
    expect('label' in out || 'badge' in out).toBe(false);
    expect(decode(out)).toMatchObject({ ok: true });
  });

  it('never sends a negative or -0 weight', () => {
    const out = toUnnumberedSampleEvent({ type: 'removed', slot: 1, netWeightG: -0.01, ts: TS }, scale);
    expect(Object.is(out.netWeightG, 0)).toBe(true);
    expect(decode(out)).toMatchObject({ ok: true });
  });
});
