// Driver for cold-chain controllers on an RS-485 bus behind a Modbus TCP
// gateway (register map: firmware-sim/README.md). The only gateway file that
// touches modbus-serial. A device that does not answer is a sample with fault
// 'no_response', never an exception: the poll loop must go on to the next one.
import type { Clock } from '../../contracts/clock.ts';
import { createModbusLink, describeModbusError } from './modbus-link.ts';
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


const TEMP_PROBE_OPEN = -32768;
const TEMP_PROBE_SHORT = 32767;
const STATUS_DOOR = 1 << 0;
const STATUS_DEFROST = 1 << 1;

export function createModbusProbeDriver(opts: ModbusProbeOptions): ModbusProbeDriver {
  const link = createModbusLink(opts);
  return {
    connect: link.connect,
    close: link.close,
    read: (device) => link.exclusive(async () => {
      const ts = opts.clock.now();
      const deviceId = addressId(device);
      try {
        return decodeSample(deviceId, ts, await link.request(device.unitId, (c) => c.readInputRegisters(0, 5)));
      } catch (err) {
        return noResponse(deviceId, ts, describeModbusError(err));
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
