// REST DTOs shared by the server (responses, OpenAPI) and the dashboard (requests).
import { Type, type Static } from '@sinclair/typebox';
import { DeviceKind, ProbeType } from './payloads.ts';
import { Cause, Disposition } from './alert-workflow.ts';

export const Kitchen = Type.Object({
  id: Type.String(),
  name: Type.String(),
  district: Type.String(),
  address: Type.String(),
  siteType: Type.String({ description: '助餐服务中心 / 助餐点 / 中央厨房 / 养老机构食堂' }),
  timezone: Type.String(),
  profile: Type.String(),
  /** From the registry (contracts/registry.ts), for the inspector's map and grid. */
  lat: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  lng: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  riskGrade: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type Kitchen = Static<typeof Kitchen>;

export const Device = Type.Object({
  kitchenId: Type.String(),
  gatewayId: Type.String(),
  deviceId: Type.String(),
  kind: DeviceKind,
  name: Type.String(),
  probe: ProbeType,
  reportIntervalS: Type.Integer(),
  defrostIntervalMin: Type.Union([Type.Integer(), Type.Null()]),
  defrostMaxMin: Type.Union([Type.Integer(), Type.Null()]),
});
export type Device = Static<typeof Device>;

export const Gateway = Type.Object({
  kitchenId: Type.String(),
  gatewayId: Type.String(),
  state: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
  since: Type.String({ format: 'date-time', description: 'when it entered this state' }),
  firmware: Type.Union([Type.String(), Type.Null()]),
  outboxDepth: Type.Union([Type.Integer(), Type.Null()], { description: 'readings waiting for acknowledgement, as last reported' }),
});
export type Gateway = Static<typeof Gateway>;

export const UNIT_STATES = ['ok', 'warning', 'alarm', 'critical', 'offline', 'unknown'] as const;
export const UnitState = Type.Union(UNIT_STATES.map((s) => Type.Literal(s)));
export type UnitState = Static<typeof UnitState>;

export const LatestReading = Type.Object({
  kitchenId: Type.String(),
  deviceId: Type.String(),
  ts: Type.String({ format: 'date-time' }),
  temp: Type.Union([Type.Number(), Type.Null()]),
  door: Type.Boolean(),
  defrost: Type.Boolean(),
  state: UnitState,
});
export type LatestReading = Static<typeof LatestReading>;

export const SeriesPoint = Type.Object({
  ts: Type.String({ format: 'date-time' }),
  temp: Type.Union([Type.Number(), Type.Null()]),
  min: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  max: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const Series = Type.Object({
  kitchenId: Type.String(),
  deviceId: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  bucketSeconds: Type.Union([Type.Integer(), Type.Null()], { description: 'null: raw points' }),
  points: Type.Array(SeriesPoint),
});
export type Series = Static<typeof Series>;

/** reminder: a registry item due soon (FS-CAL-DUE, FS-REG-*), below every food-safety severity. */
export const SEVERITIES = ['reminder', 'warning', 'alarm', 'critical'] as const;
export const Severity = Type.Union(SEVERITIES.map((s) => Type.Literal(s)));
export type Severity = Static<typeof Severity>;

export const ALERT_STATUSES = ['active', 'acknowledged', 'resolved', 'closed'] as const;
export const AlertStatus = Type.Union(ALERT_STATUSES.map((s) => Type.Literal(s)));
export type AlertStatus = Static<typeof AlertStatus>;

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Time = () => Type.String({ format: 'date-time' });

/** An alert record as the rule book (section 6) describes it. */
export const Alert = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  deviceId: Type.String(),
  ruleId: Type.String(),
  severity: Severity,
  profile: Type.String(),
  status: AlertStatus,
  message: Type.String(),
  firstOutAt: Time(),
  raisedAt: Time(),
  peakValue: Type.Union([Type.Number(), Type.Null()]),
  minutesOut: Type.Number(),
  clearedAt: Nullable(Time()),
  acknowledgedAt: Nullable(Time()),
  acknowledgedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Time()),
  closedAt: Nullable(Time()),
  /** The kitchen's corrective action (rule book section 6), recorded when it resolves the alert. */
  resolvedBy: Nullable(Type.String()),
  cause: Type.Union([Cause, Type.Null()]),
  correctiveAction: Nullable(Type.String()),
  disposition: Type.Union([Disposition, Type.Null()]),
  /** Who verified the corrective action and closed the alert. */
  closedBy: Nullable(Type.String()),
  /** Escalation (rule book section 6): to the site manager when unacknowledged for 15 min,
   *  to the inspector's board when critical and unresolved for 4 h or at the site's day end. */
  escalatedTo: Type.Union([Type.Literal('manager'), Type.Literal('inspector'), Type.Null()]),
  escalatedAt: Nullable(Time()),
});
export type Alert = Static<typeof Alert>;

export const ApiError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});
export type ApiError = Static<typeof ApiError>;

const SAMPLE_STATUS_VALUES = ['ok', 'light', 'marginal', 'missing', 'removed-early', 'compromised', 'sealed', 'disposed', 'pending'] as const;
export const SampleStatusDto = Type.Union(SAMPLE_STATUS_VALUES.map((s) => Type.Literal(s)), {
  description: 'pending: the service has not reached its missing-sample deadline yet',
});

/** One food sample (留样) in the ledger, with its status now. Times are ISO UTC. */
export const SampleDto = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  date: Type.String({ description: 'site-local service date, YYYY-MM-DD' }),
  meal: Type.Union([Type.Literal('breakfast'), Type.Literal('lunch'), Type.Literal('dinner')]),
  dish: Type.String(),
  netWeightG: Type.Number(),
  scaleSerial: Type.String(),
  cabinet: Type.String(),
  slot: Type.Integer(),
  placedAt: Time(),
  placedBy: Type.String(),
  photoRef: Nullable(Type.String()),
  removedAt: Nullable(Time()),
  removedBy: Nullable(Type.String()),
  sealedAt: Nullable(Time()),
  sealedBy: Nullable(Type.String()),
  disposedAt: Nullable(Time()),
  disposedBy: Nullable(Type.String()),
  retentionEndsAt: Time(),
  /** The cabinet's temperatures over this sample's retention (placed → removed, or 48 h): the series API. */
  cabinetSeries: Type.String({ description: 'path of GET …/devices/{cabinet}/series for the retention period' }),
  status: SampleStatusDto,
});
export type SampleDto = Static<typeof SampleDto>;

/** A kitchen's sample board for one day: each service, each dish on its menu and its sample. */
export const SampleDay = Type.Object({
  kitchenId: Type.String(),
  date: Type.String(),
  services: Type.Array(Type.Object({
    meal: Type.Union([Type.Literal('breakfast'), Type.Literal('lunch'), Type.Literal('dinner')]),
    startsAt: Time(),
    dishes: Type.Array(Type.Object({ dish: Type.String(), status: SampleStatusDto, sample: Type.Union([SampleDto, Type.Null()]) })),
    extra: Type.Array(SampleDto, { description: 'samples of dishes not on the menu' }),
  })),
});
export type SampleDay = Static<typeof SampleDay>;
