// What the gateway says about its cameras, checked against the MQTT contract before
// it leaves: the server refuses an up/camera message as a whole (one bad camera would
// take every camera of the gateway offline), and an AI event that the broker or the
// server refuses would stay in the outbox and be sent again for ever.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { AiMessage, CameraHealth } from '../../contracts/cameras.ts';
import { PAYLOAD_LIMITS } from '../../contracts/payloads.ts';
import type { UnnumberedAiEvent } from '../outbox/outbox.ts';

const healthChecker = TypeCompiler.Compile(CameraHealth);
const aiMessageChecker = TypeCompiler.Compile(AiMessage);

/** The broker's limit for one up/ai message. */
const AI_LIMIT = PAYLOAD_LIMITS.ai ?? 768 * 1024;
/** The outbox numbers an event only once kept: measure it with the longest oid it could get. */
const LONGEST_OID = Number.MAX_SAFE_INTEGER;

export function isValidHealth(candidate: object): candidate is CameraHealth {
  return healthChecker.Check(candidate);
}

/** True when the event, once numbered, makes an up/ai message the schema and the broker accept. */
export function fitsAiMessage(candidate: object): candidate is UnnumberedAiEvent {
  const message = { v: 1, event: { ...candidate, oid: LONGEST_OID } };
  return aiMessageChecker.Check(message) && Buffer.byteLength(JSON.stringify(message)) <= AI_LIMIT;
}
