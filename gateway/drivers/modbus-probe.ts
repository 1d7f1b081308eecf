// Driver for cold-chain controllers on an RS-485 bus behind a Modbus TCP
// gateway (register map: firmware-sim/README.md). The only gateway file that
// touches modbus-serial. A device that does not answer is a sample with fault
// 'no_response', never an exception: the poll loop must go on to the next one.
import modbusSerial from 'modbus-serial';
import type { Clock } from '../../contracts/clock.ts';
import { addressId, type ProbeAddress, type ProbeDriver, type RawSample } from './types.ts';

export interface ModbusProbeOptions {
  host: string;
  port: number;
  /** Per request and for connecting; a dead unit costs this much of the poll cycle. */
  timeoutMs: number;
  clock: Clock;
  /** After this many timeouts in a row (on any units) the TCP link is presumed half-open and reopened. */
  reconnectAfterTimeouts?: number;
}

/** The controller parameters (holding registers 0..3). */
export interface ProbeSettings {
  setpointC: number;
  bandC: number;
  defrostIntervalMin: number;
  defrostDurationMin: number;
}

export interface ModbusProbeDriver extends ProbeDriver {
  /** Null when the device does not answer. */
  readSettings(device: ProbeAddress): Promise<ProbeSettings | null>;
}

// The package is CommonJS with an ESM-style `export default` in its typings; `.default`
// is the client class both for TypeScript (NodeNext) and at run time.
const ModbusRTU = modbusSerial.default;
type ModbusRTU = InstanceType<typeof ModbusRTU>;

const TEMP_PROBE_OPEN = -32768;
const TEMP_PROBE_SHORT = 32767;
const STATUS_DOOR = 1 << 0;
const STATUS_DEFROST = 1 << 1;
/** Modbus exceptions 0x0A/0x0B: the TCP gateway itself says the serial unit is unreachable. */
const GATEWAY_NO_ANSWER = new Set([0x0a, 0x0b]);

export function createModbusProbeDriver(opts: ModbusProbeOptions): ModbusProbeDriver {
  const link = createLink(opts);
  return {
    connect: () => link.exclusive(async () => {
      link.closed = false;
      await link.open();
    }),
    close: () => link.exclusive(() => {
      link.closed = true;
      return link.drop();
    }),
    read: (device) => link.exclusive(async () => {
      const ts = opts.clock.now();
      const deviceId = addressId(device);
      try {
        return decodeSample(deviceId, ts, await link.request(device.unitId, (c) => c.readInputRegisters(0, 5)));
      } catch (err) {
        return noResponse(deviceId, ts, describe(err));
      }
    }),
    readSettings: (device) => link.exclusive(async () => {
      try {
        return decodeSettings(await link.request(device.unitId, (c) => c.readHoldingRegisters(0, 4)));
      } catch {
        return null;
      }
    }),
  };
}

type Request = (client: ModbusRTU) => Promise<{ data: number[] }>;

/**
 * One TCP connection, used by one request at a time: the serial bus behind
 * it is half-duplex, and modbus-serial's unit id is a setting of the client,
 * so interleaved requests would go to the wrong unit.
 */
function createLink(opts: ModbusProbeOptions) {
  let client: ModbusRTU | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let timeoutsInARow = 0;
  const maxTimeouts = opts.reconnectAfterTimeouts ?? 5;

  const link = {
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const run = queue.then(fn, fn);
      queue = run.catch(() => undefined);
      return run;
    },
    closed: false,
    async open(): Promise<ModbusRTU> {
      if (link.closed) throw new Error('driver closed');
      if (client?.isOpen) return client;
      await link.drop();
      client = await connect(opts);
      return client;
    },
    async drop(): Promise<void> {
      const c = client;
      client = undefined;
      if (c) await new Promise<void>((resolve) => c.destroy(() => resolve()));
    },
    async request(unitId: number, send: Request): Promise<number[]> {
      const c = await link.open();
      c.setID(unitId);
      c.setTimeout(opts.timeoutMs);
      try {
        const { data } = await send(c);
        timeoutsInARow = 0;
        return data;
      } catch (err) {
        timeoutsInARow = isTimeout(err) ? timeoutsInARow + 1 : 0;
        // A closed socket, or a link that has gone silent for every unit: start afresh on the next read.
        if (!c.isOpen || timeoutsInARow >= maxTimeouts) await link.drop();
        throw err;
      }
    },
  };
  return link;
}

/** connectTCP has no timeout of its own for a host that never answers the SYN. */
async function connect(opts: ModbusProbeOptions): Promise<ModbusRTU> {
  const c = new ModbusRTU();
  // Socket errors after connecting surface as failed requests and isOpen = false;
  // without a listener the EventEmitter would throw them out of the process.
  c.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`connect timeout after ${opts.timeoutMs} ms`)), opts.timeoutMs);
  });
  try {
    await Promise.race([c.connectTCP(opts.host, { port: opts.port }), timeout]);
    return c;
  } catch (err) {
    c.destroy(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

const int16 = (word: number): number => (word >= 0x8000 ? word - 0x10000 : word);

export function decodeSample(deviceId: string, ts: number, words: readonly number[]): RawSample {
  const [temp = 0, status = 0, uptimeHi = 0, uptimeLo = 0, counter = 0] = words;
  const raw = int16(temp);
  const flags = { door: (status & STATUS_DOOR) !== 0, defrost: (status & STATUS_DEFROST) !== 0 };
  const diag = { uptimeS: uptimeHi * 0x10000 + uptimeLo, counter };
  if (raw === TEMP_PROBE_OPEN) return { deviceId, ts, tempC: null, fault: 'probe_open', ...flags, ...diag };
  if (raw === TEMP_PROBE_SHORT) return { deviceId, ts, tempC: null, fault: 'probe_short', ...flags, ...diag };
  return { deviceId, ts, tempC: raw / 10, ...flags, ...diag };
}

function decodeSettings(words: readonly number[]): ProbeSettings {
  const [setpoint = 0, band = 0, interval = 0, duration = 0] = words;
  return { setpointC: int16(setpoint) / 10, bandC: band / 10, defrostIntervalMin: interval, defrostDurationMin: duration };
}

function noResponse(deviceId: string, ts: number, detail: string): RawSample {
  return { deviceId, ts, tempC: null, fault: 'no_response', door: false, defrost: false, detail };
}

function isTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'errno' in err && err.errno === 'ETIMEDOUT';
}

function describe(err: unknown): string {
  if (isTimeout(err)) return 'timeout';
  const code = typeof err === 'object' && err !== null && 'modbusCode' in err ? Number(err.modbusCode) : NaN;
  if (GATEWAY_NO_ANSWER.has(code)) return `gateway: unit does not respond (exception ${code})`;
  if (!Number.isNaN(code)) return `modbus exception ${code}`;
  return err instanceof Error ? err.message : String(err);
}
