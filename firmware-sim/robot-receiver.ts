// A local stand-in for the WeCom and DingTalk group-robot endpoints (and any plain webhook), on
// an HTTP port of its own (0: any free one): it records every message it receives and answers as
// the robots do: HTTP 200 {"errcode": 0, "errmsg": "ok"}. It can be told to fail the next
// requests (HTTP 500, HTTP 200 with an errcode as a robot over its rate limit answers, or no
// answer at all), and checks DingTalk's signature when it knows the secret. For tests and the
// demo only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter, once } from 'node:events';
import { createHmac } from 'node:crypto';

export interface RobotMessage {
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** What it answered. */
  answered: 'ok' | 'http500' | 'errcode' | 'bad_sign' | 'hang';
}

/** hang: take the request and never answer (until stop), as a robot behind a dead proxy. */
export type RobotFailure = 'http500' | 'errcode' | 'hang';

export interface RobotReceiver {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** http://127.0.0.1:<port> */
  url(): string;
  readonly messages: readonly RobotMessage[];
  /** The next requests fail, in this order (e.g. ['http500', 'errcode']). */
  failNext(...failures: RobotFailure[]): void;
  /** Requests under /dingtalk are checked against this signing secret. */
  requireDingTalkSecret(secret: string): void;
  /** Resolves with the next message received (whatever was answered). */
  nextMessage(): Promise<RobotMessage>;
}

/** DingTalk's check, written independently of the server's (server/domain/notifications/robots.ts). */
function signatureMatches(secret: string, query: Record<string, string>): boolean {
  const { timestamp, sign } = query;
  if (!timestamp || !sign) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return sign === expected; // the query parser has already URL-decoded it
}

export function createRobotReceiver(opts: { port?: number; host?: string } = {}): RobotReceiver {
  const messages: RobotMessage[] = [];
  const failures: RobotFailure[] = [];
  const events = new EventEmitter();
  let dingtalkSecret: string | null = null;

  function answer(res: ServerResponse, status: number, body: object) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // GET: what it received so far, newest first, to look at by hand in the demo.
    if (req.method === 'GET') return answer(res, 200, { messages: [...messages].reverse() });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://robot.local');
    let body: unknown = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    const query = Object.fromEntries(url.searchParams);
    const failure = failures.shift();
    const badSign = dingtalkSecret !== null && url.pathname.startsWith('/dingtalk') && !signatureMatches(dingtalkSecret, query);
    const answered: RobotMessage['answered'] = failure ?? (badSign ? 'bad_sign' : 'ok');
    const message: RobotMessage = { path: url.pathname, query, body, answered };
    messages.push(message);
    if (answered === 'hang') req.socket.setTimeout(0);
    else if (answered === 'http500') answer(res, 500, { error: 'internal' });
    else if (answered === 'errcode') answer(res, 200, { errcode: 45009, errmsg: 'api freq out of limit' });
    else if (answered === 'bad_sign') answer(res, 200, { errcode: 310000, errmsg: 'sign not match' });
    else answer(res, 200, { errcode: 0, errmsg: 'ok' });
    events.emit('message', message);
  }

  const server = createServer((req, res) => void handle(req, res).catch(() => answer(res, 400, { errcode: 40000, errmsg: 'bad request' })));
  return {
    messages,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failNext: (...f) => void failures.push(...f),
    requireDingTalkSecret(secret) {
      dingtalkSecret = secret;
    },
    async nextMessage() {
      const [message] = (await once(events, 'message')) as [RobotMessage];
      return message;
    },
  };
}
