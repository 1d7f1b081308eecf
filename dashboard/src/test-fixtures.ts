// Builders for unit tests: plausible DTOs with only the interesting fields given.
import type { Alert, Kitchen, LatestReading } from '../../contracts/api.ts';
import type { AiEventDto, CameraDto } from '../../contracts/camera-api.ts';

export function kitchen(id: string, name = id): Kitchen {
  return { id, name, district: '越秀区', address: '', siteType: '助餐点', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' };
}

export function reading(kitchenId: string, deviceId: string, ts: string, over: Partial<LatestReading> = {}): LatestReading {
  return { kitchenId, deviceId, ts, temp: 4, door: false, defrost: false, state: 'ok', ...over };
}

export function alert(id: number, over: Partial<Alert> = {}): Alert {
  return {
    id,
    kitchenId: 'k1',
    deviceId: 'c1',
    ruleId: 'FS-COLD-ALARM',
    severity: 'alarm',
    profile: 'CN-GB31654',
    status: 'active',
    message: '',
    firstOutAt: '2024-11-22T01:00:00.000Z',
    raisedAt: '2024-11-22T01:15:00.000Z',
    peakValue: 9.4,
    minutesOut: 15,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    closedAt: null,
    resolvedBy: null,
    cause: null,
    correctiveAction: null,
    disposition: null,
    closedBy: null,
    escalatedTo: null,
    escalatedAt: null,
    ...over,
  };
}

export function camera(kitchenId: string, cameraId: string, over: Partial<CameraDto> = {}): CameraDto {
  return {
    kitchenId,
    gatewayId: `gw-${kitchenId}`,
    cameraId,
    name: cameraId,
    area: 'cooking',
    online: true,
    since: '2024-11-22T00:00:00.000Z',
    fps: 15,
    bitrateKbps: 800,
    recorderDays: 30,
    requiredRetentionDays: 30,
    streaming: false,
    viewers: 0,
    lastSeenAt: '2024-11-22T02:00:00.000Z',
    uptime: { date: '2024-11-22', serviceMinutes: 120, onlineMinutes: 120, percent: 100 },
    streamPath: `/video/${kitchenId}/${cameraId}`,
    ...over,
  };
}

export function aiEvent(id: number, over: Partial<AiEventDto> = {}): AiEventDto {
  return {
    id,
    kitchenId: 'k1',
    cameraId: 'cam-1',
    category: 'no_mask',
    confidence: 0.9,
    detectedAt: '2024-11-22T02:00:00.000Z',
    lastDetectedAt: '2024-11-22T02:00:00.000Z',
    detections: 1,
    snapshotSha256: null,
    snapshotUrl: null,
    review: 'pending',
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    alertId: null,
    ...over,
  };
}
