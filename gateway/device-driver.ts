// The port between the gateway and its field devices: one driver per device
// kind or bus (Modbus TCP here), each returning raw samples on the gateway clock.
import type { DeviceInfo, ProbeFault } from '../contracts/payloads.ts';

/** A device as the gateway is configured to poll it: what it announces plus its bus address. */
export interface GatewayDevice extends DeviceInfo {
  unitId: number;
}

export interface RawSample {
  deviceId: string;
  ts: number;
  tempC: number | null;
  fault?: ProbeFault;
  door: boolean;
  defrost: boolean;
}

export interface DeviceDriver {
  /** Never throws for a silent device: it returns a sample with fault 'no_response'. */
  read(device: { deviceId?: string; device: string; unitId: number }): Promise<RawSample>;
  close(): Promise<void>;
}
