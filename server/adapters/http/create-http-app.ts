// The express app: /api, /healthz, /metrics and the dashboard's static files.
import express from 'express';
import { existsSync } from 'node:fs';
import type { Registry } from 'prom-client';
import { createApiRouter, type ApiDeps } from './routes.ts';
import { errorHandler } from './errors.ts';
import { metricsGuard, trustProxyValue } from './proxy-and-metrics.ts';
import { openApiDocument } from './openapi.ts';
import { createAuthRouter, meRoute, requireUser, sameOriginWrites } from './auth.ts';

export interface HealthProbe {
  (): Promise<{ broker: boolean; influxdb: boolean; sql: boolean }>;
}

export function createHttpApp(deps: ApiDeps & {
  health: HealthProbe;
  metricsRegistry: Registry;
  dashboardDir?: string;
  onLogout?: (token: string) => void;
  /** express "trust proxy" (TRUST_PROXY): the proxies whose X-Forwarded-For/-Proto are believed. */
  trustProxy?: string;
  /** Bearer token /metrics requires (METRICS_TOKEN); without one, only loopback clients may read it. */
  metricsToken?: string;
  log: { error(obj: object, msg: string): void };
}) {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', trustProxyValue(deps.trustProxy));
  app.use('/api', express.json({ limit: '64kb' }));
  const doc = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => void res.json(doc));
  app.use('/api', sameOriginWrites);
  app.use('/api', createAuthRouter(deps.accounts, () => Date.now(), deps.onLogout));
  // Everything else under /api needs a session; each route then checks the user's scope.
  app.use('/api', requireUser(deps.accounts));
  app.get('/api/auth/me', meRoute(deps.accounts));
  app.use('/api', createApiRouter(deps));
  app.get('/healthz', async (_req, res) => {
    const parts = await deps.health();
    const up = parts.broker && parts.influxdb && parts.sql;
    const state = (ok: boolean) => (ok ? 'up' : 'down');
    res.status(up ? 200 : 503).json({
      status: up ? 'ok' : 'degraded',
      broker: state(parts.broker), influxdb: state(parts.influxdb), sql: state(parts.sql),
    });
  });
  app.get('/metrics', metricsGuard(deps.metricsToken), async (_req, res) => {
    res.type(deps.metricsRegistry.contentType).send(await deps.metricsRegistry.metrics());
  });
  if (deps.dashboardDir && existsSync(deps.dashboardDir)) {
    // Assets carry a content hash and may be cached; index.html must be revalidated after a rebuild.
    app.use(express.static(deps.dashboardDir, {
      maxAge: '1h',
      index: 'index.html',
      setHeaders: (res, path) => {
        if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }));
  }
  app.use(errorHandler(deps.log));
  return app;
}

