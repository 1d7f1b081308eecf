// Two settings for running behind a reverse proxy and next to a Prometheus: which proxies to
// believe (TRUST_PROXY), and who may read /metrics (METRICS_TOKEN, else loopback only).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/** "2" is a hop count; anything else is what express takes (loopback, addresses, subnets). */
export function trustProxyValue(raw: string): number | string {
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** The metrics name every kitchen and gateway: not for anyone on the network to read. */
export function metricsGuard(token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : createHash('sha256').update(token).digest();
  return (req, res, next) => {
    const allowed = expected === undefined
      ? isLoopback(req.socket.remoteAddress)
      : timingSafeEqual(createHash('sha256').update(bearerOf(req.headers.authorization)).digest(), expected);
    if (allowed) return next();
    res.status(expected === undefined ? 403 : 401).json({ error: { code: expected === undefined ? 'forbidden' : 'unauthenticated', message: 'metrics need the METRICS_TOKEN bearer token, or a loopback client when none is set' } });
  };
}

const bearerOf = (header: string | undefined): string => (header?.startsWith('Bearer ') ? header.slice(7) : '');

function isLoopback(address: string | undefined): boolean {
  return address === '::1' || address?.startsWith('127.') === true || address?.startsWith('::ffff:127.') === true;
}
