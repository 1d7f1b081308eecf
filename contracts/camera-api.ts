// REST and socket DTOs of the bright kitchen (明厨亮灶): cameras with their health and
// uptime, and AI events with their review (rule book section 5). Times are ISO UTC.
import { Type, type Static } from '@sinclair/typebox';
import { AiCategory, CameraArea } from './cameras.ts';

const Time = () => Type.String({ format: 'date-time' });
const NullableNumber = () => Type.Union([Type.Number(), Type.Null()]);

export const CameraDto = Type.Object({
  kitchenId: Type.String(),
  gatewayId: Type.String(),
  cameraId: Type.String(),
  name: Type.String(),
  area: CameraArea,
  online: Type.Boolean({ description: 'false also when its gateway has not reported it recently' }),
  since: Time(),
  fps: NullableNumber(),
  bitrateKbps: NullableNumber(),
  recorderDays: NullableNumber(),
  requiredRetentionDays: Type.Number({ description: 'FS-CAM-RETENTION: what the jurisdiction requires' }),
  streaming: Type.Boolean(),
  viewers: Type.Integer({ minimum: 0, description: 'browsers watching it live through this server' }),
  lastSeenAt: Type.Union([Time(), Type.Null()]),
  uptime: Type.Object({
    date: Type.String({ description: 'site-local date, YYYY-MM-DD: today' }),
    serviceMinutes: Type.Number({ description: 'minutes of preparation and meal hours so far today' }),
    onlineMinutes: Type.Number(),
    percent: Type.Union([Type.Number(), Type.Null()], { description: 'null before the first service minute' }),
  }),
  streamPath: Type.String({ description: 'WebSocket path of the live MPEG-TS stream' }),
});
export type CameraDto = Static<typeof CameraDto>;

export const AI_REVIEW_STATES = ['pending', 'confirmed', 'rejected'] as const;
export const AiReviewState = Type.Union(AI_REVIEW_STATES.map((s) => Type.Literal(s)));
export type AiReviewState = Static<typeof AiReviewState>;

/** One FS-AI-EVENT: the first detection of a camera and category plus its repeats within the de-duplication window. */
export const AiEventDto = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  cameraId: Type.String(),
  category: AiCategory,
  confidence: Type.Number({ description: 'highest confidence among its detections' }),
  detectedAt: Time(),
  lastDetectedAt: Time(),
  detections: Type.Integer({ minimum: 1 }),
  snapshotSha256: Type.Union([Type.String(), Type.Null()]),
  snapshotUrl: Type.Union([Type.String(), Type.Null()]),
  review: AiReviewState,
  reviewedBy: Type.Union([Type.String(), Type.Null()]),
  reviewedAt: Type.Union([Time(), Type.Null()]),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  alertId: Type.Union([Type.Integer(), Type.Null()]),
});
export type AiEventDto = Static<typeof AiEventDto>;

/** POST /api/ai-events/{id}/review: the body. Who decided is the logged-in user. */
export const AiReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('reject')]),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AiReviewBody = Static<typeof AiReviewBody>;

/** A review as the server records it: the body plus who decided (the session's display name). */
export const AiReviewRequest = Type.Object(
  {
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('reject')]),
    by: Type.String({ minLength: 1, maxLength: 40, description: 'who decided' }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AiReviewRequest = Static<typeof AiReviewRequest>;

/** The live stream's WebSocket path for a camera. */
export const streamPathOf = (kitchenId: string, cameraId: string): string =>
  `/video/${encodeURIComponent(kitchenId)}/${encodeURIComponent(cameraId)}`;
