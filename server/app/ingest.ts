// The uplink pipeline: topic → contract validation → storage, rules and live
// view. Bad input is counted by reason, logged once per gateway per window and
// dropped; nothing here throws into the MQTT client.
import { parseTopic, type GatewayAddress } from '../../contracts/topics.ts';
import type { Reading, ReplyMessage, StatusMessage } from '../../contracts/payloads.ts';
import type { SampleEvent } from '../../contracts/samples.ts';
import type { SampleEventOutcome } from './sample-ledger.ts';
import type { AiEvent, CameraMessage } from '../../contracts/cameras.ts';
import { decodeBatch, decodePayload, eventOidOf, type RejectReason } from '../../contracts/validate.ts';
import { readingLine, type StoredReading } from '../adapters/influx/line-protocol.ts';
import type { BatchWriter, PendingPoint } from '../adapters/influx/batch-writer.ts';
import type { AckRef } from './acks.ts';
import type { Metrics } from './metrics.ts';

export interface IngestDeps {
  writer: Pick<BatchWriter<AckRef>, 'offer'>;
  metrics: Metrics;
  warnOnce(key: string, obj: object, msg: string): void;
  /** Readings accepted for storage, in arrival order, already normalised. */
  onReadings(gw: GatewayAddress, readings: StoredReading[]): void;
  onStatus(gw: GatewayAddress, status: StatusMessage, receivedAt: number): void;
  onRejectedOids(gw: GatewayAddress, oids: number[]): void;
  /** A gateway's answer to a command, matched by its correlation id. */
  onReply(gw: GatewayAddress, reply: ReplyMessage): void;
  /** A food-sample event; stored ones are acknowledged at once (the ledger is SQL, written synchronously). */
  onSample(gw: GatewayAddress, event: SampleEvent): SampleEventOutcome;
  onStoredOids(gw: GatewayAddress, oids: number[]): void;
  /** Bright kitchen: the gateway's cameras' health, and an AI event (acknowledged once stored). */
  onCameras(gw: GatewayAddress, message: CameraMessage): void;
  onAiEvent(gw: GatewayAddress, event: AiEvent): { stored: true } | { stored: false; reason: string };
  now(): number;
}

