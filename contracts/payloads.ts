// MQTT payload schemas (JSON, UTF-8). The schemas are the contract: the server
// validates every message against them and docs/protocol.md shows them.
import { Type, type Static } from '@sinclair/typebox';

export const PROTOCOL_VERSION = 1;

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const EpochMs = Type.Integer({ minimum: 0, description: 'device clock, ms since the Unix epoch (UTC)' });

export const DEVICE_KINDS = ['chiller', 'freezer', 'coldroom', 'sample_cabinet'] as const;
export const DeviceKind = Type.Union(DEVICE_KINDS.map((k) => Type.Literal(k)));
export type DeviceKind = Static<typeof DeviceKind>;

/** UCUM codes: degrees Celsius and Fahrenheit. The server stores Celsius. */
export const TemperatureUnit = Type.Union([Type.Literal('Cel'), Type.Literal('[degF]')]);
export type TemperatureUnit = Static<typeof TemperatureUnit>;

export const ProbeType = Type.Union([Type.Literal('air'), Type.Literal('buffered')]);
export type ProbeType = Static<typeof ProbeType>;

export const ProbeFault = Type.Union([
  Type.Literal('probe_open'),
  Type.Literal('probe_short'),
  Type.Literal('no_response'),
]);
export type ProbeFault = Static<typeof ProbeFault>;

/** One sample of one device, as the gateway read it. */
export const Reading = Type.Object(
  {
    oid: Type.Integer({ minimum: 0, description: 'gateway outbox id; echoed in the acknowledgement' }),
    device: Id,
    kind: DeviceKind,
    seq: Type.Integer({ minimum: 0, description: 'per-device, strictly increasing' }),
    ts: EpochMs,
    temp: Type.Union([Type.Number({ minimum: -100, maximum: 150 }), Type.Null()]),
    unit: TemperatureUnit,
    door: Type.Optional(Type.Boolean()),
    defrost: Type.Optional(Type.Boolean()),
    fault: Type.Optional(ProbeFault),
  },
  { additionalProperties: false },
);
export type Reading = Static<typeof Reading>;

/** up/reading: one live reading. */
export const ReadingMessage = Type.Object(
  { v: Type.Literal(PROTOCOL_VERSION), reading: Reading },
  { additionalProperties: false },
);
export type ReadingMessage = Static<typeof ReadingMessage>;

export const MAX_BATCH = 1000;

/** up/batch: catch-up after an outage, oldest first. */
export const BatchMessage = Type.Object(
  { v: Type.Literal(PROTOCOL_VERSION), readings: Type.Array(Reading, { minItems: 1, maxItems: MAX_BATCH }) },
  { additionalProperties: false },
);
export type BatchMessage = Static<typeof BatchMessage>;

/** What a gateway says about each device it polls, so the server knows how to judge it. */
export const DeviceInfo = Type.Object(
  {
    device: Id,
    kind: DeviceKind,
    name: Type.Optional(Type.String({ maxLength: 80 })),
    probe: Type.Optional(ProbeType),
    reportIntervalS: Type.Integer({ minimum: 1, maximum: 86400 }),
    defrostIntervalMin: Type.Optional(Type.Integer({ minimum: 1 })),
    defrostMaxMin: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type DeviceInfo = Static<typeof DeviceInfo>;

/** up/status, retained. The last will carries state "offline" without devices. */
export const StatusMessage = Type.Object(
  {
    v: Type.Literal(PROTOCOL_VERSION),
    state: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
    ts: Type.Optional(EpochMs),
    firmware: Type.Optional(Type.String({ maxLength: 40 })),
    outboxDepth: Type.Optional(Type.Integer({ minimum: 0 })),
    devices: Type.Optional(Type.Array(DeviceInfo, { maxItems: 256 })),
  },
  { additionalProperties: false },
);
export type StatusMessage = Static<typeof StatusMessage>;

/** down/ack: the end-to-end acknowledgement. `stored` are safely in InfluxDB;
 *  `rejected` will never be stored (invalid), so the gateway may forget both. */
export const AckMessage = Type.Object(
  {
    v: Type.Literal(PROTOCOL_VERSION),
    stored: Type.Array(Type.Integer({ minimum: 0 })),
    rejected: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
  },
  { additionalProperties: false },
);
export type AckMessage = Static<typeof AckMessage>;

/** notify: show an alert on the kitchen display (and sound its buzzer); args are flat: alertId,
 *  step, severity, ruleId, subject, text, buzzer, expiresAt (epoch ms or ISO time: after it the
 *  gateway refuses the notice with `expired`) (docs/protocol.md). */
export const COMMAND_NAMES = ['ping', 'set-interval', 'resend', 'stream-start', 'stream-stop', 'notify'] as const;

/** down/cmd: a command with a correlation id, answered on up/reply. */
export const CommandMessage = Type.Object(
  {
    v: Type.Literal(PROTOCOL_VERSION),
    id: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.Union(COMMAND_NAMES.map((n) => Type.Literal(n))),
    args: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
  },
  { additionalProperties: false },
);
export type CommandMessage = Static<typeof CommandMessage>;

export const ReplyMessage = Type.Object(
  {
    v: Type.Literal(PROTOCOL_VERSION),
    id: Type.String({ minLength: 1, maxLength: 64 }),
    ok: Type.Boolean(),
    result: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  },
  { additionalProperties: false },
);
export type ReplyMessage = Static<typeof ReplyMessage>;

/** Broker-enforced payload limits per channel, in bytes. */
export const PAYLOAD_LIMITS: Record<string, number> = {
  reading: 4 * 1024,
  batch: 512 * 1024,
  sample: 4 * 1024,
  status: 64 * 1024,
  reply: 16 * 1024,
  ack: 256 * 1024,
  cmd: 16 * 1024,
  camera: 64 * 1024,
  ai: 768 * 1024, // one JPEG snapshot, base64
  video: 256 * 1024, // one MPEG-TS chunk; the gateway cuts bigger reads
};
