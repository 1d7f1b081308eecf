// The port between the gateway and its field devices: one driver per device
// kind or bus (Modbus TCP here: drivers/modbus-probe.ts), each returning raw
// samples on the gateway's clock and never throwing for a silent device.
import type { DeviceInfo } from '../contracts/payloads.ts';
import type { ProbeDriver } from './drivers/types.ts';

export type { RawSample } from './drivers/types.ts';

/** A device as the gateway is configured to poll it: what it announces plus its bus address. */
export interface GatewayDevice extends DeviceInfo {
  unitId: number;
}

export type DeviceDriver = Pick<ProbeDriver, 'read' | 'close'>;
