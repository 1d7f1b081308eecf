// What every device driver hands to the converters: one raw sample per read,
// never an exception for a device that is down (the poll loop keeps going).
import type { ProbeFault } from '../../contracts/payloads.ts';

export interface RawSample {
  deviceId: string;
  /** From the gateway's injected clock, when the request went out. */
  ts: number;
  /** °C; null on any fault. */
  tempC: number | null;
  fault?: ProbeFault;
  door: boolean;
  defrost: boolean;
  /** Why a device did not answer (timeout, exception code, no connection): for the log, not the wire. */
  detail?: string;
  /** Diagnostics from the controller: seconds since its boot, and its measurement counter. */
  uptimeS?: number;
  counter?: number;
}

/**
 * A device's address on its bus. The id may come as `deviceId` or, when the
 * caller passes its DeviceInfo-shaped config (gateway/device-driver.ts), as `device`.
 */
export type ProbeAddress = { unitId: number } & (
  | { deviceId: string; device?: string }
  | { device: string; deviceId?: string }
);

export function addressId(address: ProbeAddress): string {
  return address.deviceId ?? address.device ?? '';
}

export interface ProbeDriver {
  connect(): Promise<void>;
  close(): Promise<void>;
  read(device: ProbeAddress): Promise<RawSample>;
}