/** How far a device clock may run ahead of the server's before its readings are refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

const toCelsius = (r: Reading): number | null =>
  r.temp === null ? null : r.unit === '[degF]' ? Math.round(((r.temp - 32) * 5 / 9) * 100) / 100 : r.temp;

export function createIngest(deps: IngestDeps) {
  function reject(reason: RejectReason, key: string, detail: string, n = 1) {
    deps.metrics.messagesRejected.inc({ reason }, n);
    deps.warnOnce(`${key}:${reason}`, { source: key, reason, detail }, 'message rejected');
  }

  // Runs for every reading (up to a million a minute in the benchmark): one pass,
  // object literals of one fixed shape, no spreads. `{ ...r, ...gw }` and a second
  // map over the readings were the largest self time and most of the garbage in
  // the ingest profile (docs/decisions/0004-ingest-performance.md).
  function acceptReadings(gw: GatewayAddress, readings: Reading[]) {
    if (readings.length === 0) return;
    const { kitchenId, gatewayId } = gw;
    const stored: StoredReading[] = [];
    const points: PendingPoint<AckRef>[] = [];
    // A reading stamped in the future would stop the unit's rules (they judge in device-time
    // order and skip anything older) and sit ahead of every chart: it is refused, not stored.
    const latest = deps.now() + MAX_CLOCK_AHEAD_MS;
    let future: number[] | undefined;
    for (const r of readings) {
      if (r.ts > latest) {
        (future ??= []).push(r.oid);
        continue;
      }
      const s: StoredReading = {
        oid: r.oid, device: r.device, kind: r.kind, seq: r.seq, ts: r.ts, temp: r.temp, unit: r.unit,
        door: r.door, defrost: r.defrost, fault: r.fault, kitchenId, gatewayId, tempC: toCelsius(r),
      };
      stored.push(s);
      points.push({ line: readingLine(s), ack: { kitchenId, gatewayId, oid: r.oid } });
    }
    if (future) {
      reject('future_ts', `${kitchenId}/${gatewayId}`, `timestamp more than ${MAX_CLOCK_AHEAD_MS / 60_000} min ahead of the server`, future.length);
      deps.onRejectedOids(gw, future);
    }
    if (points.length === 0 || !deps.writer.offer(points)) return; // a full buffer counts itself; resent later
    deps.metrics.readingsReceived.inc(points.length);
    deps.onReadings(gw, stored);
  }

  function handleBatch(gw: GatewayAddress, key: string, payload: Buffer) {
    const decoded = decodeBatch(payload);
    if (decoded.ok) return acceptReadings(gw, decoded.value.readings);
    const salvaged = decoded.salvaged;
    if (!salvaged) return reject(decoded.reason, key, decoded.detail);
    reject('schema', key, decoded.detail, salvaged.invalidOids.length || 1);
    if (salvaged.invalidOids.length) deps.onRejectedOids(gw, salvaged.invalidOids);
    acceptReadings(gw, salvaged.valid);
  }

  /** An event recorded in SQL is acknowledged at once; one it cannot record, rejected. */
  function settle(gw: GatewayAddress, key: string, oid: number, outcome: { stored: true } | { stored: false; reason: string }, reason: RejectReason) {
    if (outcome.stored) return deps.onStoredOids(gw, [oid]);
    reject(reason, key, outcome.reason);
    deps.onRejectedOids(gw, [oid]);
  }

  /** A sample or AI event that fails its schema is never stored: counted, and acknowledged as
   *  rejected when its outbox id can be read, or its gateway would re-send it for ever. */
  function rejectEvent(gw: GatewayAddress, key: string, payload: Buffer, failure: { reason: RejectReason; detail: string }) {
    reject(failure.reason, key, failure.detail);
    const oid = failure.reason === 'schema' ? eventOidOf(payload) : null;
    if (oid !== null) deps.onRejectedOids(gw, [oid]);
  }

  return function handleUplink(topic: string, payload: Buffer): void {
    const parsed = parseTopic(topic);
    if (!parsed || parsed.direction !== 'up') return reject('bad_topic', topic, 'not an uplink topic of this protocol');
    const gw = { kitchenId: parsed.kitchenId, gatewayId: parsed.gatewayId };
    const key = `${gw.kitchenId}/${gw.gatewayId}`;
    deps.metrics.messagesReceived.inc({ channel: parsed.channel });
    switch (parsed.channel) {
      case 'reading': {
        const decoded = decodePayload('reading', payload);
        return decoded.ok ? acceptReadings(gw, [decoded.value.reading]) : reject(decoded.reason, key, decoded.detail);
      }
      case 'batch':
        return handleBatch(gw, key, payload);
      case 'status': {
        if (payload.length === 0) return; // a cleared retained status
        const decoded = decodePayload('status', payload);
        return decoded.ok ? deps.onStatus(gw, decoded.value, deps.now()) : reject(decoded.reason, key, decoded.detail);
      }
      case 'sample': {
        const decoded = decodePayload('sample', payload);
        if (!decoded.ok) return rejectEvent(gw, key, payload, decoded);
        const event = decoded.value.event;
        return settle(gw, key, event.oid, deps.onSample(gw, event), 'sample_record'); // [FS-SAMPLE-RECORD]
      }
      case 'reply': {
        const decoded = decodePayload('reply', payload);
        return decoded.ok ? deps.onReply(gw, decoded.value) : reject(decoded.reason, key, decoded.detail);
      }
      case 'camera': {
        const decoded = decodePayload('camera', payload);
        return decoded.ok ? deps.onCameras(gw, decoded.value) : reject(decoded.reason, key, decoded.detail);
      }
      case 'ai': {
        const decoded = decodePayload('ai', payload);
        if (!decoded.ok) return rejectEvent(gw, key, payload, decoded);
        const event = decoded.value.event;
        return settle(gw, key, event.oid, deps.onAiEvent(gw, event), 'ai_event'); // [FS-AI-EVENT]
      }
    }
  };
}
