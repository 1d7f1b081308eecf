// Bright kitchen (明厨亮灶) in the SQL store: cameras as their gateways last reported them,
// their online/offline transitions, AI events (one row per de-duplicated group) with the
// edge box's ids of the detections they hold, and JPEG snapshots under their SHA-256.
import type { AiReviewState } from '../../../contracts/camera-api.ts';
import type { AiCategory, CameraArea, CameraHealth } from '../../../contracts/cameras.ts';
import type { AiGroup, AiReview, Transition } from '../../domain/cameras/types.ts';
import type { Db } from './database.ts';

interface CameraRow {
  kitchen_id: string; camera_id: string; gateway_id: string; name: string; area: CameraArea; online: number; since: number;
  fps: number | null; bitrate_kbps: number | null; recorder_days: number | null; streaming: number; last_seen_at: number | null;
  retention_short_since: number | null;
}

interface AiEventRow {
  id: number; kitchen_id: string; camera_id: string; category: AiCategory; confidence: number; detected_at: number;
  last_detected_at: number; detections: number; snapshot_sha256: string | null; review: AiReviewState;
  reviewed_by: string | null; reviewed_at: number | null; review_note: string | null; alert_id: number | null;
}

/** A camera as stored. Times are UTC ms on the server's clock (camera health is live, not replayed). */
export interface CameraRecord {
  kitchenId: string; gatewayId: string; cameraId: string; name: string; area: CameraArea;
  online: boolean; since: number; fps: number | null; bitrateKbps: number | null; recorderDays: number | null;
  streaming: boolean; lastSeenAt: number | null;
  /** [FS-CAM-RETENTION] since when its recorder has kept too few days; null: it has not. */
  retentionShortSince: number | null;
}

/** An AI event (a de-duplicated group) as stored. Times are UTC ms, from the edge box's clock. */
export interface AiEventRecord extends AiGroup {
  id: number; kitchenId: string; snapshotSha256: string | null;
  review: AiReviewState; reviewedBy: string | null; reviewedAt: number | null; reviewNote: string | null; alertId: number | null;
}

/** What the edge box said about one detection, kept under its id to tell a re-send from a reused id. */
export interface EdgeDetection { kitchenId: string; edgeId: string; cameraId: string; category: AiCategory; detectedAt: number }

export interface AiEventQuery { kitchenId?: string; kitchenIds?: readonly string[]; review?: AiReviewState; limit?: number }

const toCamera = (r: CameraRow): CameraRecord => ({
  kitchenId: r.kitchen_id, gatewayId: r.gateway_id, cameraId: r.camera_id, name: r.name, area: r.area, online: r.online === 1,
  since: r.since, fps: r.fps, bitrateKbps: r.bitrate_kbps, recorderDays: r.recorder_days, streaming: r.streaming === 1,
  lastSeenAt: r.last_seen_at, retentionShortSince: r.retention_short_since,
});

const toAiEvent = (r: AiEventRow): AiEventRecord => ({
  id: r.id, kitchenId: r.kitchen_id, cameraId: r.camera_id, category: r.category, confidence: r.confidence,
  detectedAt: r.detected_at, lastDetectedAt: r.last_detected_at, detections: r.detections, snapshotSha256: r.snapshot_sha256,
  review: r.review, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, reviewNote: r.review_note, alertId: r.alert_id,
});

/** The fields whose change is news for the dashboard (camera:updated). */
const sameHealth = (a: CameraRecord, b: CameraRecord): boolean =>
  a.gatewayId === b.gatewayId && a.name === b.name && a.area === b.area && a.online === b.online && a.fps === b.fps &&
  a.bitrateKbps === b.bitrateKbps && a.recorderDays === b.recorderDays && a.streaming === b.streaming;

