// A simulated food-sample cabinet's scale: a multi-slot load-cell scale with a
// label/badge scanner, behind one weighing indicator on Modbus TCP (register
// map: firmware-sim/README.md, "Sample cabinet scale"). Driven by an injected
// clock and advanced lazily, like kitchen-sim: scenario acts are applied at
// their exact times whenever someone looks (a bus request, state, apply).
import type { Clock } from '../../contracts/clock.ts';
import type { ServiceRef } from '../../contracts/samples.ts';
import { createModbusBus, type OfflineReply } from '../modbus-bus.ts';
import { deriveSeed } from '../prng.ts';
import { ModbusException } from '../registers.ts';
import { installSlot, place, read, remove, CONVERSION_MS, type LoadCellSlot } from './load-cell.ts';
import {
  BADGE_BYTES, LABEL_BYTES, byteLength, indicatorRegisters, labelText, type IndicatorView, type ScanBuffer,
} from './registers.ts';
import { scheduleCabinet, type CabinetAction, type CabinetScenario, type SealAction } from './scenarios.ts';

export interface SampleCabinetSimOptions {
  cabinetId: string;
  /** Slots on the scale, 1..64. */
  slots: number;
  clock: Clock;
  /** Default: the scenario's seed, else 1. */
  seed?: number;
  port?: number;
  host?: string;
  /** The indicator's Modbus unit id (default 1). */
  unitId?: number;
  /** The indicator's serial (≤ 16 ASCII characters); default derived from the seed and cabinet. */
  serial?: string;
  scenario?: CabinetScenario;
  /** When the scale is installed and the scenario starts (its service start); default clock.now(). */
  startAt?: number;
  /** The site's offset from UTC, for the date printed on labels (default +480, China). */
  tzOffsetMin?: number;
  offlineReply?: OfflineReply;
  /** Called when a seal act is played (with its scenario time, on the next look: a poll, state, apply):
   *  the place to call the server's seal API. */
  onSeal?: (seal: SealRecord) => void;
}

export type SealRecord = Omit<SealAction, 'action'> & { cabinetId: string; at: number };

export interface SlotState {
  slot: number;
  tareG: number;
  /** Net grams of food on the slot, null when empty. */
  netG: number | null;
}

export interface SampleCabinetState {
  time: number;
  serial: string;
  slots: SlotState[];
  label: ScanBuffer;
  badge: ScanBuffer;
  seals: SealRecord[];
}

export interface SampleCabinetSim {
  readonly cabinetId: string;
  readonly serial: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  address(): { host: string; port: number };
  /** Applies an act now (clock.now()), after any scenario acts due by then. */
  apply(action: CabinetAction): void;
  scanLabel(dish: string, service: ServiceRef): void;
  scanBadge(staffId: string): void;
  place(slot: number, netGrams: number): void;
  remove(slot: number): void;
  /** The model at clock.now(). */
  readonly state: SampleCabinetState;
  /** What the indicator shows at clock.now() (the registers' content), without a bus. */
  view(): IndicatorView;
}

/** Badges are ASCII ids that fit the badge buffer. */
const BADGE_RE = new RegExp(`^[A-Za-z0-9_-]{1,${BADGE_BYTES}}$`);

