// Builders for unit tests: plausible DTOs with only the interesting fields given.
import type { Alert, Kitchen, LatestReading } from '../../contracts/api.ts';

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
    ...over,
  };
}
