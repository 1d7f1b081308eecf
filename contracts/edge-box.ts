// The kitchen edge box's HTTP JSON API (the NVR + AI box of a bright kitchen): what the
// gateway reads (gateway/cameras/edge-box-client.ts) and the simulator serves
// (firmware-sim/cameras/edge-box.ts). A device's API, not the project's MQTT contract:
// it stays on the kitchen network.
//
//   GET /api/cameras                       → EdgeCamera[]
//   GET /api/events?after=<seq>            → EdgeEvent[] (seq > after, oldest first)
//   GET /api/events/<id>/snapshot.jpg      → image/jpeg, 404 when the event has none
import type { AiCategory, CameraArea } from './cameras.ts';

export interface EdgeCamera {
  camera: string;
  name: string;
  area: CameraArea;
  rtspUrl: string;
  /** The camera's stream is up. */
  online: boolean;
  /** null while offline: nothing to measure. */
  fps: number | null;
  bitrateKbps: number | null;
  /** Days of video the recorder keeps. */
  recorderDays: number | null;
}

export interface EdgeEvent {
  seq: number;
  id: string;
  camera: string;
  category: AiCategory;
  confidence: number;
  /** The box's clock at detection, ms since the epoch. */
  ts: number;
  /** A JPEG is served at /api/events/<id>/snapshot.jpg. */
  snapshot: boolean;
}
