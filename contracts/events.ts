// socket.io event maps (entity:verb). The server emits, the dashboard listens.
import type { Alert, Device, Kitchen, LatestReading, SampleDto } from './api.ts';
import type { AiEventDto, CameraDto } from './camera-api.ts';

export interface Snapshot {
  kitchens: Kitchen[];
  devices: Device[];
  latest: LatestReading[];
  alerts: Alert[];
  cameras: CameraDto[];
}

export interface ServerToClientEvents {
  'reading:new': (reading: LatestReading) => void;
  'alert:raised': (alert: Alert) => void;
  'alert:updated': (alert: Alert) => void;
  /** A food sample placed, removed, sealed, disposed or compromised. */
  'sample:updated': (sample: SampleDto) => void;
  /** A camera's health, streaming state or viewer count changed. */
  'camera:updated': (camera: CameraDto) => void;
  /** An AI event detected, repeated within its de-duplication window, or reviewed. */
  'ai:event': (event: AiEventDto) => void;
}

export interface ClientToServerEvents {
  /** Asks for the current state; sent on every (re)connect, then deltas follow. */
  'snapshot:get': (reply: (snapshot: Snapshot) => void) => void;
  /** Narrows live readings to one kitchen (the kitchen page); null: the whole district. */
  'kitchen:watch': (kitchenId: string | null) => void;
}
