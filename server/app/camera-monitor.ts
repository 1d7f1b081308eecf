// The bright kitchen's cameras (明厨亮灶, rule book section 5): each gateway's camera
// health, FS-CAM-OFFLINE during service hours with the inspector's uptime %, and
// FS-CAM-RETENTION. Rules come from server/domain/cameras; alerts share the cold chain's
// store with the camera id in the alert's device column.
//
// Camera health is a live poll (not stored and forwarded like readings), and a silent
// gateway can only be noticed on the server's clock, so every camera time here is the
// server's: one clock keeps each camera's transition log in order.
import type { Alert } from '../../contracts/api.ts';
import { streamPathOf, type CameraDto } from '../../contracts/camera-api.ts';
import type { CameraMessage } from '../../contracts/cameras.ts';
import { DEFAULT_PROFILE_ID, profileById, type Profile } from '../../contracts/profiles.ts';
import type { GatewayAddress } from '../../contracts/topics.ts';
import {
  offlineEvents, requiredRetentionDays, retentionEvents, serviceWindows, uptime,
  type CameraAlertEvent, type CameraRef, type CameraRuleId, type LastAlert, type MealSpan, type ServiceWindow,
} from '../domain/cameras/cameras.ts';
import type { AlertsRepo } from '../adapters/sql/alerts-repo.ts';
import type { CameraRecord, CamerasRepo } from '../adapters/sql/cameras-repo.ts';
import type { RegistryRepo } from '../adapters/sql/registry-repo.ts';
import type { MealTime, SamplesRepo } from '../adapters/sql/samples-repo.ts';
import { localDate, localTimeToUtc } from './site-time.ts';

/** Meal times of a kitchen that has set none (site-local). */
export const DEFAULT_MEAL_TIMES: readonly MealTime[] = Object.freeze([
  { meal: 'breakfast', starts: '06:30', ends: '08:30' },
  { meal: 'lunch', starts: '11:00', ends: '13:00' },
  { meal: 'dinner', starts: '17:00', ends: '19:00' },
]);

/** The gateway reports its cameras every 10 s (gateway/cameras/gateway-cameras.ts); after 3 missed reports we cannot see them. */
export const CAMERA_REPORT_INTERVAL_MS = 10_000;
export const CAMERA_STALE_AFTER_MS = 3 * CAMERA_REPORT_INTERVAL_MS;
/** How many site-local days of service windows an offline span is judged over, at most (bounds the work, not a rule). */
const MAX_SPAN_DAYS = 31;
const DAY_MS = 24 * 3_600_000;

export interface CameraMonitorDeps {
  cameras: CamerasRepo;
  registry: RegistryRepo;
  samples: Pick<SamplesRepo, 'mealTimes'>;
  alerts: AlertsRepo;
  now(): number;
  emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert): void;
  emitCamera(dto: CameraDto): void;
  viewersOf(kitchenId: string, cameraId: string): number;
  /** Since when the server's own link to the broker has been up; null while it is down. Absent: always up.
   *  Cameras are judged silent only after the link has been up a while, and never for the time it was down:
   *  the server's own absence is not the kitchen's camera being off. */
  linkUpSince?(): number | null;
  /** [FS-CAM-RETENTION] The days of video the kitchen's jurisdiction requires; null or absent: it sets none. */
  jurisdictionRetentionDays?(kitchenId: string): number | null;
  onRaised?(ruleId: string): void;
  onCheckFailed?(kitchenId: string, err: Error): void;
}

/** The next calendar date of 'YYYY-MM-DD'. */
const nextDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

