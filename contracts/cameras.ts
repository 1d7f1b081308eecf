// Bright-kitchen (明厨亮灶) wire contract (rule book section 5): what a gateway says
// about its cameras (up/camera), the violations its edge AI box reports (up/ai,
// through the outbox like readings), and the live video it relays on command
// (binary MPEG-TS on kcw/v1/{kitchen}/{gateway}/video/{camera}, see topics.ts).
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const EpochMs = Type.Integer({ minimum: 0, description: 'device clock, ms since the Unix epoch (UTC)' });

/** The key areas a site's cameras should cover (rule book section 5). */
export const CAMERA_AREAS = ['cold_prep', 'raw_prep', 'cooking', 'washing', 'sample', 'serving', 'storage', 'other'] as const;
export const CameraArea = Type.Union(CAMERA_AREAS.map((a) => Type.Literal(a)));
export type CameraArea = Static<typeof CameraArea>;

/** The violations an edge detector reports (FS-AI-EVENT). */
export const AI_CATEGORIES = ['no_mask', 'no_hat', 'no_uniform', 'smoking', 'phone', 'rodent', 'bin_open', 'stranger'] as const;
export const AiCategory = Type.Union(AI_CATEGORIES.map((c) => Type.Literal(c)));
export type AiCategory = Static<typeof AiCategory>;

/** One camera as its gateway sees it now. */
export const CameraHealth = Type.Object(
  {
    camera: Id,
    name: Type.String({ maxLength: 80 }),
    area: CameraArea,
    online: Type.Boolean({ description: 'the camera answers and its stream is up' }),
    fps: Type.Union([Type.Number({ minimum: 0, maximum: 240 }), Type.Null()]),
    bitrateKbps: Type.Union([Type.Number({ minimum: 0, maximum: 100_000 }), Type.Null()]),
    recorderDays: Type.Union([Type.Number({ minimum: 0, maximum: 3650 }), Type.Null()], { description: 'days of video the recorder keeps' }),
    streaming: Type.Boolean({ description: 'the gateway is relaying this camera live now' }),
  },
  { additionalProperties: false },
);
export type CameraHealth = Static<typeof CameraHealth>;

/** up/camera: every camera of the gateway, every poll and on each change. */
export const CameraMessage = Type.Object(
  { v: Type.Literal(1), ts: EpochMs, cameras: Type.Array(CameraHealth, { maxItems: 64 }) },
  { additionalProperties: false },
);
export type CameraMessage = Static<typeof CameraMessage>;

/** A JPEG still, base64; the server stores it under its SHA-256. */
export const Snapshot = Type.Object(
  { mime: Type.Literal('image/jpeg'), data: Type.String({ maxLength: 700_000, description: 'base64' }) },
  { additionalProperties: false },
);
export type Snapshot = Static<typeof Snapshot>;

/** One violation as the edge AI box reported it. */
export const AiEvent = Type.Object(
  {
    oid: Type.Integer({ minimum: 0, description: 'gateway outbox id; echoed in the acknowledgement' }),
    id: Type.String({ minLength: 1, maxLength: 64, description: "the edge box's event id (idempotency)" }),
    camera: Id,
    category: AiCategory,
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    ts: EpochMs,
    snapshot: Type.Optional(Snapshot),
  },
  { additionalProperties: false },
);
export type AiEvent = Static<typeof AiEvent>;

/** up/ai: one AI event. */
export const AiMessage = Type.Object({ v: Type.Literal(1), event: AiEvent }, { additionalProperties: false });
export type AiMessage = Static<typeof AiMessage>;

/** Stream commands (down/cmd): `stream-start` is idempotent and also keeps a running stream alive. */
export const STREAM_IDLE_STOP_S = 30;
