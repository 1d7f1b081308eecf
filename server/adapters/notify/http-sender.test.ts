// The sender against real HTTP servers on port 0 (all on loopback, which is exactly what it must
// refuse unless the origin is allowed): private addresses refused however they are written or
// resolved, nothing written to them; no redirects; at most 16 KB of an answer read; failures in
// the fixed vocabulary only; a robot's errmsg kept from the official hosts only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSender, type HttpSenderOptions } from './http-sender.ts';

interface Local { server: Server; port: number; origin: string; hits: string[] }

async function listen(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Local> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, origin: `http://127.0.0.1:${port}`, hits };
}

const json = (status: number, body: object) => (_req: IncomingMessage, res: ServerResponse) =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

let robot: Local; // answers as a WeCom robot over its rate limit
let endless: Local; // a 200 whose body never ends
let redirect: Local; // sends the alert on to `robot`
let hang: Local; // takes the request, never answers
beforeAll(async () => {
  robot = await listen(json(200, { errcode: 45009, errmsg: 'api freq out of limit', internal: 'db=prod user=root' }));
  endless = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('x'.repeat(4096)), 1);
    res.on('close', () => clearInterval(timer));
  });
  redirect = await listen((_req, res) => void res.writeHead(302, { location: `${robot.origin}/stolen` }).end());
  hang = await listen(() => undefined);
});
afterAll(async () => {
  for (const l of [robot, endless, redirect, hang]) {
    l?.server.closeAllConnections();
    await new Promise((resolve) => l?.server.close(resolve));
  }
});

const sender = (o: Partial<HttpSenderOptions> = {}) => createHttpSender({ timeoutMs: 2_000, ...o });
const failureOf = (p: Promise<unknown>) => p.then(() => 'resolved', (err: Error) => err.message);

describe('http sender: no private addresses', () => {
  it.each([
    ['a loopback literal', (p: number) => `http://127.0.0.1:${p}/query?q=DROP%20DATABASE%20x`],
    ['localhost', (p: number) => `http://localhost:${p}/hook`],
    ['an IPv4-mapped IPv6 loopback', (p: number) => `http://[::ffff:127.0.0.1]:${p}/hook`],
    ['a decimal IPv4 loopback', (p: number) => `http://2130706433:${p}/hook`],
  ])('refuses %s and writes nothing to it', async (_name, url) => {
    const before = robot.hits.length;
    expect(await failureOf(sender()(url(robot.port), { x: 1 }))).toBe('blocked: private address');
    expect(robot.hits.length).toBe(before);
  });

  it('checks the address a name resolves to when connecting, so DNS cannot point it inside', async () => {
    const lying: HttpSenderOptions['resolve'] = (_host, _o, cb) => cb(null, [{ address: '203.0.113.7', family: 4 }, { address: '127.0.0.1', family: 4 }]);
    const before = robot.hits.length;
    expect(await failureOf(sender({ resolve: lying })(`http://robots.example.com:${robot.port}/hook`, {}))).toBe('blocked: private address');
    expect(robot.hits.length).toBe(before);
  });

  it('posts to an allowed origin however it resolves, and keeps only the errcode of a host that is no official robot', async () => {
    const before = robot.hits.length;
    const answer = await sender({ allowedOrigins: [robot.origin] })(`${robot.origin}/wecom/cgi-bin/webhook/send?key=k`, { msgtype: 'text' });
    expect(answer).toEqual({ status: 200, body: { errcode: 45009 } });
    expect(robot.hits.slice(before)).toEqual(['POST /wecom/cgi-bin/webhook/send?key=k']);
  });
});

describe('http sender: what comes back', () => {
  it('answers a redirect with its status and does not follow it', async () => {
    const before = robot.hits.length;
    const answer = await sender({ allowedOrigins: [redirect.origin, robot.origin] })(`${redirect.origin}/hook`, {});
    expect(answer.status).toBe(302);
    expect(robot.hits.length).toBe(before);
  });

  it('reads at most 16 KB of an answer: an endless one ends the attempt with its status', async () => {
    const answer = await sender({ allowedOrigins: [endless.origin] })(`${endless.origin}/hook`, {});
    expect(answer).toEqual({ status: 200, body: null });
  });

  it('says what failed in its own words, never the error\'s text (which names addresses and ports)', async () => {
    const closed = await listen(() => undefined);
    const port = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    const origin = `http://127.0.0.1:${port}`;
    expect(await failureOf(sender({ allowedOrigins: [origin] })(`${origin}/hook`, {}))).toBe('connection refused');
    const slow = sender({ allowedOrigins: [hang.origin], timeoutMs: 200 })(`${hang.origin}/hook`, {});
    await expect(slow).rejects.toMatchObject({ name: 'TimeoutError', message: 'timed out' });
  });
});
