// A tiny HTTP endpoint for Prometheus: GET /metrics and nothing else.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServerDeps {
  port: number;
  host?: string;
  registry: Registry;
}

export interface MetricsServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  address(): { port: number };
}

export function createMetricsServer({ port, host, registry }: MetricsServerDeps): MetricsServer {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`),
    );
  });

  return {
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    address: () => ({ port: (server.address() as AddressInfo | null)?.port ?? port }),
  };
}
