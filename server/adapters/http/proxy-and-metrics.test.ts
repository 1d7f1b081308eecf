import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsGuard, trustProxyValue } from './proxy-and-metrics.ts';

const servers: Array<{ close(): void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('metricsGuard', () => {
  const metricsApp = (token?: string) => {
    const app = express();
    app.get('/metrics', metricsGuard(token), (_req, res) => void res.send('kcw_up 1'));
    return app;
  };

  it('without a token, lets a loopback client read the metrics', async () => {
    const res = await fetch(`${await serve(metricsApp())}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('kcw_up 1');
  });

  it('with a token, refuses a request without it or with another one (401), even from loopback', async () => {
    const url = `${await serve(metricsApp('s3cret-scrape-token'))}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: 'Bearer s3cret-scrape-token' } });
    expect(ok.status).toBe(200);
  });
});

describe('trustProxyValue', () => {
  it('believes X-Forwarded-Proto and -For only from a trusted proxy', async () => {
    const probe = (trust?: string) => {
      const app = express();
      if (trust) app.set('trust proxy', trustProxyValue(trust));
      app.get('/who', (req, res) => void res.json({ secure: req.secure, ip: req.ip }));
      return app;
    };
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const untrusted = await (await fetch(`${await serve(probe())}/who`, { headers })).json();
    expect(untrusted).toEqual({ secure: false, ip: '127.0.0.1' });
    const trusted = await (await fetch(`${await serve(probe('loopback'))}/who`, { headers })).json();
    expect(trusted).toEqual({ secure: true, ip: '203.0.113.9' });
    const hops = await (await fetch(`${await serve(probe('1'))}/who`, { headers })).json();
    expect(hops).toEqual({ secure: true, ip: '203.0.113.9' });
  });
});
