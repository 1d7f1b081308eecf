// The kitchen edge box's HTTP JSON API (the NVR + AI box of a bright kitchen): what the
// gateway reads (gateway/cameras/edge-box-client.ts) and the simulator serves
// (firmware-sim/cameras/edge-box.ts). A device's API, not the project's MQTT contract:
// it stays on the kitchen network.
//
//   GET /api/cameras                       → EdgeCamera[]
//   GET /api/events?after=<seq>            → EdgeEventPage: { boot, events: EdgeEvent[] (seq > after, oldest first) }
//   GET /api/events/<id>/snapshot.jpg      → image/jpeg, 404 when the event has none
//
// A box numbers its events from 1 again after a restart, so its answer names the boot
// (a number that changes with every start, e.g. its start time in ms): a reader that
// sees a new boot reads from seq 0 again. Event ids stay unique across boots
// (evt-<kitchen>-<boot>-<seq>), since the server de-duplicates by them.
//
// The schemas below check the shape only: a box is a vendor's device, so the gateway
// checks the content (areas, categories, ranges) against the MQTT contract
// (contracts/cameras.ts) before anything leaves the kitchen.
import { Type, type Static } from '@sinclair/typebox';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const EdgeCamera = Type.Object({
  camera: Type.String(),
  name: Type.String(),
  /** One of CAMERA_AREAS. */
  area: Type.String(),
  rtspUrl: Type.String(),
  /** The camera's stream is up. */
  online: Type.Boolean(),
  /** null while offline: nothing to measure. */
  fps: NullableNumber,
  bitrateKbps: NullableNumber,
  /** Days of video the recorder keeps. */
  recorderDays: NullableNumber,
});
export type EdgeCamera = Static<typeof EdgeCamera>;

export const EdgeEvent = Type.Object({
  /** Per boot: 1, 2, 3… */
  seq: Type.Integer({ minimum: 1 }),
  id: Type.String(),
  camera: Type.String(),
  /** One of AI_CATEGORIES. */
  category: Type.String(),
  confidence: Type.Number(),
  /** The box's clock at detection, ms since the epoch. */
  ts: Type.Number(),
  /** A JPEG is served at /api/events/<id>/snapshot.jpg. */
  snapshot: Type.Boolean(),
});
export type EdgeEvent = Static<typeof EdgeEvent>;

/** The answer to GET /api/events. */
export interface EdgeEventPage {
  /** Changes with every start of the box (a non-negative integer). */
  boot: number;
  events: EdgeEvent[];
}
