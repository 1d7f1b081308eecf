// [FS-AI-EVENT] The edge AI box's violations (rule book section 5): stored once per edge id,
// with their JPEG snapshot under its SHA-256, de-duplicated per camera and category, one
// warning alert per de-duplicated event, and a person's confirm / reject. Rules come from
// server/domain/cameras; alerts share the cold chain's store with the camera id in the
// alert's device column.
//
// An AI event's alert is cleared by the data at its last detection at once (a detection is
// a moment, not a state) and stays open for a person: the store keeps one *live* alert per
// device and rule, and a camera can have several events at once (one per category).
import { createHash } from 'node:crypto';
import type { Alert } from '../../contracts/api.ts';
import type { AiEventDto, AiReviewRequest, AiReviewState } from '../../contracts/camera-api.ts';
import type { AiEvent, Snapshot } from '../../contracts/cameras.ts';
import { DEFAULT_PROFILE_ID, profileById, type Profile } from '../../contracts/profiles.ts';
import type { GatewayAddress } from '../../contracts/topics.ts';
import {
  AI_EVENT_SEVERITY, aiAlertMessage, countConfirmed, dedupDetection, dedupWindowMs, reviewDecision,
  type AiReview, type CameraRef,
} from '../domain/cameras/cameras.ts';
import type { AlertsRepo } from '../adapters/sql/alerts-repo.ts';
import type { AiEventRecord, CamerasRepo, EdgeDetection } from '../adapters/sql/cameras-repo.ts';
import type { RegistryRepo } from '../adapters/sql/registry-repo.ts';
import type { RecordAudit } from './audit.ts';

const RULE = 'FS-AI-EVENT';
const JPEG_SOI = [0xff, 0xd8, 0xff];

export interface AiEventsDeps {
  cameras: CamerasRepo;
  alerts: AlertsRepo;
  registry: RegistryRepo;
  now(): number;
  emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert): void;
  emitAiEvent(dto: AiEventDto): void;
  onRaised?(ruleId: string): void;
  /** A review is a person's decision: it goes to the audit log (rule book section 6). */
  audit?: RecordAudit;
}

/** `note`: something the server did not keep (a snapshot that is not a JPEG), or a re-sent event. */
export type AiEventOutcome = { stored: true; note?: string } | { stored: false; reason: string };
export type AiReviewOutcome = { ok: true; event: AiEventDto } | { ok: false; code: 'ai_event_not_found' | 'ai_event_reviewed' };
export interface AiEventListQuery { kitchenId?: string; kitchenIds?: readonly string[]; review?: AiReviewState; limit?: number }

export const snapshotUrlOf = (sha256: string): string => `/api/snapshots/${sha256}`;

const isJpeg = (bytes: Buffer): boolean => JPEG_SOI.every((b, i) => bytes[i] === b);

export function toAiEventDto(r: AiEventRecord): AiEventDto {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: r.id, kitchenId: r.kitchenId, cameraId: r.cameraId, category: r.category, confidence: r.confidence,
    detectedAt: iso(r.detectedAt), lastDetectedAt: iso(r.lastDetectedAt), detections: r.detections,
    snapshotSha256: r.snapshotSha256, snapshotUrl: r.snapshotSha256 === null ? null : snapshotUrlOf(r.snapshotSha256),
    review: r.review, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt === null ? null : iso(r.reviewedAt),
    reviewNote: r.reviewNote, alertId: r.alertId,
  };
}

const reviewOf = (r: AiEventRecord): AiReview => ({ state: r.review, by: r.reviewedBy, at: r.reviewedAt, note: r.reviewNote });