export function createSampleCabinetSim(opts: SampleCabinetSimOptions): SampleCabinetSim {
  const startAt = opts.startAt ?? opts.clock.now();
  const seed = opts.seed ?? opts.scenario?.seed ?? 1;
  const serial = opts.serial ?? `SCL-${deriveSeed(seed, opts.cabinetId).toString(16).toUpperCase().padStart(8, '0')}`;
  const pending = opts.scenario ? scheduleCabinet(opts.scenario, startAt, opts.tzOffsetMin) : [];
  validate(opts, serial, pending.map((p) => p.action));
  let slots: LoadCellSlot[] = Array.from({ length: opts.slots }, (_, i) => installSlot(deriveSeed(seed, `slot-${i + 1}`), startAt));
  let label: ScanBuffer = { counter: 0, text: '' };
  let badge: ScanBuffer = { counter: 0, text: '' };
  const seals: SealRecord[] = [];
  let time = startAt;

  const applyAt = (at: number, a: CabinetAction): void => {
    checkAction(a, opts.slots);
    switch (a.action) {
      case 'scan-label': label = scanned(label, labelText(a.dish, a.service)); return;
      case 'scan-badge': badge = scanned(badge, a.badge); return;
      case 'place': slots = update(slots, a.slot, (s) => place(s, a.netGrams, at)); return;
      case 'remove': slots = update(slots, a.slot, (s) => remove(s, at)); return;
      case 'seal': {
        const record = { slots: [...a.slots], badge: a.badge, reason: a.reason, cabinetId: opts.cabinetId, at };
        seals.push(record);
        opts.onSeal?.(record);
      }
    }
  };
  const advance = (): number => {
    const now = Math.max(time, opts.clock.now());
    while (pending[0] && pending[0].atMs <= now) {
      const due = pending.shift();
      if (due) applyAt(due.atMs, due.action);
    }
    time = now;
    return now;
  };
  const view = (): IndicatorView => {
    const now = advance();
    return {
      serial, label, badge, conversions: Math.floor((now - startAt) / CONVERSION_MS),
      slots: slots.map((s) => ({ ...read(s, now), tareG: s.tareG })),
    };
  };

  const unitId = opts.unitId ?? 1;
  const bus = createModbusBus({
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    offlineReply: opts.offlineReply ?? 'silence',
    unit: (id) => (id !== unitId ? undefined : {
      answers: () => true,
      inputRegisters: () => indicatorRegisters(view()),
      holdingRegisters: () => [],
      writeHolding: (addr) => { throw new ModbusException(2, `illegal data address ${addr}`); },
    }),
  });

  const sim: SampleCabinetSim = {
    cabinetId: opts.cabinetId, serial,
    start: () => bus.start(), stop: () => bus.stop(), address: () => bus.address(),
    apply: (a) => applyAt(advance(), a),
    scanLabel: (dish, service) => sim.apply({ action: 'scan-label', dish, service }),
    scanBadge: (staffId) => sim.apply({ action: 'scan-badge', badge: staffId }),
    place: (slot, netGrams) => sim.apply({ action: 'place', slot, netGrams }),
    remove: (slot) => sim.apply({ action: 'remove', slot }),
    get state() {
      advance();
      return {
        time, serial, label, badge, seals: [...seals],
        slots: slots.map((s, i) => ({ slot: i + 1, tareG: s.tareG, netG: s.netG })),
      };
    },
    view,
  };
  return sim;
}

/** The counter counts 1..65535 and wraps to 1: 0 stays "nothing scanned since power-up". */
function scanned(buffer: ScanBuffer, text: string): ScanBuffer {
  return { counter: (buffer.counter % 0xffff) + 1, text };
}

function update(slots: LoadCellSlot[], slot: number, fn: (s: LoadCellSlot) => LoadCellSlot): LoadCellSlot[] {
  return slots.map((s, i) => (i === slot - 1 ? fn(s) : s));
}

function checkAction(a: CabinetAction, slotCount: number): void {
  const inRange = (slot: number): boolean => Number.isInteger(slot) && slot >= 1 && slot <= slotCount;
  const bad = (why: string): never => { throw new RangeError(`${a.action}: ${why}`); };
  if ((a.action === 'place' || a.action === 'remove') && !inRange(a.slot)) bad(`no slot ${a.slot}`);
  if (a.action === 'seal' && !a.slots.every(inRange)) bad(`no slot among ${a.slots.join(',')}`);
  if ((a.action === 'scan-badge' || a.action === 'seal') && !BADGE_RE.test(a.badge)) bad(`bad badge "${a.badge}"`);
  if (a.action === 'scan-label' && byteLength(labelText(a.dish, a.service)) > LABEL_BYTES) bad(`label too long for "${a.dish}"`);
}

/** Configuration errors fail at creation, not at the first request: a scenario is dry-run on occupancy. */
function validate(opts: SampleCabinetSimOptions, serial: string, acts: CabinetAction[]): void {
  if (!Number.isInteger(opts.slots) || opts.slots < 1 || opts.slots > 64) throw new RangeError(`bad slot count ${opts.slots}`);
  if (!/^[\x20-\x7e]{1,16}$/.test(serial)) throw new RangeError(`serial must be 1..16 ASCII characters: "${serial}"`);
  const occupied = new Set<number>();
  for (const a of acts) {
    checkAction(a, opts.slots);
    if (a.action === 'place' && occupied.has(a.slot)) throw new Error(`scenario places on occupied slot ${a.slot}`);
    if (a.action === 'remove' && !occupied.delete(a.slot)) throw new Error(`scenario removes from empty slot ${a.slot}`);
    if (a.action === 'place') occupied.add(a.slot);
  }
}
