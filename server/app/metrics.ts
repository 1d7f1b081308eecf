// The server's Prometheus metrics, on a registry of its own (one per server
// instance, so tests can run several side by side).
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { WriterMetrics } from '../adapters/influx/batch-writer.ts';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kcw_server_' });
  const c = (name: string, help: string, labelNames: string[] = []) => new Counter({ name, help, labelNames, registers: [registry] });
  const g = (name: string, help: string) => new Gauge({ name, help, registers: [registry] });
  const m = {
    registry,
    messagesReceived: c('kcw_messages_received_total', 'MQTT messages received, by channel', ['channel']),
    messagesRejected: c('kcw_messages_rejected_total', 'MQTT messages (or readings in a batch) rejected, by reason', ['reason']),
    readingsReceived: c('kcw_readings_received_total', 'Valid readings received'),
    pointsWritten: c('kcw_points_written_total', 'Points written to InfluxDB'),
    writeErrors: c('kcw_influx_write_errors_total', 'Failed InfluxDB writes', ['retryable']),
    bufferDepth: g('kcw_write_buffer_depth', 'Points waiting to be written to InfluxDB'),
    bufferFull: c('kcw_write_buffer_full_total', 'Readings refused because the write buffer was full (not acknowledged; the gateway resends)'),
    acksSent: c('kcw_acks_sent_total', 'Readings acknowledged to gateways as stored or rejected', ['kind']),
    alertsRaised: c('kcw_alerts_raised_total', 'Alerts raised, by rule', ['rule']),
    mqttConnected: g('kcw_mqtt_connected', '1 when the server is connected to the broker'),
  };
  return m;
}

/** Live video, read from the relay when scraped (its counters live in the hot path as plain numbers). */
export function videoMetrics(m: Metrics, video: {
  stats: { bytesIn: number; bytesDropped: number; viewerSkips: number };
  streaming(): Array<{ viewers: number }>;
}) {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [m.registry], collect() { this.set(read()); } });
  gauge('kcw_video_streams', 'Cameras streaming live through the server now', () => video.streaming().length);
  gauge('kcw_video_viewers', 'Browsers watching live video now', () => video.streaming().reduce((n, s) => n + s.viewers, 0));
  gauge('kcw_video_bytes_received', 'MPEG-TS bytes received from gateways since start', () => video.stats.bytesIn);
  gauge('kcw_video_bytes_dropped', 'Bytes not sent to slow viewers (each skipped to the next sequence header) since start', () => video.stats.bytesDropped);
  gauge('kcw_video_viewer_skips', 'Times a viewer fell behind and skipped ahead, since start', () => video.stats.viewerSkips);
}

export type Metrics = ReturnType<typeof createMetrics>;

export function writerMetrics(m: Metrics): WriterMetrics {
  return {
    pointsWritten: (n) => m.pointsWritten.inc(n),
    writeError: (retryable) => m.writeErrors.inc({ retryable: String(retryable) }),
    bufferDepth: (n) => m.bufferDepth.set(n),
    bufferFull: (n) => m.bufferFull.inc(n),
  };
}
