// The controller's Modbus register map (documented as a table in README.md).
// The gateway driver implements the other side independently, against the
// documented table, as it would for a vendor's controller; the end-to-end test
// over real Modbus TCP is what keeps the two in agreement.
import type { DeviceKind, ProbeType } from '../contracts/payloads.ts';
import type { UnitSettings } from './profiles.ts';
import type { Measurement } from './thermal.ts';

export const TEMP_PROBE_OPEN = -32768;
export const TEMP_PROBE_SHORT = 32767;

export const STATUS_BITS = { door: 1 << 0, defrost: 1 << 1, compressor: 1 << 2, alarm: 1 << 3 } as const;

const KIND_CODES: Record<DeviceKind, number> = { chiller: 1, freezer: 2, coldroom: 3, sample_cabinet: 4 };
const PROBE_CODES: Record<ProbeType, number> = { air: 0, buffered: 1 };

/** Input registers 0..6 (function 4), as unsigned 16-bit words. */
export function inputRegisters(m: Measurement, kind: DeviceKind, probe: ProbeType): number[] {
  const uptime = Math.min(m.uptimeS, 0xffffffff);
  return [
    toWord(encodeTemp(m)),
    statusWord(m),
    Math.floor(uptime / 0x10000), // uint32, high word first (the common Modbus word order)
    uptime & 0xffff,
    m.samples & 0xffff,
    KIND_CODES[kind],
    PROBE_CODES[probe],
  ];
}

function encodeTemp(m: Measurement): number {
  if (m.fault === 'probe_open') return TEMP_PROBE_OPEN;
  if (m.fault === 'probe_short' || m.tempC === null) return TEMP_PROBE_SHORT;
  return Math.max(-32767, Math.min(32766, Math.round(m.tempC * 10)));
}

function statusWord(m: Measurement): number {
  return (m.door ? STATUS_BITS.door : 0) | (m.defrost ? STATUS_BITS.defrost : 0)
    | (m.compressor ? STATUS_BITS.compressor : 0) | (m.alarm ? STATUS_BITS.alarm : 0);
}

const toWord = (int16: number): number => int16 & 0xffff;
const fromWord = (word: number): number => (word >= 0x8000 ? word - 0x10000 : word);

/** Holding registers 0..3 (functions 3 read, 6/16 write): the controller parameters. */
export function holdingRegisters(s: UnitSettings): number[] {
  return [
    toWord(Math.round(s.setpointC * 10)),
    Math.round(s.bandC * 10),
    s.defrostIntervalMin,
    s.defrostDurationMin,
  ];
}

/** Ranges as a real controller would enforce them; outside → Modbus exception 3. */
const WRITABLE: Array<{ key: keyof UnitSettings; min: number; max: number; decode: (w: number) => number }> = [
  { key: 'setpointC', min: -40, max: 20, decode: (w) => fromWord(w) / 10 },
  { key: 'bandC', min: 0.1, max: 10, decode: (w) => w / 10 },
  { key: 'defrostIntervalMin', min: 60, max: 1440, decode: (w) => w },
  { key: 'defrostDurationMin', min: 1, max: 120, decode: (w) => w },
];

/** modbus-serial's server answers an exception with the `modbusErrorCode` of the error it is given. */
export class ModbusException extends Error {
  readonly modbusErrorCode: number;
  constructor(code: number, message: string) {
    super(message);
    this.modbusErrorCode = code;
  }
}

/** Decodes a write to one holding register into a settings change. */
export function decodeHoldingWrite(addr: number, word: number): Partial<UnitSettings> {
  const reg = WRITABLE[addr];
  if (!reg) throw new ModbusException(2, `illegal data address ${addr}`);
  const value = reg.decode(word);
  if (value < reg.min || value > reg.max) throw new ModbusException(3, `${reg.key} out of range: ${value}`);
  return { [reg.key]: value };
}
