// The sample scale's weighing indicator as Modbus input registers (the table is
// in firmware-sim/README.md, "Sample cabinet scale"). Device side only: the
// gateway's driver (gateway/samples/scale-driver.ts) is written from the table.
import type { SlotReading } from './load-cell.ts';

export const MAP_VERSION = 1;
export const REG = {
  version: 0,
  slotCount: 1,
  conversions: 2,
  serial: 3,
  labelCounter: 11,
  labelLength: 12,
  labelText: 13,
  badgeCounter: 93,
  badgeLength: 94,
  badge: 95,
  /** Header ends before this register. */
  headerEnd: 103,
  slots: 200,
} as const;
export const SERIAL_BYTES = 16;
export const LABEL_BYTES = 160;
export const BADGE_BYTES = 16;
export const SLOT_STRIDE = 5;
export const STATUS_STABLE = 1 << 0;
export const STATUS_OVERLOAD = 1 << 1;
/** Per slot; beyond it the load cell is out of its rated range. */
export const CAPACITY_G = 5000;

export interface ScanBuffer {
  /** Scans so far, wrapping at 16 bits; 0 = nothing scanned since power-up. */
  counter: number;
  text: string;
}

export interface IndicatorView {
  serial: string;
  /** Conversions since power-up. */
  conversions: number;
  label: ScanBuffer;
  badge: ScanBuffer;
  slots: ReadonlyArray<SlotReading & { tareG: number }>;
}

/** The whole input register space 0 .. 200 + 5·slots − 1; registers 103..199 read 0. */
export function indicatorRegisters(v: IndicatorView): number[] {
  const words = new Array<number>(REG.slots + SLOT_STRIDE * v.slots.length).fill(0);
  const put = (at: number, xs: readonly number[]): void => xs.forEach((w, i) => (words[at + i] = w));
  put(REG.version, [MAP_VERSION, v.slots.length, v.conversions & 0xffff]);
  put(REG.serial, textWords(v.serial, SERIAL_BYTES));
  put(REG.labelCounter, scanWords(v.label, LABEL_BYTES));
  put(REG.badgeCounter, scanWords(v.badge, BADGE_BYTES));
  v.slots.forEach((s, i) => put(REG.slots + SLOT_STRIDE * i, slotWords(s)));
  return words;
}

function slotWords(s: SlotReading & { tareG: number }): number[] {
  const status = (s.stable ? STATUS_STABLE : 0) | (s.grossG > CAPACITY_G ? STATUS_OVERLOAD : 0);
  return [...int32Words(Math.round(s.grossG * 10)), ...int32Words(Math.round(s.tareG * 10)), status];
}

function scanWords(b: ScanBuffer, size: number): number[] {
  return [b.counter & 0xffff, encoded(b.text).length, ...textWords(b.text, size)];
}

/** int32, high word first (the common Modbus word order). */
export function int32Words(v: number): [number, number] {
  const u = v >>> 0;
  return [u >>> 16, u & 0xffff];
}

const encoded = (text: string): Uint8Array => new TextEncoder().encode(text);

/** UTF-8 (ASCII for serial and badge), two bytes a word, high byte first, NUL-padded to `size` bytes. */
export function textWords(text: string, size: number): number[] {
  const bytes = encoded(text);
  if (bytes.length > size) throw new RangeError(`"${text}" is ${bytes.length} bytes, the buffer holds ${size}`);
  const words: number[] = [];
  for (let i = 0; i < size; i += 2) words.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return words;
}

/** The byte length a text takes in a buffer (for validating before a scan). */
export function byteLength(text: string): number {
  return encoded(text).length;
}

/**
 * What the canteen's label printer puts in a sample label's QR code, and so
 * what the scanner buffer holds after a scan: `LY1|<date>|<meal>|<dish>`
 * (LY = 留样, format version 1; date and meal as in contracts/samples.ts).
 */
export function labelText(dish: string, service: { date: string; meal: string }): string {
  return `LY1|${service.date}|${service.meal}|${dish}`;
}
