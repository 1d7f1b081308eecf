// Who is told about an alert, how and when (issue 5, rule book section 6): a site's escalation
// chain is a list of channels, each listening to some steps of an alert's life. Every attempt to
// reach a channel is a delivery record, kept with its outcome.
import { Type, type Static } from '@sinclair/typebox';

const Time = () => Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/**
 * - raised: an alert is raised (or re-alarmed);
 * - escalated_manager: unacknowledged after the profile's ackMin (15 min);
 * - escalated_inspector: critical and unresolved after criticalBoardHours (4 h) or at the site's day end;
 * - reminder: a registry reminder (FS-CAL-DUE, FS-REG-HEALTH-CERT, FS-REG-LICENCE).
 */
export const NOTIFY_STEPS = ['raised', 'escalated_manager', 'escalated_inspector', 'reminder'] as const;
export const NotifyStep = Type.Union(NOTIFY_STEPS.map((s) => Type.Literal(s)));
export type NotifyStep = Static<typeof NotifyStep>;

/**
 * - gateway: the kitchen's gateway over MQTT (command `notify`), which drives the kitchen display / buzzer;
 * - webhook: a JSON POST of the Notification below;
 * - wecom / dingtalk: their group-robot message formats (DingTalk's optional signature from `secret`).
 * The dashboard is not a channel: it always gets every alert live (socket.io), with sound for the kitchen.
 */
export const CHANNEL_KINDS = ['gateway', 'webhook', 'wecom', 'dingtalk'] as const;
export const ChannelKind = Type.Union(CHANNEL_KINDS.map((k) => Type.Literal(k)));
export type ChannelKind = Static<typeof ChannelKind>;

const HhMm = () => Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

/** Site-local hours in which only critical notifications go out; the rest wait for the end. */
export const QuietHours = Type.Object({ from: HhMm(), to: HhMm() }, { additionalProperties: false });
export type QuietHours = Static<typeof QuietHours>;

export const Channel = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  kind: ChannelKind,
  name: Type.String({ description: 'e.g. 食堂管理群, 店长手机' }),
  target: Type.String({ description: 'URL of a webhook / robot; gatewayId (or "*" for all) of a gateway channel' }),
  hasSecret: Type.Boolean({ description: 'a DingTalk signing secret is set (never sent back)' }),
  steps: Type.Array(NotifyStep, { minItems: 1 }),
  minSeverity: Type.Union([Type.Literal('reminder'), Type.Literal('warning'), Type.Literal('alarm'), Type.Literal('critical')]),
  quietHours: Type.Union([QuietHours, Type.Null()]),
  enabled: Type.Boolean(),
});
export type Channel = Static<typeof Channel>;

/** POST /api/kitchens/{id}/channels, PUT …/channels/{channelId} (admin, the kitchen's manager). */
export const ChannelRequest = Type.Object(
  {
    kind: ChannelKind,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    target: Type.String({ minLength: 1, maxLength: 500 }),
    secret: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    steps: Type.Array(NotifyStep, { minItems: 1, uniqueItems: true }),
    minSeverity: Type.Optional(Type.Union([Type.Literal('reminder'), Type.Literal('warning'), Type.Literal('alarm'), Type.Literal('critical')])),
    quietHours: Type.Optional(Type.Union([QuietHours, Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ChannelRequest = Static<typeof ChannelRequest>;

export const DELIVERY_STATUSES = ['pending', 'deferred', 'sent', 'failed', 'gave_up'] as const;
export const DeliveryStatus = Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)));
export type DeliveryStatus = Static<typeof DeliveryStatus>;

/** One notification of one alert step to one channel, with every attempt's outcome. */
export const Delivery = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  channelId: Type.Integer(),
  channelName: Type.String(),
  channelKind: ChannelKind,
  alertId: Type.Integer(),
  step: NotifyStep,
  status: DeliveryStatus,
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: Time(),
  lastAttemptAt: Type.Union([Time(), Type.Null()]),
  nextAttemptAt: Type.Union([Time(), Type.Null()], { description: 'deferred (quiet hours) or failed (retry backoff)' }),
  sentAt: Type.Union([Time(), Type.Null()]),
  lastError: Nullable(Type.String()),
});
export type Delivery = Static<typeof Delivery>;

/** The body a plain webhook receives (POST, application/json). */
export const Notification = Type.Object({
  step: NotifyStep,
  alertId: Type.Integer(),
  kitchenId: Type.String(),
  kitchenName: Type.String(),
  subject: Type.String({ description: 'the unit, camera, sample or registry item' }),
  ruleId: Type.String(),
  severity: Type.String(),
  status: Type.String(),
  message: Type.String(),
  raisedAt: Time(),
  url: Nullable(Type.String({ description: "the alert in the dashboard, when the server's public URL is known" })),
});
export type Notification = Static<typeof Notification>;
