// REST of the bright kitchen (rule book section 5): cameras with their health and
// today's uptime, AI events with their snapshot, and the confirm / reject review.
import { Router, type Request, type Response } from 'express';
import { AI_REVIEW_STATES, type AiEventDto, type AiReviewRequest, type AiReviewState, type CameraDto } from '../../../contracts/camera-api.ts';
import { isValidId } from '../../../contracts/topics.ts';
import type { RegistryRepo } from '../sql/registry-repo.ts';
import { fail } from './errors.ts';
import { access, type AccountsPort } from './auth.ts';

export interface CameraApiDeps {
  registry: RegistryRepo;
  cameraMonitor: { list(kitchenId?: string): CameraDto[] };
  aiEvents: {
    list(q: { kitchenId?: string; kitchenIds?: readonly string[]; review?: AiReviewState; limit?: number }): AiEventDto[];
    get(id: number): AiEventDto | undefined;
    kitchenOfSnapshot(sha256: string): string[];
    review(id: number, req: AiReviewRequest, role?: string | null): { ok: true; event: AiEventDto } | { ok: false; code: 'ai_event_not_found' | 'ai_event_reviewed' };
    snapshot(sha256: string): { mime: string; bytes: Buffer } | undefined;
  };
  accounts: AccountsPort;
}

const SHA256 = /^[0-9a-f]{64}$/;
const MAX_EVENTS = 500;

function kitchenQuery(req: Request, res: Response, deps: CameraApiDeps): string | undefined {
  const k = req.query.kitchen;
  if (k === undefined) return undefined;
  if (typeof k !== 'string' || !isValidId(k)) fail('invalid_query', 'kitchen must match [A-Za-z0-9_-]{1,64}');
  access(deps.accounts, res).kitchen(k as string);
  if (!deps.registry.getKitchen(k as string)) fail('kitchen_not_found', `no kitchen ${String(k)}`);
  return k as string;
}

/** Who decided is the logged-in person (their display name), not a name typed in. */
function reviewBody(body: unknown, by: string): AiReviewRequest {
  const { decision, note } = (body ?? {}) as Record<string, unknown>;
  if (decision !== 'confirm' && decision !== 'reject') fail('invalid_body', 'decision must be confirm or reject');
  if (note !== undefined && (typeof note !== 'string' || note.length > 200)) fail('invalid_body', 'note must be text of at most 200 characters');
  return { decision: decision as AiReviewRequest['decision'], by: by.slice(0, 40), ...(note ? { note: note as string } : {}) };
}

export function createCameraRouter(deps: CameraApiDeps): Router {
  const r = Router();
  r.get('/cameras', (req, res) => {
    res.json(access(deps.accounts, res).filter(deps.cameraMonitor.list(kitchenQuery(req, res, deps))));
  });
  r.get('/ai-events', (req, res) => {
    const kitchenId = kitchenQuery(req, res, deps);
    const { review, limit } = req.query;
    if (review !== undefined && !(AI_REVIEW_STATES as readonly unknown[]).includes(review)) {
      fail('invalid_query', `review must be one of ${AI_REVIEW_STATES.join(', ')}`);
    }
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_EVENTS) fail('invalid_query', `limit must be 1..${MAX_EVENTS}`);
    const who = access(deps.accounts, res);
    res.json(who.filter(deps.aiEvents.list({ kitchenId, kitchenIds: who.kitchenIds(), review: review as AiReviewState | undefined, limit: n })));
  });
  r.post('/ai-events/:id/review', (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) fail('invalid_id', 'id must be a positive integer');
    const who = access(deps.accounts, res);
    const event = deps.aiEvents.get(id);
    if (!event || !who.sees(event.kitchenId)) fail('ai_event_not_found', 'no such AI event');
    who.must('ai:review', event!.kitchenId);
    const outcome = deps.aiEvents.review(id, reviewBody(req.body, who.user.displayName), who.user.role);
    if (!outcome.ok) fail(outcome.code, outcome.code === 'ai_event_reviewed' ? 'this AI event has been reviewed already' : 'no such AI event');
    res.json((outcome as { event: AiEventDto }).event);
  });
  r.get('/snapshots/:sha256', (req, res) => {
    const sha = req.params.sha256 ?? '';
    if (!SHA256.test(sha)) fail('invalid_id', 'a snapshot is named by its SHA-256, 64 lowercase hex digits');
    // A picture from a kitchen's camera is that kitchen's data.
    const who = access(deps.accounts, res);
    if (!deps.aiEvents.kitchenOfSnapshot(sha).some((k) => who.sees(k))) fail('snapshot_not_found', 'no snapshot with that SHA-256');
    const snap = deps.aiEvents.snapshot(sha) ?? fail('snapshot_not_found', 'no snapshot with that SHA-256');
    // Private: a kitchen's picture behind a login must not sit in a shared cache.
    res.type(snap.mime).set('Cache-Control', 'private, max-age=86400').send(snap.bytes);
  });
  return r;
}
