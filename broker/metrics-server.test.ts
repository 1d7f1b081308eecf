import { afterEach, beforeEach, expect, it } from 'vitest';
import { createMetricsServer, type MetricsServer } from './metrics-server.ts';
import { startTestBroker, type TestBroker } from './test-broker.ts';

let t: TestBroker;
let metrics: MetricsServer;
beforeEach(async () => {
  t = await startTestBroker();
  metrics = createMetricsServer({ port: 0, host: '127.0.0.1', registry: t.registry });
  await metrics.start();
});
afterEach(async () => {
  await metrics.stop();
  await t.close();
});

it('exposes connected clients and refusals on /metrics', async () => {
  await t.connect(t.gatewayA);
  await expect(t.connect({ ...t.gatewayB, password: 'wrong-wrong-wrong-wrong' })).rejects.toMatchObject({ code: 4 });
  const base = `http://127.0.0.1:${metrics.address().port}`;
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  const body = await res.text();
  expect(body).toContain('kcw_broker_connected_clients 1');
  expect(body).toContain('kcw_broker_refusals_total{reason="bad_credentials"} 1');
  expect((await fetch(`${base}/other`)).status).toBe(404);
});
