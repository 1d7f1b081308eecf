// Raw driver samples → wire payloads (contracts/payloads.ts). Pure: no clock,
// no I/O; the outbox assigns `oid` and the per-device `seq` before calling.
import type { DeviceInfo, DeviceKind, ProbeType, Reading } from '../contracts/payloads.ts';
import type { RawSample } from './drivers/types.ts';

export interface ReadingMeta {
  kind: DeviceKind;
  oid: number;
  seq: number;
}

/** The contract's plausible range; beyond it the number is a broken probe, not a temperature. */
const MIN_C = -100;
const MAX_C = 150;

/** The reading as the outbox receives it: the outbox numbers it (oid, seq). */
export function toUnnumberedReading(raw: RawSample, kind: DeviceKind): Omit<Reading, 'oid' | 'seq'> {
  const reading = { device: raw.deviceId, kind, ts: Math.round(raw.ts), ...temperature(raw), unit: 'Cel' as const };
  // A unit that did not answer told us nothing about its door or defrost: omit, do not say false.
  if (reading.fault === 'no_response') return reading;
  return { ...reading, door: raw.door, defrost: raw.defrost };
}

export function toReading(raw: RawSample, meta: ReadingMeta): Reading {
  return { oid: meta.oid, seq: meta.seq, ...toUnnumberedReading(raw, meta.kind) };
}

/**
 * The temperature at 0.1 °C, or null with a fault. Out of range counts as a
 * probe fault, as controllers display it: an NTC shorted reads absurdly hot,
 * an open one absurdly cold.
 */
function temperature(raw: RawSample): Pick<Reading, 'temp' | 'fault'> {
  if (raw.fault) return { temp: null, fault: raw.fault };
  if (raw.tempC === null || Number.isNaN(raw.tempC)) return { temp: null, fault: 'probe_open' };
  if (raw.tempC > MAX_C) return { temp: null, fault: 'probe_short' };
  if (raw.tempC < MIN_C) return { temp: null, fault: 'probe_open' };
  const temp = Math.round(raw.tempC * 10) / 10;
  return { temp: temp === 0 ? 0 : temp }; // no -0 on the wire
}

/** A device as the gateway is configured to poll it. */
export interface PolledDevice {
  deviceId: string;
  kind: DeviceKind;
  name?: string;
  probe?: ProbeType;
  reportIntervalS: number;
}

/** What the controller itself reports about defrost (holding registers), when it could be read. */
export interface DefrostSettings {
  defrostIntervalMin: number;
  defrostDurationMin: number;
}

/**
 * The DeviceInfo for up/status. The defrost parameters are taken from the
 * controller itself when it could be read, so the server judges FS-DEFROST-MISS
 * against what the unit is set to do, not against what someone wrote in a config.
 */
export function deviceInfo(device: PolledDevice, defrost?: DefrostSettings | null): DeviceInfo {
  return {
    device: device.deviceId,
    kind: device.kind,
    ...(device.name ? { name: device.name.slice(0, 80) } : {}),
    ...(device.probe ? { probe: device.probe } : {}),
    reportIntervalS: Math.max(1, Math.min(86400, Math.round(device.reportIntervalS))),
    ...(defrost ? { defrostIntervalMin: defrost.defrostIntervalMin, defrostMaxMin: defrost.defrostDurationMin } : {}),
  };
}
