// The app's state and the pure functions that change it: a snapshot replaces
// everything it carries, deltas (a reading, an alert, a camera, an AI event) patch it. The socket module feeds it;
// pages subscribe. No I/O here, so it is tested without a browser.
import type { Alert, Device, Kitchen, LatestReading } from '../../contracts/api.ts';
import type { AiEventDto, CameraDto } from '../../contracts/camera-api.ts';
import type { Snapshot } from '../../contracts/events.ts';
import { cameraKey, mergeAiEvents } from './bright-kitchen.ts';

export type Connection = 'connecting' | 'online' | 'offline';

export interface State {
  connection: Connection;
  /** False until the first snapshot: pages show "loading", not "empty". */
  ready: boolean;
  kitchens: ReadonlyMap<string, Kitchen>;
  /** Keyed by unitKey(kitchenId, deviceId). */
  latest: ReadonlyMap<string, LatestReading>;
  alerts: ReadonlyMap<number, Alert>;
  /** Keyed by unitKey; filled from REST, as the snapshot carries no devices. */
  devices: ReadonlyMap<string, Device>;
  /** Keyed by cameraKey(kitchenId, cameraId); from the snapshot, then camera:updated. */
  cameras: ReadonlyMap<string, CameraDto>;
  /** By id; the snapshot carries none: filled from REST by the feeds, then ai:event. At most AI_EVENTS_MAX. */
  aiEvents: ReadonlyMap<number, AiEventDto>;
}

export type Delta =
  | { type: 'reading'; reading: LatestReading }
  | { type: 'alert'; alert: Alert }
  | { type: 'camera'; camera: CameraDto }
  | { type: 'ai'; event: AiEventDto };

/** AI events held in the browser: the newest, enough for every feed on screen. */
export const AI_EVENTS_MAX = 500;

export const unitKey = (kitchenId: string, deviceId: string): string => `${kitchenId}/${deviceId}`;

export function emptyState(): State {
  return {
    connection: 'connecting',
    ready: false,
    kitchens: new Map(),
    latest: new Map(),
    alerts: new Map(),
    devices: new Map(),
    cameras: new Map(),
    aiEvents: new Map(),
  };
}

/** A snapshot replaces kitchens, readings, alerts and cameras, adds the devices it names, and keeps the AI events. */
export function applySnapshot(state: State, snap: Snapshot): State {
  // Devices come with the snapshot; a unit announced later is fetched by devices.ts.
  const devices = indexDevices(new Map(state.devices), snap.devices);
  return {
    ...state,
    ready: true,
    kitchens: new Map(snap.kitchens.map((k) => [k.id, k])),
    latest: new Map(snap.latest.map((r) => [unitKey(r.kitchenId, r.deviceId), r])),
    alerts: new Map(snap.alerts.map((a) => [a.id, a])),
    devices,
    // `?? []`: a server from before the bright kitchen sends no cameras.
    cameras: new Map((snap.cameras ?? []).map((c) => [cameraKey(c.kitchenId, c.cameraId), c])),
  };
}

export function applyDelta(state: State, delta: Delta): State {
  switch (delta.type) {
    case 'reading':
      return applyReading(state, delta.reading);
    case 'alert':
      return applyAlert(state, delta.alert);
    case 'camera':
      return applyCamera(state, delta.camera);
    case 'ai':
      return applyAiEvents(state, [delta.event]);
  }
}

/** Keeps the newest reading per unit: a late, older reading never overwrites a newer one. */
export function applyReading(state: State, reading: LatestReading): State {
  const key = unitKey(reading.kitchenId, reading.deviceId);
  const prev = state.latest.get(key);
  if (prev && Date.parse(prev.ts) > Date.parse(reading.ts)) return state;
  const latest = new Map(state.latest);
  latest.set(key, reading);
  return { ...state, latest };
}

/** Inserts or replaces an alert by id, unless the one held has changed more recently. */
export function applyAlert(state: State, alert: Alert): State {
  const prev = state.alerts.get(alert.id);
  if (prev && lastChange(prev) > lastChange(alert)) return state;
  const alerts = new Map(state.alerts);
  alerts.set(alert.id, alert);
  return { ...state, alerts };
}

/** A camera's health as the server last sent it (camera:updated carries the whole camera). */
export function applyCamera(state: State, camera: CameraDto): State {
  const cameras = new Map(state.cameras);
  cameras.set(cameraKey(camera.kitchenId, camera.cameraId), camera);
  return { ...state, cameras };
}

/** New or updated AI events (REST pages, ai:event, a review's answer); an older copy never wins. */
export function applyAiEvents(state: State, events: readonly AiEventDto[]): State {
  const aiEvents = mergeAiEvents(state.aiEvents, events, AI_EVENTS_MAX);
  return aiEvents === state.aiEvents ? state : { ...state, aiEvents };
}

export function applyDevices(state: State, devices: readonly Device[]): State {
  return { ...state, devices: indexDevices(new Map(state.devices), devices) };
}

export function setConnection(state: State, connection: Connection): State {
  return state.connection === connection ? state : { ...state, connection };
}

/** The latest moment an alert record changed, to tell a newer copy from an older one. */
export function lastChange(a: Alert): number {
  const times = [a.raisedAt, a.clearedAt, a.acknowledgedAt, a.resolvedAt, a.closedAt];
  return Math.max(...times.map((s) => (s ? Date.parse(s) : 0)));
}

function indexDevices(into: Map<string, Device>, devices: readonly Device[]): Map<string, Device> {
  for (const d of devices) into.set(unitKey(d.kitchenId, d.deviceId), d);
  return into;
}

export interface Store {
  get(): State;
  subscribe(fn: (state: State) => void): () => void;
  /** Marks a snapshot request in flight: deltas arriving meanwhile are replayed on top of it. */
  beginSnapshot(): void;
  snapshot(snap: Snapshot): void;
  /** The request got no answer: stop buffering for it, keep the state. */
  cancelSnapshot(): void;
  delta(delta: Delta): void;
  devices(devices: readonly Device[]): void;
  aiEvents(events: readonly AiEventDto[]): void;
  connection(connection: Connection): void;
}

export function createStore(initial: State = emptyState()): Store {
  let state = initial;
  let pending = 0;
  let buffered: Delta[] = [];
  const listeners = new Set<(s: State) => void>();
  const set = (next: State): void => {
    if (next === state) return;
    state = next;
    for (const fn of listeners) fn(state);
  };
  return {
    get: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    beginSnapshot() {
      pending += 1;
    },
    snapshot(snap) {
      // The server may build the snapshot asynchronously, so deltas that reached us
      // while it was on its way can be newer than what it holds: replay them.
      let next = applySnapshot(state, snap);
      for (const d of buffered) next = applyDelta(next, d);
      pending = Math.max(0, pending - 1);
      if (pending === 0) buffered = [];
      set(next);
    },
    cancelSnapshot() {
      pending = Math.max(0, pending - 1);
      if (pending === 0) buffered = [];
    },
    delta(d) {
      if (pending > 0) buffered.push(d);
      set(applyDelta(state, d));
    },
    devices: (list) => set(applyDevices(state, list)),
    aiEvents: (list) => set(applyAiEvents(state, list)),
    connection: (c) => set(setConnection(state, c)),
  };
}
