// Decoding of MQTT payloads against the contract. Pure: the caller counts and logs.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TSchema, Static } from '@sinclair/typebox';
import {
  AckMessage, BatchMessage, CommandMessage, Reading, ReadingMessage, ReplyMessage, StatusMessage,
} from './payloads.ts';
import type { DownChannel, UpChannel } from './topics.ts';
import { SampleMessage } from './samples.ts';
import { AiMessage, CameraMessage } from './cameras.ts';

/** Stable reasons a message is rejected; they label the rejection counter. */
export const REJECT_REASONS = ['bad_topic', 'bad_json', 'bad_version', 'schema', 'future_ts', 'sample_record', 'ai_event', 'too_large'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: RejectReason; detail: string };

const schemas = {
  reading: ReadingMessage,
  batch: BatchMessage,
  sample: SampleMessage,
  status: StatusMessage,
  reply: ReplyMessage,
  ack: AckMessage,
  cmd: CommandMessage,
  camera: CameraMessage,
  ai: AiMessage,
} satisfies Record<UpChannel | DownChannel, TSchema>;

export interface ChannelMessages {
  reading: Static<typeof ReadingMessage>;
  batch: Static<typeof BatchMessage>;
  sample: Static<typeof SampleMessage>;
  status: Static<typeof StatusMessage>;
  reply: Static<typeof ReplyMessage>;
  ack: Static<typeof AckMessage>;
  cmd: Static<typeof CommandMessage>;
  camera: Static<typeof CameraMessage>;
  ai: Static<typeof AiMessage>;
}

const checkers = Object.fromEntries(
  Object.entries(schemas).map(([channel, schema]) => [channel, TypeCompiler.Compile(schema)]),
) as { [C in keyof ChannelMessages]: ReturnType<typeof TypeCompiler.Compile<(typeof schemas)[C]>> };

const readingChecker = TypeCompiler.Compile(Reading);

/** The payload as text without copying it first (Buffer.from(buffer) copies). */
function text(payload: Uint8Array | string): string {
  if (typeof payload === 'string') return payload;
  return Buffer.isBuffer(payload) ? payload.toString('utf8') : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: RejectReason; detail: string };

function parseEnvelope(payload: Uint8Array | string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text(payload));
  } catch (err) {
    return { ok: false, reason: 'bad_json', detail: (err as Error).message };
  }
  if (typeof value === 'object' && value !== null && 'v' in value && value.v !== 1) {
    return { ok: false, reason: 'bad_version', detail: `unsupported protocol version ${String(value.v)}` };
  }
  return { ok: true, value };
}

function firstError(checker: { Errors(value: unknown): { First(): { path: string; message: string } | undefined } }, value: unknown): string {
  const first = checker.Errors(value).First();
  return first ? `${first.path || '/'}: ${first.message}` : 'does not match the schema';
}

export function decodePayload<C extends keyof ChannelMessages>(
  channel: C,
  payload: Uint8Array | string,
): Decoded<ChannelMessages[C]> {
  const parsed = parseEnvelope(payload);
  if (!parsed.ok) return parsed;
  const checker = checkers[channel];
  if (checker.Check(parsed.value)) return { ok: true, value: parsed.value as ChannelMessages[C] };
  return { ok: false, reason: 'schema', detail: firstError(checker, parsed.value) };
}

/** A batch that failed validation but whose readings could be judged one by one. */
export interface SalvagedBatch { valid: Reading[]; invalidOids: number[] }

/** up/batch in one parse: the whole batch is checked once; only when that fails
 *  are its readings checked one by one (salvage), on the same parsed value. */
export function decodeBatch(payload: Uint8Array | string):
  | { ok: true; value: ChannelMessages['batch'] }
  | { ok: false; reason: RejectReason; detail: string; salvaged: SalvagedBatch | null } {
  const parsed = parseEnvelope(payload);
  if (!parsed.ok) return { ...parsed, salvaged: null };
  if (checkers.batch.Check(parsed.value)) return { ok: true, value: parsed.value };
  return { ok: false, reason: 'schema', detail: firstError(checkers.batch, parsed.value), salvaged: salvage(parsed.value) };
}

export function encodePayload<C extends keyof ChannelMessages>(_channel: C, message: ChannelMessages[C]): string {
  return JSON.stringify(message);
}

/** The outbox id of a single-event message (up/sample, up/ai) that failed its schema, when it
 *  can still be read: the server acknowledges it as rejected, so the gateway stops re-sending a
 *  message that will never be stored. */
export function eventOidOf(payload: Uint8Array | string): number | null {
  const parsed = parseEnvelope(payload);
  const oid = parsed.ok ? (parsed.value as { event?: { oid?: unknown } })?.event?.oid : undefined;
  return Number.isSafeInteger(oid) && (oid as number) >= 0 ? (oid as number) : null;
}

/** Splits a batch that failed validation into its valid readings and the outbox
 *  ids of the invalid ones, so one bad reading does not cost the rest. */
export function salvageBatch(payload: Uint8Array | string): SalvagedBatch | null {
  const parsed = parseEnvelope(payload);
  return parsed.ok ? salvage(parsed.value) : null;
}

function salvage(value: unknown): SalvagedBatch | null {
  const readings = (value as { readings?: unknown })?.readings;
  if ((value as { v?: unknown })?.v !== 1 || !Array.isArray(readings)) return null;
  const valid: Reading[] = [];
  const invalidOids: number[] = [];
  for (const r of readings) {
    if (readingChecker.Check(r)) valid.push(r);
    else if (Number.isInteger((r as { oid?: unknown })?.oid) && (r as { oid: number }).oid >= 0) invalidOids.push((r as { oid: number }).oid);
  }
  return { valid, invalidOids };
}
