// REST calls of the kitchen's registry (site facts, staff certificates, calibrations,
// inspections) and the district's reminders, on api.ts's readJson so errors and a lost session
// behave as everywhere else. The server checks every act again; these only ask.
import type {
  CalibrationRecord, CalibrationRequest, Inspection, InspectionRequest, KitchenRegistry, StaffMember, StaffRequest,
} from '../../contracts/registry.ts';
import { readJson } from './api.ts';
import type { SiteReminder } from './inspector-home.ts';

/** A JSON request on readJson (notify-api.ts uses it too). */
export async function send<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown, signal?: AbortSignal): Promise<T> {
  const hasBody = payload !== undefined;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  return readJson<T>(await fetch(path, { method, headers, body: hasBody ? JSON.stringify(payload) : undefined, signal }));
}

const seg = encodeURIComponent;
const kitchenPath = (id: string): string => `api/kitchens/${seg(id)}`;

export const registryApi = {
  /** 404 outside the user's scope. */
  registry: (kitchenId: string, signal?: AbortSignal) => send<KitchenRegistry>('GET', `${kitchenPath(kitchenId)}/registry`, undefined, signal),
  /** 201; 403 without inspection:record. */
  recordInspection: (kitchenId: string, req: InspectionRequest, signal?: AbortSignal) =>
    send<Inspection>('POST', `${kitchenPath(kitchenId)}/inspections`, req, signal),
  /** 201; 403 without staff:write. */
  addStaff: (kitchenId: string, req: StaffRequest, signal?: AbortSignal) => send<StaffMember>('POST', `${kitchenPath(kitchenId)}/staff`, req, signal),
  updateStaff: (kitchenId: string, staffId: number, req: StaffRequest, signal?: AbortSignal) =>
    send<StaffMember>('PUT', `${kitchenPath(kitchenId)}/staff/${seg(String(staffId))}`, req, signal),
  /** Newest first. */
  calibrations: (kitchenId: string, deviceId: string, signal?: AbortSignal) =>
    send<CalibrationRecord[]>('GET', `${kitchenPath(kitchenId)}/devices/${seg(deviceId)}/calibrations`, undefined, signal),
  /** 201; 403 without calibration:record. */
  recordCalibration: (kitchenId: string, deviceId: string, req: CalibrationRequest, signal?: AbortSignal) =>
    send<CalibrationRecord>('POST', `${kitchenPath(kitchenId)}/devices/${seg(deviceId)}/calibrations`, req, signal),
  /** Every registry item due in the user's scope, with its kitchen. */
  reminders: (signal?: AbortSignal) => send<SiteReminder[]>('GET', 'api/reminders', undefined, signal),
};
