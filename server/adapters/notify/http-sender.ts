// The one place notifications leave over HTTP: a JSON POST with a time limit. The URL comes from a
// kitchen manager, so (server/domain/notifications/outbound.ts) the address connected to must not
// be private (loopback, RFC 1918, link-local, …): a name is checked as it resolves (a `lookup`
// hook, so DNS tricks do not help), an address literal before connecting, and the connected
// socket's address once more before a byte is written. Origins an administrator allowed are
// exempt. No redirects are followed, at most 16 KB of the answer is read, and of it only the
// robots' errcode (errmsg from the official hosts) is kept. Every failure is a SendFailure whose
// message is one of SEND_ERRORS: never the error's own text, which names addresses and ports.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import {
  isAllowedOrigin, isLocalName, isPrivateAddress, keptAnswer, MAX_ANSWER_BYTES, parseOrigins, type SendError,
} from '../../domain/notifications/outbound.ts';

export interface HttpAnswer {
  status: number;
  /** Only what judging a robot's answer needs (outbound.ts keptAnswer); null when not a JSON object. */
  body: { errcode?: number; errmsg?: string } | null;
}

export type PostJson = (url: string, body: unknown) => Promise<HttpAnswer>;

export class SendFailure extends Error {
  constructor(readonly reason: SendError) {
    super(reason);
    this.name = reason === 'timed out' ? 'TimeoutError' : 'SendFailure';
  }
}

export interface HttpSenderOptions {
  timeoutMs: number;
  userAgent?: string;
  /** Origins (scheme://host:port) exempt from the private-address rule: NOTIFY_ALLOW_ORIGINS. */
  allowedOrigins?: readonly string[];
  /** The resolver (tests: one that answers a private address for a public-looking name). */
  resolve?: (hostname: string, options: { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;
}

type Resolve = NonNullable<HttpSenderOptions['resolve']>;

/** As net's lookup, refusing a name when any of its addresses is private (the one connected to could be any). */
const lookupWith = (resolve: Resolve, guarded: boolean): LookupFunction => (hostname, options, callback) => {
  resolve(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    if (addresses.length === 0) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '');
    if (guarded && addresses.some((a) => isPrivateAddress(a.address))) return callback(new SendFailure('blocked: private address'), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** A Node error as one word of the fixed vocabulary. */
export function sendErrorOf(err: unknown): SendError {
  if (err instanceof SendFailure) return err.reason;
  const code = String((err as NodeJS.ErrnoException | undefined)?.code ?? '');
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (/^(ENOTFOUND|EAI_)/.test(code)) return 'unknown host';
  if (/^(EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)$/.test(code)) return 'unreachable';
  if (/^(ERR_TLS|ERR_SSL|ERR_OSSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code)) return 'TLS error';
  return 'no answer';
}

/** The answer's first MAX_ANSWER_BYTES; the rest is not read (the connection is closed). */
function readCapped(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'));
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_ANSWER_BYTES) {
        done();
        res.destroy();
      }
    });
    res.on('end', done);
    res.on('close', done);
    res.on('error', done); // cut off mid-answer: the status has come, the body is what came
  });
}

const parseJson = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // a plain webhook may answer anything; the status then decides
  }
};

export function createHttpSender(opts: HttpSenderOptions): PostJson {
  const allowedOrigins = parseOrigins(opts.allowedOrigins ?? []);
  const resolve: Resolve = opts.resolve ?? ((hostname, options, callback) => dnsLookup(hostname, options, callback));
  const guardedLookup = lookupWith(resolve, true);
  const plainLookup = lookupWith(resolve, false);
  return (url, body) => new Promise<HttpAnswer>((resolve, reject) => {
    const target = URL.canParse(url) ? new URL(url) : null;
    if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) return reject(new SendFailure('unknown host'));
    const allowed = isAllowedOrigin(target, allowedOrigins);
    const refused = (address: string | undefined) => !allowed && (address === undefined || isPrivateAddress(address));
    if (!allowed && (isPrivateAddress(target.hostname) || isLocalName(target.hostname))) return reject(new SendFailure('blocked: private address'));
    const payload = Buffer.from(JSON.stringify(body), 'utf8');
    const req: ClientRequest = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      agent: false, // a fresh connection each time: a pooled one could lead anywhere
      lookup: allowed ? plainLookup : guardedLookup,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length, 'user-agent': opts.userAgent ?? 'kitchen-cold-watch/notify' },
    });
    const timer = setTimeout(() => req.destroy(new SendFailure('timed out')), opts.timeoutMs);
    const settle = () => clearTimeout(timer);
    // Nothing is written before the connected address is known to be a public one.
    req.once('socket', (socket: Socket) => {
      const go = () => (refused(socket.remoteAddress) ? req.destroy(new SendFailure('blocked: private address')) : req.end(payload));
      if (socket.connecting) socket.once('connect', go);
      else go();
    });
    req.once('response', (res) => {
      // A redirect is answered as its status: following it could post the alert elsewhere.
      void readCapped(res).then((text) => {
        settle();
        resolve({ status: res.statusCode ?? 0, body: keptAnswer(target, parseJson(text)) });
      });
    });
    req.on('error', (err) => { // `on`: a destroyed request may report more than once
      settle();
      reject(new SendFailure(sendErrorOf(err)));
    });
  });
}
