// REST client for the server's JSON API. Errors come back as {error:{code,message}}.
import type { Alert, Device, Kitchen, SampleDay, Series } from '../../contracts/api.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText);
  }
  return body as T;
}

const seg = encodeURIComponent;

export const api = {
  kitchen: (id: string, signal?: AbortSignal) => getJson<Kitchen>(`api/kitchens/${seg(id)}`, signal),
  devices: (id: string, signal?: AbortSignal) => getJson<Device[]>(`api/kitchens/${seg(id)}/devices`, signal),
  alerts: (kitchenId: string, signal?: AbortSignal) =>
    getJson<Alert[]>(`api/alerts?kitchen=${seg(kitchenId)}`, signal),
  /** The kitchen's sample board for a site-local day (YYYY-MM-DD); the site's today when left out. */
  samples: (kitchenId: string, date?: string, signal?: AbortSignal) =>
    getJson<SampleDay>(`api/kitchens/${seg(kitchenId)}/samples${date ? `?date=${seg(date)}` : ''}`, signal),
  series: (kitchenId: string, deviceId: string, from: Date, to: Date, signal?: AbortSignal) =>
    getJson<Series>(
      `api/kitchens/${seg(kitchenId)}/devices/${seg(deviceId)}/series?from=${seg(from.toISOString())}&to=${seg(to.toISOString())}`,
      signal,
    ),
};
