// What the video benchmark's processes agree on: the kitchens' camera specs and the
// IPC messages of the cameras and gateways children. A module of its own because
// those children run their work at import: the bench must not import them.

/** Every kitchen has one camera, cam-1: the benchmark watches one camera per kitchen. */
export const CAMERA_ID = 'cam-1';

export interface CameraKitchenSpec { kitchenId: string; width: number; height: number; fps: number; bitrateKbps: number }
export interface StartedKitchen { kitchenId: string; edgeBoxUrl: string; rtspUrl: string }
export type CamerasRequest = { op: 'start'; kitchens: CameraKitchenSpec[] } | { op: 'stop'; kitchenIds: string[] };

export interface GatewaySpec { kitchenId: string; gatewayId: string; secret: string; edgeBoxUrl: string }
export type GatewaysRequest = { op: 'add'; gateways: GatewaySpec[] } | { op: 'remove'; kitchenIds: string[] } | { op: 'stats' };
/** Summed over the running gateways (gateway/cameras/live-streams.ts): a start in a steady window is a restart. */
export interface GatewayStreamStats { started: number; chunksSent: number; chunksDropped: number }