export function createCameraMonitor(deps: CameraMonitorDeps) {
  const profileOf = (kitchenId: string): Profile => profileById(deps.registry.getKitchen(kitchenId)?.profile ?? DEFAULT_PROFILE_ID);
  const zoneOf = (kitchenId: string) => deps.registry.getKitchen(kitchenId)?.timezone ?? 'Asia/Shanghai';
  const ref = (c: CameraRecord): CameraRef => ({ id: c.cameraId, name: c.name });

  function mealSpans(kitchenId: string, date: string, zone: string): MealSpan[] {
    const times = deps.samples.mealTimes(kitchenId);
    return (times.length > 0 ? times : DEFAULT_MEAL_TIMES).map((t) => {
      const startsAt = localTimeToUtc(date, t.starts, zone);
      const endsAt = localTimeToUtc(date, t.ends, zone);
      return { meal: t.meal, startsAt, endsAt: endsAt > startsAt ? endsAt : endsAt + DAY_MS }; // a meal past midnight
    });
  }

  /** Service windows of every site-local day from `from`'s to `to`'s (at most MAX_SPAN_DAYS, the latest). */
  function windowsBetween(kitchenId: string, profile: Profile, from: number, to: number): ServiceWindow[] {
    const zone = zoneOf(kitchenId);
    const last = localDate(to, zone);
    let date = localDate(Math.max(from, to - MAX_SPAN_DAYS * DAY_MS), zone);
    const meals = mealSpans(kitchenId, date, zone);
    while (date < last) {
      date = nextDate(date);
      meals.push(...mealSpans(kitchenId, date, zone));
    }
    return serviceWindows(meals, profile);
  }

  /**
   * The alert of a camera and rule that the rule needs: the live one, or else the one
   * raised for the episode that began at `episode` (closed by a person meanwhile).
   */
  function lastAlert(c: CameraRecord, ruleId: CameraRuleId, episode: number | null): LastAlert | null {
    const live = deps.alerts.findLive(c.kitchenId, c.cameraId, ruleId);
    if (live) return { firstOutAt: Date.parse(live.firstOutAt), live: true };
    if (episode === null) return null;
    const raised = deps.alerts.byRules(c.kitchenId, [ruleId], episode)
      .some((a) => a.deviceId === c.cameraId && Date.parse(a.firstOutAt) === episode);
    return raised ? { firstOutAt: episode, live: false } : null;
  }

  function apply(c: CameraRecord, profile: Profile, events: CameraAlertEvent[]) {
    const { kitchenId, cameraId: deviceId } = c;
    for (const e of events) {
      if (e.type === 'raise') {
        const { alert, created } = deps.alerts.raise({
          kitchenId, deviceId, ruleId: e.ruleId, severity: e.severity, profile: profile.id,
          message: e.message, firstOutAt: e.firstOutAt, raisedAt: e.at, value: null, storedAt: deps.now(),
        });
        if (created) deps.onRaised?.(e.ruleId);
        deps.emitAlert('alert:raised', deps.alerts.progress(kitchenId, deviceId, e.ruleId, null, e.minutesOut) ?? alert);
      } else if (e.type === 'progress') {
        const alert = deps.alerts.progress(kitchenId, deviceId, e.ruleId, null, e.minutesOut);
        if (alert) deps.emitAlert('alert:updated', alert);
      } else {
        const alert = deps.alerts.clear(kitchenId, deviceId, e.ruleId, e.at, null, e.minutesOut);
        if (alert) deps.emitAlert('alert:updated', alert);
      }
    }
  }

  /** [FS-CAM-OFFLINE] */
  function checkOffline(c: CameraRecord, now: number) {
    const episode = c.online ? null : c.since;
    const last = lastAlert(c, 'FS-CAM-OFFLINE', episode);
    if (episode === null && !last?.live) return; // online with nothing to clear
    const from = Math.min(episode ?? now, last?.firstOutAt ?? now);
    const profile = profileOf(c.kitchenId);
    const input = {
      camera: ref(c), transitions: deps.cameras.transitions(c.kitchenId, c.cameraId, from),
      windows: windowsBetween(c.kitchenId, profile, from, now), now, profile,
    };
    apply(c, profile, offlineEvents(input, last));
  }

  /** [FS-CAM-RETENTION] */
  function checkRetention(c: CameraRecord, now: number) {
    const profile = profileOf(c.kitchenId);
    const input = {
      camera: ref(c), recorderDays: c.recorderDays, jurisdictionDays: deps.jurisdictionRetentionDays?.(c.kitchenId) ?? null,
      shortSince: c.retentionShortSince, now, profile,
    };
    const result = retentionEvents(input, lastAlert(c, 'FS-CAM-RETENTION', c.retentionShortSince));
    if (result.shortSince !== c.retentionShortSince) deps.cameras.setRetentionShortSince(c.kitchenId, c.cameraId, result.shortSince);
    apply(c, profile, result.events);
  }

  function toDto(c: CameraRecord, now: number): CameraDto {
    const profile = profileOf(c.kitchenId);
    const zone = zoneOf(c.kitchenId);
    const date = localDate(now, zone);
    const windows = serviceWindows(mealSpans(c.kitchenId, date, zone), profile);
    const from = windows[0]?.startsAt ?? now;
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      kitchenId: c.kitchenId, gatewayId: c.gatewayId, cameraId: c.cameraId, name: c.name, area: c.area, online: c.online,
      since: iso(c.since), fps: c.fps, bitrateKbps: c.bitrateKbps, recorderDays: c.recorderDays,
      requiredRetentionDays: requiredRetentionDays(profile.cameras, deps.jurisdictionRetentionDays?.(c.kitchenId) ?? null),
      streaming: c.streaming, viewers: deps.viewersOf(c.kitchenId, c.cameraId),
      lastSeenAt: c.lastSeenAt === null ? null : iso(c.lastSeenAt),
      uptime: { date, ...uptime(deps.cameras.transitions(c.kitchenId, c.cameraId, from), windows, now) },
      streamPath: streamPathOf(c.kitchenId, c.cameraId),
    };
  }

  const publish = (c: CameraRecord | undefined, now: number) => {
    if (c) deps.emitCamera(toDto(c, now));
  };

  /** A camera we cannot see any more, from when it was last seen (or the server's link came up, if later). */
  function lose(c: CameraRecord, now: number, notBefore = -Infinity) {
    const lost = deps.cameras.markOffline(c.kitchenId, c.cameraId, Math.max(c.lastSeenAt ?? now, notBefore));
    if (!lost) return;
    publish(lost, now);
    checkOffline(lost, now);
  }

  function guarded(kitchenId: string, job: () => void) {
    try {
      job();
    } catch (err) {
      deps.onCheckFailed?.(kitchenId, err as Error); // one kitchen's bad data must not stop the others' checks
    }
  }

  const stats = { checks: 0 };

  return {
    stats,
    /** up/camera: every camera of a gateway, judged at once for FS-CAM-RETENTION (and FS-CAM-OFFLINE on a change). */
    onHealth(gw: GatewayAddress, msg: CameraMessage) {
      const now = deps.now();
      for (const h of msg.cameras) {
        // Dated by the gateway's report, so reports queued while the server was away keep their order and
        // times; never before the camera's last report (a wrong gateway clock) nor after now.
        const lastSeen = deps.cameras.getCamera(gw.kitchenId, h.camera)?.lastSeenAt ?? -Infinity;
        const at = Math.min(now, Math.max(msg.ts, lastSeen));
        const { camera, changed, transition } = deps.cameras.saveHealth(gw.kitchenId, gw.gatewayId, h, at);
        checkRetention(camera, now);
        if (transition) checkOffline(camera, now);
        if (changed) publish(camera, now);
      }
    },
    /** The gateway is gone (its last will, or its own offline status): none of its cameras can be seen. */
    onGatewayOffline(gw: GatewayAddress) {
      const now = deps.now();
      const linkUp = deps.linkUpSince?.() ?? -Infinity;
      for (const c of deps.cameras.gatewayCameras(gw.kitchenId, gw.gatewayId)) if (c.online) lose(c, now, linkUp);
    },
    /** Every few seconds, on the server's clock: silent cameras go offline; FS-CAM-OFFLINE for every camera. */
    tick() {
      const now = deps.now();
      const linkUp = deps.linkUpSince ? deps.linkUpSince() : -Infinity;
      // Silence means something only once the link has been up long enough to have heard the cameras.
      if (linkUp !== null && now - linkUp >= CAMERA_STALE_AFTER_MS) {
        for (const c of deps.cameras.staleCameras(now - CAMERA_STALE_AFTER_MS)) guarded(c.kitchenId, () => lose(c, now, linkUp));
      }
      for (const c of deps.cameras.listCameras()) guarded(c.kitchenId, () => checkOffline(c, now));
      stats.checks++;
    },
    list(kitchenId?: string): CameraDto[] {
      const now = deps.now();
      return deps.cameras.listCameras(kitchenId).map((c) => toDto(c, now));
    },
    get(kitchenId: string, cameraId: string): CameraDto | undefined {
      const c = deps.cameras.getCamera(kitchenId, cameraId);
      return c && toDto(c, deps.now());
    },
    /** Pushes a camera again (its viewer count changed) and returns it as the API shows it. */
    refresh(kitchenId: string, cameraId: string): CameraDto | undefined {
      const c = deps.cameras.getCamera(kitchenId, cameraId);
      if (!c) return undefined;
      const dto = toDto(c, deps.now());
      deps.emitCamera(dto);
      return dto;
    },
  };
}

export type CameraMonitor = ReturnType<typeof createCameraMonitor>;