export function createAiEvents(deps: AiEventsDeps) {
  const profileOf = (kitchenId: string): Profile => profileById(deps.registry.getKitchen(kitchenId)?.profile ?? DEFAULT_PROFILE_ID);
  const cameraOf = (kitchenId: string, cameraId: string): CameraRef =>
    ({ id: cameraId, name: deps.cameras.getCamera(kitchenId, cameraId)?.name ?? cameraId });

  /** The snapshot's hash once stored; a non-JPEG is not stored and the outcome says so. */
  function keepSnapshot(s: Snapshot | undefined): { sha256: string | null; note?: string } {
    if (!s) return { sha256: null };
    const bytes = Buffer.from(s.data, 'base64');
    if (!isJpeg(bytes)) return { sha256: null, note: 'snapshot is not a JPEG (no FF D8 FF start): event stored without it' };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    deps.cameras.saveSnapshot(sha256, s.mime, bytes, deps.now());
    return { sha256 };
  }

  /** [FS-AI-EVENT] A new event raises one warning, cleared by the data at its detection. */
  function raiseFor(record: AiEventRecord, profile: Profile): Alert | undefined {
    const { kitchenId, cameraId } = record;
    const { alert, created } = deps.alerts.raise({
      kitchenId, deviceId: cameraId, ruleId: RULE, severity: AI_EVENT_SEVERITY, profile: profile.id,
      message: aiAlertMessage(record, cameraOf(kitchenId, cameraId), profile),
      firstOutAt: record.detectedAt, raisedAt: record.detectedAt, value: record.confidence, storedAt: deps.now(),
    });
    if (created) deps.onRaised?.(RULE);
    deps.cameras.setAiAlert(record.id, alert.id);
    return deps.alerts.clear(kitchenId, cameraId, RULE, record.lastDetectedAt, record.confidence, 0) ?? alert;
  }

  /** [FS-AI-EVENT] Later detections and the review update the event's alert, never a new one. */
  function amendAlert(record: AiEventRecord, profile: Profile): Alert | undefined {
    if (record.alertId === null) return undefined;
    return deps.alerts.amend(record.alertId, {
      message: aiAlertMessage(record, cameraOf(record.kitchenId, record.cameraId), profile, reviewOf(record)),
      peak: record.confidence, clearedAt: record.lastDetectedAt,
    });
  }

  function record(gw: GatewayAddress, e: AiEvent): AiEventOutcome {
    const kitchenId = gw.kitchenId;
    const seen = deps.cameras.edgeDetection(kitchenId, e.id);
    if (seen) {
      const same = seen.cameraId === e.camera && seen.category === e.category && seen.detectedAt === e.ts;
      return same
        ? { stored: true, note: 're-sent: recorded before' }
        : { stored: false, reason: `edge event id ${e.id} was used before for another detection (${seen.cameraId} ${seen.category})` };
    }
    const profile = profileOf(kitchenId);
    const near = deps.cameras.groupNear(kitchenId, e.camera, e.category, e.ts, dedupWindowMs(profile));
    const outcome = dedupDetection(near, { cameraId: e.camera, category: e.category, confidence: e.confidence, at: e.ts }, profile);
    // An event shows one picture, its first: a repeat's snapshot is kept only when the event has none,
    // so a detector firing every few seconds does not fill the store with pictures no one sees.
    const snapshot = outcome.kind === 'joined' && near?.snapshotSha256 ? { sha256: null } : keepSnapshot(e.snapshot);
    const edge: EdgeDetection = { kitchenId, edgeId: e.id, cameraId: e.camera, category: e.category, detectedAt: e.ts };
    if (outcome.kind === 'joined' && near) {
      const joined = deps.cameras.joinAiEvent(near.id, outcome.group, snapshot.sha256, edge);
      const alert = amendAlert(joined, profile);
      if (alert) deps.emitAlert('alert:updated', alert);
      deps.emitAiEvent(toAiEventDto(joined));
    } else {
      const created = deps.cameras.insertAiEvent(kitchenId, outcome.group, snapshot.sha256, edge);
      const alert = raiseFor(created, profile);
      if (alert) deps.emitAlert('alert:raised', alert);
      deps.emitAiEvent(toAiEventDto(deps.cameras.getAiEvent(created.id)!));
    }
    return 'note' in snapshot && snapshot.note ? { stored: true, note: snapshot.note } : { stored: true };
  }

  return {
    /** up/ai: one detection of the edge box. Idempotent on its edge id (a re-send is recorded once). */
    onEvent(gw: GatewayAddress, e: AiEvent): AiEventOutcome {
      return deps.cameras.atomically(() => record(gw, e));
    },
    /** Newest first. */
    list(q: AiEventListQuery = {}): AiEventDto[] {
      return deps.cameras.listAiEvents(q).map(toAiEventDto);
    },
    get(id: number): AiEventDto | undefined {
      const r = deps.cameras.getAiEvent(id);
      return r && toAiEventDto(r);
    },
    /**
     * [FS-AI-EVENT] A person confirms or rejects an event, once. A rejected event was a false
     * positive: its alert is closed. A confirmed one stays open for the kitchen's corrective action.
     */
    /** `role`: the reviewer's, for the audit log (who decided is a person with a role). */
    review(id: number, req: AiReviewRequest, role: string | null = null): AiReviewOutcome {
      return deps.cameras.atomically((): AiReviewOutcome => {
        const current = deps.cameras.getAiEvent(id);
        if (!current) return { ok: false, code: 'ai_event_not_found' };
        const now = deps.now();
        const decision = reviewDecision(current.review, req, now);
        if (!decision.ok) return decision;
        const reviewed = deps.cameras.reviewAiEvent(id, decision.review);
        if (!reviewed) return { ok: false, code: 'ai_event_reviewed' };
        deps.audit?.({
          actor: req.by, role, action: 'ai-event.reviewed', subject: `ai-event:${id}`, kitchenId: reviewed.kitchenId,
          data: { decision: req.decision, category: reviewed.category, cameraId: reviewed.cameraId, ...(req.note ? { note: req.note } : {}) },
        });
        let alert = amendAlert(reviewed, profileOf(reviewed.kitchenId));
        if (alert && decision.review.state === 'rejected') {
          deps.alerts.resolve(alert.id, now);
          alert = deps.alerts.close(alert.id, now);
        }
        if (alert) deps.emitAlert('alert:updated', alert);
        const event = toAiEventDto(reviewed);
        deps.emitAiEvent(event);
        return { ok: true, event };
      });
    },
    /** [FS-AI-EVENT] What counts toward a site's record: its confirmed events first detected in [from, to). */
    confirmedCount(kitchenId: string, from = 0, to = Number.MAX_SAFE_INTEGER): number {
      return countConfirmed(deps.cameras.aiEventsBetween(kitchenId, from, to), kitchenId);
    },
    /** Whose picture it is: the kitchens of the events that show it. */
    kitchenOfSnapshot: (sha256: string): string[] => deps.cameras.snapshotKitchens(sha256),
    snapshot(sha256: string): { mime: string; bytes: Buffer } | undefined {
      return deps.cameras.getSnapshot(sha256);
    },
  };
}

export type AiEvents = ReturnType<typeof createAiEvents>;
