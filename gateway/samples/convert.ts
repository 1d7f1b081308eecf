// A detected placement or removal → the wire's SampleEvent (contracts/samples.ts).
// Pure: no clock, no I/O; the outbox assigns `oid` and the scale's `seq`.
import type { SampleEvent } from '../../contracts/samples.ts';
import type { DetectorEvent } from './detector.ts';

/** Where the scale is installed: its device id on the wire, its cabinet, and the serial it reports. */
export interface ScaleIdentity {
  device: string;
  cabinet: string;
  scaleSerial: string;
}

export type UnnumberedSampleEvent = Omit<SampleEvent, 'oid' | 'seq'>;

export function toUnnumberedSampleEvent(e: DetectorEvent, scale: ScaleIdentity): UnnumberedSampleEvent {
  const netWeightG = Math.round(Math.max(0, e.netWeightG) * 10) / 10;
  return {
    device: scale.device,
    ts: Math.round(e.ts),
    type: e.type,
    cabinet: scale.cabinet,
    slot: e.slot,
    netWeightG: netWeightG === 0 ? 0 : netWeightG, // no -0 on the wire
    scaleSerial: scale.scaleSerial,
    ...(e.label ? { label: { dish: e.label.dish, service: { ...e.label.service } } } : {}),
    ...(e.badge ? { badge: e.badge } : {}),
  };
}
