// REST client for the server's JSON API. Errors come back as {error:{code,message}}.
// The session is an HttpOnly cookie the browser sends by itself (same origin); a 401
// `unauthenticated` from any route means it is gone, and the app goes back to the login page.
import type { Alert, Device, Kitchen, SampleDay, Series } from '../../contracts/api.ts';
import type { AlertHistoryEntry, CloseRequest, CommentRequest, ResolveRequest } from '../../contracts/alert-workflow.ts';
import type { LoginRequest, Me } from '../../contracts/auth.ts';
import type { AiEventDto, AiReviewBody, AiReviewState } from '../../contracts/camera-api.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The Retry-After header (a 429), as sent. */
    readonly retryAfter: string | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The review as the dashboard sends it: who reviews is the session's user, recorded by the server. */
export type { AiReviewBody };

let sessionLost: (() => void) | null = null;

/** Called on a 401 `unauthenticated` from any route (not on a wrong password); null to stop. */
export function onSessionLost(fn: (() => void) | null): void {
  sessionLost = fn;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await fetch(path, { headers: { accept: 'application/json' }, signal }));
}

/** `payload` undefined: a POST without a body (no content-type either). */
async function postJson<T>(path: string, payload: unknown, signal?: AbortSignal): Promise<T> {
  const hasBody = payload !== undefined;
  return readJson<T>(
    await fetch(path, {
      method: 'POST',
      headers: hasBody ? { accept: 'application/json', 'content-type': 'application/json' } : { accept: 'application/json' },
      body: hasBody ? JSON.stringify(payload) : undefined,
      signal,
    }),
  );
}

/** Reads a JSON answer; a failure becomes an ApiRequestError (and a 401 `unauthenticated` ends the session). */
export async function readJson<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    const code = err?.code ?? `HTTP_${res.status}`;
    if (res.status === 401 && code === 'unauthenticated') sessionLost?.();
    throw new ApiRequestError(res.status, code, err?.message ?? res.statusText, res.headers.get('retry-after'));
  }
  return body as T;
}

const seg = encodeURIComponent;

export interface AiEventQuery {
  /** Left out: every kitchen the server shows (the district). */
  kitchen?: string;
  review?: AiReviewState;
  limit?: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  /** 401 `bad_credentials`; 429 `too_many_attempts` with retryAfter. Sets the session cookie. */
  login: (req: LoginRequest, signal?: AbortSignal) => postJson<Me>('api/auth/login', req, signal),
  /** 204; clears the session cookie. */
  logout: (signal?: AbortSignal) => postJson<null>('api/auth/logout', {}, signal),
  /** Who is logged in; 401 `unauthenticated` without a session. */
  me: (signal?: AbortSignal) => getJson<Me>('api/auth/me', signal),
  kitchen: (id: string, signal?: AbortSignal) => getJson<Kitchen>(`api/kitchens/${seg(id)}`, signal),
  devices: (id: string, signal?: AbortSignal) => getJson<Device[]>(`api/kitchens/${seg(id)}/devices`, signal),
  alerts: (kitchenId: string, signal?: AbortSignal) =>
    getJson<Alert[]>(`api/alerts?kitchen=${seg(kitchenId)}`, signal),
  /** 确认收到: the actor is the session's user. 409 `invalid_transition` unless active; 403 `forbidden`. */
  ackAlert: (id: number, signal?: AbortSignal) => postJson<Alert>(`api/alerts/${seg(String(id))}/acknowledge`, undefined, signal),
  /** The corrective action; 400 `invalid_body` with a message when incomplete. */
  resolveAlert: (id: number, req: ResolveRequest, signal?: AbortSignal) =>
    postJson<Alert>(`api/alerts/${seg(String(id))}/resolve`, req, signal),
  /** Verification by a manager or inspector: 403 `forbidden` (e.g. the resolver), 409 `invalid_transition` before resolved. */
  closeAlert: (id: number, req: CloseRequest, signal?: AbortSignal) => postJson<Alert>(`api/alerts/${seg(String(id))}/close`, req, signal),
  /** 201. */
  commentAlert: (id: number, req: CommentRequest, signal?: AbortSignal) =>
    postJson<unknown>(`api/alerts/${seg(String(id))}/comments`, req, signal),
  /** Oldest first. */
  alertHistory: (id: number, signal?: AbortSignal) => getJson<AlertHistoryEntry[]>(`api/alerts/${seg(String(id))}/history`, signal),
  /** The kitchen's sample board for a site-local day (YYYY-MM-DD); the site's today when left out. */
  samples: (kitchenId: string, date?: string, signal?: AbortSignal) =>
    getJson<SampleDay>(`api/kitchens/${seg(kitchenId)}/samples${date ? `?date=${seg(date)}` : ''}`, signal),
  series: (kitchenId: string, deviceId: string, from: Date, to: Date, signal?: AbortSignal) =>
    getJson<Series>(
      `api/kitchens/${seg(kitchenId)}/devices/${seg(deviceId)}/series?from=${seg(from.toISOString())}&to=${seg(to.toISOString())}`,
      signal,
    ),
  /** Newest first. */
  aiEvents: (q: AiEventQuery, signal?: AbortSignal) =>
    getJson<AiEventDto[]>(`api/ai-events${query({ kitchen: q.kitchen, review: q.review, limit: q.limit })}`, signal),
  /** 409 `ai_event_reviewed` when someone reviewed it first; 403 `forbidden` without `ai:review` there. */
  reviewAiEvent: (id: number, review: AiReviewBody, signal?: AbortSignal) =>
    postJson<AiEventDto>(`api/ai-events/${seg(String(id))}/review`, review, signal),
};
