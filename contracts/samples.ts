// Food-sample (食品留样) wire contract: what a sample cabinet's gateway reports
// when a sample is placed on or taken off a slot of its scale (rule book section 4).
// Sample events travel through the same outbox, acknowledgement and batching as readings.
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export const Meal = Type.Union(MEALS.map((m) => Type.Literal(m)));
export type Meal = Static<typeof Meal>;

/** A meal service: the day (site-local date) and the meal. */
export const ServiceRef = Type.Object(
  { date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), meal: Meal },
  { additionalProperties: false },
);
export type ServiceRef = Static<typeof ServiceRef>;

/** What the sample's printed label says, as scanned at the cabinet. */
export const SampleLabel = Type.Object(
  { dish: Type.String({ minLength: 1, maxLength: 40 }), service: ServiceRef },
  { additionalProperties: false },
);
export type SampleLabel = Static<typeof SampleLabel>;

export const SAMPLE_EVENT_TYPES = ['placed', 'removed'] as const;

/** A sample placed on or removed from a slot, detected from a stable change of the slot's weight. */
export const SampleEvent = Type.Object(
  {
    oid: Type.Integer({ minimum: 0, description: 'gateway outbox id; echoed in the acknowledgement' }),
    device: Id,
    seq: Type.Integer({ minimum: 0, description: 'per-device (the scale), strictly increasing' }),
    ts: Type.Integer({ minimum: 0, description: 'when the weight settled, device clock, ms since the epoch (UTC)' }),
    type: Type.Union(SAMPLE_EVENT_TYPES.map((t) => Type.Literal(t))),
    cabinet: Id,
    slot: Type.Integer({ minimum: 1, maximum: 64 }),
    netWeightG: Type.Number({ minimum: 0, maximum: 5000, description: 'stable net weight that arrived (placed) or left (removed), grams' }),
    scaleSerial: Type.String({ minLength: 1, maxLength: 40 }),
    label: Type.Optional(SampleLabel),
    badge: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'staff badge scanned with the act' })),
  },
  { additionalProperties: false },
);
export type SampleEvent = Static<typeof SampleEvent>;

/** up/sample: one sample event. */
export const SampleMessage = Type.Object(
  { v: Type.Literal(1), event: SampleEvent },
  { additionalProperties: false },
);
export type SampleMessage = Static<typeof SampleMessage>;