export function createCamerasRepo(db: Db) {
  const cameraById = db.prepare('SELECT * FROM cameras WHERE kitchen_id = ? AND camera_id = ?');
  const getCamera = (kitchenId: string, cameraId: string): CameraRecord | undefined => {
    const row = cameraById.get(kitchenId, cameraId) as CameraRow | undefined;
    return row && toCamera(row);
  };
  const upsertCamera = db.prepare(`INSERT INTO cameras (kitchen_id, camera_id, gateway_id, name, area, online, since, fps,
      bitrate_kbps, recorder_days, streaming, last_seen_at)
    VALUES (@kitchenId, @cameraId, @gatewayId, @name, @area, @online, @at, @fps, @bitrateKbps, @recorderDays, @streaming, @at)
    ON CONFLICT(kitchen_id, camera_id) DO UPDATE SET gateway_id = excluded.gateway_id, name = excluded.name, area = excluded.area,
      since = CASE WHEN cameras.online = excluded.online THEN cameras.since ELSE excluded.since END,
      online = excluded.online, fps = excluded.fps, bitrate_kbps = excluded.bitrate_kbps, recorder_days = excluded.recorder_days,
      streaming = excluded.streaming, last_seen_at = excluded.last_seen_at`);
  const setOffline = db.prepare('UPDATE cameras SET online = 0, since = ?, streaming = 0 WHERE kitchen_id = ? AND camera_id = ? AND online = 1');
  const insertTransition = db.prepare('INSERT INTO camera_transitions (kitchen_id, camera_id, at, online) VALUES (?, ?, ?, ?)');
  const transitionAtOrBefore = db.prepare(`SELECT at, online FROM camera_transitions WHERE kitchen_id = ? AND camera_id = ? AND at <= ?
    ORDER BY at DESC, rowid DESC LIMIT 1`);
  const transitionsAfter = db.prepare(`SELECT at, online FROM camera_transitions WHERE kitchen_id = ? AND camera_id = ? AND at > ?
    ORDER BY at, rowid`);

  const aiById = db.prepare('SELECT * FROM ai_events WHERE id = ?');
  const getAiEvent = (id: number): AiEventRecord | undefined => {
    const row = aiById.get(id) as AiEventRow | undefined;
    return row && toAiEvent(row);
  };
  const insertAi = db.prepare(`INSERT INTO ai_events (kitchen_id, camera_id, category, confidence, detected_at, last_detected_at,
      detections, snapshot_sha256)
    VALUES (@kitchenId, @cameraId, @category, @confidence, @detectedAt, @lastDetectedAt, @detections, @snapshotSha256)`);
  const updateAiGroup = db.prepare(`UPDATE ai_events SET confidence = @confidence, detected_at = @detectedAt,
      last_detected_at = @lastDetectedAt, detections = @detections, snapshot_sha256 = coalesce(snapshot_sha256, @snapshotSha256)
    WHERE id = @id`);
  const edgeById = db.prepare('SELECT * FROM ai_edge_events WHERE kitchen_id = ? AND edge_id = ?');
  const insertEdge = db.prepare(`INSERT INTO ai_edge_events (kitchen_id, edge_id, ai_event_id, camera_id, category, detected_at)
    VALUES (@kitchenId, @edgeId, @aiEventId, @cameraId, @category, @detectedAt)`);

  return {
    getCamera,
    listCameras(kitchenId?: string): CameraRecord[] {
      const rows = kitchenId
        ? db.prepare('SELECT * FROM cameras WHERE kitchen_id = ? ORDER BY camera_id').all(kitchenId)
        : db.prepare('SELECT * FROM cameras ORDER BY kitchen_id, camera_id').all();
      return (rows as CameraRow[]).map(toCamera);
    },
    gatewayCameras(kitchenId: string, gatewayId: string): CameraRecord[] {
      return (db.prepare('SELECT * FROM cameras WHERE kitchen_id = ? AND gateway_id = ? ORDER BY camera_id')
        .all(kitchenId, gatewayId) as CameraRow[]).map(toCamera);
    },
    /** Online cameras not reported since before `before`. */
    staleCameras(before: number): CameraRecord[] {
      return (db.prepare('SELECT * FROM cameras WHERE online = 1 AND last_seen_at < ? ORDER BY kitchen_id, camera_id')
        .all(before) as CameraRow[]).map(toCamera);
    },
    /**
     * Records a camera's health as reported at `at`, and a transition when it is new or its
     * online state changed. `changed`: anything the dashboard shows differs.
     */
    saveHealth(kitchenId: string, gatewayId: string, h: CameraHealth, at: number): { camera: CameraRecord; changed: boolean; transition: boolean } {
      return db.transaction(() => {
        const before = getCamera(kitchenId, h.camera);
        upsertCamera.run({
          kitchenId, gatewayId, cameraId: h.camera, name: h.name, area: h.area, online: h.online ? 1 : 0, at,
          fps: h.fps, bitrateKbps: h.bitrateKbps, recorderDays: h.recorderDays, streaming: h.streaming ? 1 : 0,
        });
        const transition = !before || before.online !== h.online;
        if (transition) insertTransition.run(kitchenId, h.camera, at, h.online ? 1 : 0);
        const camera = getCamera(kitchenId, h.camera)!;
        return { camera, changed: !before || !sameHealth(before, camera), transition };
      })();
    },
    /** The camera cannot be seen since `at`; undefined when it was offline already (or unknown). */
    markOffline(kitchenId: string, cameraId: string, at: number): CameraRecord | undefined {
      return db.transaction(() => {
        if (setOffline.run(at, kitchenId, cameraId).changes === 0) return undefined;
        insertTransition.run(kitchenId, cameraId, at, 0);
        return getCamera(kitchenId, cameraId);
      })();
    },
    setRetentionShortSince(kitchenId: string, cameraId: string, since: number | null) {
      db.prepare('UPDATE cameras SET retention_short_since = ? WHERE kitchen_id = ? AND camera_id = ?').run(since, kitchenId, cameraId);
    },
    /** The transition in force at `from` (if any) and every later one, oldest first. */
    transitions(kitchenId: string, cameraId: string, from: number): Transition[] {
      const first = transitionAtOrBefore.get(kitchenId, cameraId, from) as { at: number; online: number } | undefined;
      const rest = transitionsAfter.all(kitchenId, cameraId, from) as Array<{ at: number; online: number }>;
      return (first ? [first, ...rest] : rest).map((t) => ({ at: t.at, online: t.online === 1 }));
    },

    /** Runs `fn` in one transaction (nested calls become savepoints). */
    atomically<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    /** The detection recorded before under this edge id, if any. */
    edgeDetection(kitchenId: string, edgeId: string): (EdgeDetection & { aiEventId: number }) | undefined {
      const row = edgeById.get(kitchenId, edgeId) as
        { kitchen_id: string; edge_id: string; ai_event_id: number; camera_id: string; category: AiCategory; detected_at: number } | undefined;
      return row && {
        kitchenId: row.kitchen_id, edgeId: row.edge_id, aiEventId: row.ai_event_id, cameraId: row.camera_id,
        category: row.category, detectedAt: row.detected_at,
      };
    },
    /** The latest group of a camera and category whose detections reach within `windowMs` of `at`. */
    groupNear(kitchenId: string, cameraId: string, category: AiCategory, at: number, windowMs: number): AiEventRecord | undefined {
      // Only an event not yet reviewed takes more detections: after a review (a rejected cat, say),
      // a new detection is a new question for a person, not part of the answered one.
      const row = db.prepare(`SELECT * FROM ai_events WHERE kitchen_id = ? AND camera_id = ? AND category = ?
          AND review = 'pending' AND last_detected_at >= ? AND detected_at <= ? ORDER BY last_detected_at DESC, id DESC LIMIT 1`)
        .get(kitchenId, cameraId, category, at - windowMs, at + windowMs) as AiEventRow | undefined;
      return row && toAiEvent(row);
    },
    /** A new group with its first detection. */
    insertAiEvent(kitchenId: string, group: AiGroup, snapshotSha256: string | null, detection: EdgeDetection): AiEventRecord {
      const info = insertAi.run({ kitchenId, ...group, snapshotSha256 });
      const id = Number(info.lastInsertRowid);
      insertEdge.run({ ...detection, aiEventId: id });
      return getAiEvent(id)!;
    },
    /** A detection joined group `id`; the group's snapshot is its first one. */
    joinAiEvent(id: number, group: AiGroup, snapshotSha256: string | null, detection: EdgeDetection): AiEventRecord {
      updateAiGroup.run({ id, ...group, snapshotSha256 });
      insertEdge.run({ ...detection, aiEventId: id });
      return getAiEvent(id)!;
    },
    setAiAlert(id: number, alertId: number) {
      db.prepare('UPDATE ai_events SET alert_id = ? WHERE id = ?').run(alertId, id);
    },
    /** Records a review of a pending event; undefined when it was reviewed already (or does not exist). */
    reviewAiEvent(id: number, review: AiReview): AiEventRecord | undefined {
      const info = db.prepare(`UPDATE ai_events SET review = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
        WHERE id = ? AND review = 'pending'`).run(review.state, review.by, review.at, review.note, id);
      return info.changes === 0 ? undefined : getAiEvent(id);
    },
    getAiEvent,
    /** Newest first (by first detection). */
    listAiEvents(q: AiEventQuery = {}): AiEventRecord[] {
      const where: string[] = [];
      const args: unknown[] = [];
      if (q.kitchenId) (where.push('kitchen_id = ?'), args.push(q.kitchenId));
      if (q.kitchenIds) (where.push(`kitchen_id IN (SELECT value FROM json_each(?))`), args.push(JSON.stringify(q.kitchenIds)));
      if (q.review) (where.push('review = ?'), args.push(q.review));
      const sql = `SELECT * FROM ai_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY detected_at DESC, id DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, q.limit ?? 200) as AiEventRow[]).map(toAiEvent);
    },
    /** A kitchen's events first detected in [from, to), oldest first. */
    aiEventsBetween(kitchenId: string, from: number, to: number): AiEventRecord[] {
      return (db.prepare('SELECT * FROM ai_events WHERE kitchen_id = ? AND detected_at >= ? AND detected_at < ? ORDER BY detected_at, id')
        .all(kitchenId, from, to) as AiEventRow[]).map(toAiEvent);
    },
    /**
     * [FS-AI-EVENT] The alert of a group follows the group: its message and peak confidence,
     * and cleared_at = the group's last detection (a detection is a moment, so the alert
     * is cleared by the data at once and stays open for a person to act on). The alert
     * store only updates a *live* alert of a device and rule, and one camera can have
     * several groups at once (one per category), so this goes by the alert's id.
     */
    /** Stores a snapshot once under its SHA-256 (the same picture sent twice is one row). */
    saveSnapshot(sha256: string, mime: string, bytes: Buffer, at: number) {
      db.prepare('INSERT OR IGNORE INTO snapshots (sha256, mime, bytes, created_at) VALUES (?, ?, ?, ?)').run(sha256, mime, bytes, at);
    },
    /** The kitchens whose AI events show this snapshot (normally one). */
    snapshotKitchens(sha256: string): string[] {
      return (db.prepare('SELECT DISTINCT kitchen_id FROM ai_events WHERE snapshot_sha256 = ?').all(sha256) as Array<{ kitchen_id: string }>)
        .map((r) => r.kitchen_id);
    },
    getSnapshot(sha256: string): { mime: string; bytes: Buffer } | undefined {
      return db.prepare('SELECT mime, bytes FROM snapshots WHERE sha256 = ?').get(sha256) as { mime: string; bytes: Buffer } | undefined;
    },
  };
}

export type CamerasRepo = ReturnType<typeof createCamerasRepo>;
