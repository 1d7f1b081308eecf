// Driver for the sample cabinet's weighing indicator on Modbus TCP, written
// from its register table (firmware-sim/README.md, "Sample cabinet scale").
// One poll reads the header (serial, scanner buffers) and every slot; it never
// throws: an indicator that is silent, unreachable or speaks another map
// version is `{ ok: false, detail }`, and the poll loop goes on.
import { createModbusLink, describeModbusError, type ModbusRequest } from '../drivers/modbus-link.ts';
import type { Clock } from '../../contracts/clock.ts';
import type { ScaleRead, ScanBuffer, SlotSample } from './types.ts';

export interface ScaleDriverOptions {
  host: string;
  port: number;
  /** The indicator's Modbus unit id (default 1). */
  unitId?: number;
  /** Per request and for connecting. */
  timeoutMs: number;
  clock: Clock;
  /** After this many timeouts in a row the TCP link is presumed half-open and reopened. */
  reconnectAfterTimeouts?: number;
}

export interface ScaleDriver {
  connect(): Promise<void>;
  close(): Promise<void>;
  read(): Promise<ScaleRead>;
}

const MAP_VERSION = 1;
const HEADER = { length: 103, slotCount: 1, serial: [3, 8], label: [11, 80], badge: [93, 8] } as const;
const SLOTS_AT = 200;
const SLOT_STRIDE = 5;
/** Modbus allows 125 registers a read: 25 slots. */
const SLOTS_PER_READ = 25;
const STATUS_STABLE = 1 << 0;
const STATUS_OVERLOAD = 1 << 1;

export function createScaleDriver(opts: ScaleDriverOptions): ScaleDriver {
  const link = createModbusLink(opts);
  return {
    connect: link.connect,
    close: link.close,
    read: () => link.exclusive(async () => {
      const ts = opts.clock.now();
      try {
        return await poll((send) => link.request(opts.unitId ?? 1, send), ts);
      } catch (err) {
        return { ok: false, ts, detail: describeModbusError(err, 'indicator') };
      }
    }),
  };
}

async function poll(request: (send: ModbusRequest) => Promise<number[]>, ts: number): Promise<ScaleRead> {
  const header = await request((c) => c.readInputRegisters(0, HEADER.length));
  if (header[0] !== MAP_VERSION) return { ok: false, ts, detail: `unsupported register map version ${header[0]}` };
  const count = header[HEADER.slotCount] ?? 0;
  const slots: SlotSample[] = [];
  for (let first = 1; first <= count; first += SLOTS_PER_READ) {
    const n = Math.min(SLOTS_PER_READ, count - first + 1);
    const words = await request((c) => c.readInputRegisters(SLOTS_AT + (first - 1) * SLOT_STRIDE, n * SLOT_STRIDE));
    for (let i = 0; i < n; i++) slots.push(decodeSlot(first + i, words.slice(i * SLOT_STRIDE, (i + 1) * SLOT_STRIDE)));
  }
  const serial = text(header.slice(HEADER.serial[0], HEADER.serial[0] + HEADER.serial[1]));
  return { ok: true, ts, serial, slots, label: scanBuffer(header, ...HEADER.label), badge: scanBuffer(header, ...HEADER.badge) };
}

export function decodeSlot(slot: number, words: readonly number[]): SlotSample {
  const [grossHi = 0, grossLo = 0, tareHi = 0, tareLo = 0, status = 0] = words;
  return {
    slot,
    grossG: int32(grossHi, grossLo) / 10,
    tareG: int32(tareHi, tareLo) / 10,
    stable: (status & STATUS_STABLE) !== 0,
    overload: (status & STATUS_OVERLOAD) !== 0,
  };
}

/** A scanner buffer: counter, byte length, then the text words. */
function scanBuffer(header: readonly number[], at: number, words: number): ScanBuffer {
  const counter = header[at] ?? 0;
  const length = header[at + 1] ?? 0;
  return { counter, text: text(header.slice(at + 2, at + 2 + words), length) };
}

const int32 = (hi: number, lo: number): number => ((hi << 16) | lo) >> 0;

/** Two bytes a word, high byte first; up to `length` bytes, or to the first NUL. UTF-8. */
export function text(words: readonly number[], length = Infinity): string {
  const bytes = Uint8Array.from(words.flatMap((w) => [w >>> 8, w & 0xff]));
  const nul = bytes.indexOf(0);
  const end = Math.min(length, nul === -1 ? bytes.length : nul, bytes.length);
  return new TextDecoder().decode(bytes.subarray(0, end));
}
