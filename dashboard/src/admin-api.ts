// REST calls of the administration pages (sites, devices, users, jurisdictions, gateway
// provisioning), on api.ts's readJson so errors and a lost session behave as everywhere else.
// The server checks every act again (registry:write, users:manage); these only ask.
import type { Device, Gateway, Kitchen } from '../../contracts/api.ts';
import type { Jurisdiction, UserCreateRequest, UserDto, UserUpdateRequest } from '../../contracts/auth.ts';
import type { CameraDto } from '../../contracts/camera-api.ts';
import type {
  KitchenCreateRequest, KitchenRegistry, ProvisionedGateway, ProvisionRequest, RegistryUpdate,
} from '../../contracts/registry.ts';
import { readJson } from './api.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

async function send<T>(method: Method, path: string, payload?: unknown, signal?: AbortSignal): Promise<T> {
  const hasBody = payload !== undefined;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  return readJson<T>(await fetch(path, { method, headers, body: hasBody ? JSON.stringify(payload) : undefined, signal }));
}

const seg = encodeURIComponent;
const kitchenPath = (id: string) => `api/kitchens/${seg(id)}`;

export const adminApi = {
  kitchens: (signal?: AbortSignal) => send<Kitchen[]>('GET', 'api/kitchens', undefined, signal),
  /** 201; 409 `kitchen_exists`. */
  createKitchen: (req: KitchenCreateRequest, signal?: AbortSignal) => send<Kitchen>('POST', 'api/kitchens', req, signal),
  registry: (id: string, signal?: AbortSignal) => send<KitchenRegistry>('GET', `${kitchenPath(id)}/registry`, undefined, signal),
  updateRegistry: (id: string, req: RegistryUpdate, signal?: AbortSignal) =>
    send<KitchenRegistry>('PUT', `${kitchenPath(id)}/registry`, req, signal),
  /** Replaces the kitchen's jurisdictions; 400 `invalid_jurisdiction` / 404 `jurisdiction_not_found`. */
  setKitchenJurisdictions: (id: string, jurisdictions: string[], signal?: AbortSignal) =>
    send<unknown>('PUT', `${kitchenPath(id)}/jurisdictions`, { jurisdictions }, signal),

  devices: (id: string, signal?: AbortSignal) => send<Device[]>('GET', `${kitchenPath(id)}/devices`, undefined, signal),
  /** The gateways that have reported in the kitchen. */
  gateways: (id: string, signal?: AbortSignal) => send<Gateway[]>('GET', `api/gateways?kitchen=${seg(id)}`, undefined, signal),
  cameras: (id: string, signal?: AbortSignal) => send<CameraDto[]>('GET', `api/cameras?kitchen=${seg(id)}`, undefined, signal),
  /** 201 with the secret, shown once; 409 `gateway_exists` unless `rotate`; 503 `provisioning_unavailable`. */
  provisionGateway: (kitchenId: string, req: ProvisionRequest, signal?: AbortSignal) =>
    send<ProvisionedGateway>('POST', `${kitchenPath(kitchenId)}/gateways`, req, signal),

  users: (signal?: AbortSignal) => send<UserDto[]>('GET', 'api/users', undefined, signal),
  /** 201; 409 `user_exists`, 400 `weak_password` / `invalid_user`. */
  createUser: (req: UserCreateRequest, signal?: AbortSignal) => send<UserDto>('POST', 'api/users', req, signal),
  updateUser: (username: string, req: UserUpdateRequest, signal?: AbortSignal) =>
    send<UserDto>('PATCH', `api/users/${seg(username)}`, req, signal),

  jurisdictions: (signal?: AbortSignal) => send<Jurisdiction[]>('GET', 'api/jurisdictions', undefined, signal),
  /** 201; 400 `invalid_jurisdiction` (a missing parent, or one not above it). */
  createJurisdiction: (req: Jurisdiction, signal?: AbortSignal) => send<Jurisdiction>('POST', 'api/jurisdictions', req, signal),
};
