// What a valid channel is, beyond its schema: a webhook or robot needs an http(s) URL without a
// user name or password, a WeCom or DingTalk robot their official endpoint (unless an
// administrator allowed the origin: the local stand-in of the demo and the tests), no private
// address literal (see outbound.ts), a gateway channel a gateway id or "*" (all the kitchen's
// gateways), only a DingTalk robot has a signing secret, and quiet hours must span some time.
// And how a target is shown to people who may not change the channel: a robot's URL carries its
// key (in the query for WeCom and DingTalk, in the path for Feishu- or Slack-style hooks), which
// lets anyone post into the group. Pure.
import type { ChannelKind, ChannelRequest, NotifyStep } from '../../../contracts/notifications.ts';
import { canonicalOrigin, isAllowedOrigin, isLocalName, isPrivateAddress, OFFICIAL_ROBOTS } from './outbound.ts';

export type ChannelCheck = { ok: true } | { ok: false; message: string };

const GATEWAY_TARGET = /^(\*|[A-Za-z0-9_-]{1,64})$/;

/** At most one test message per channel in this time: a test is a message into a real group. */
export const CHANNEL_TEST_INTERVAL_MS = 10_000;

export function checkChannel(
  req: Pick<ChannelRequest, 'kind' | 'target' | 'secret' | 'quietHours'>,
  allowedOrigins: readonly string[] = [],
): ChannelCheck {
  if (req.kind === 'gateway') {
    if (!GATEWAY_TARGET.test(req.target)) return { ok: false, message: 'a gateway channel targets a gateway id or "*"' };
  } else {
    const verdict = checkUrl(req.kind, req.target, allowedOrigins);
    if (!verdict.ok) return verdict;
  }
  if (req.secret && req.kind !== 'dingtalk') return { ok: false, message: 'only a DingTalk robot has a signing secret' };
  if (req.quietHours && req.quietHours.from === req.quietHours.to) return { ok: false, message: 'quiet hours must not start and end at the same time' };
  return { ok: true };
}

function checkUrl(kind: Exclude<ChannelKind, 'gateway'>, target: string, allowedOrigins: readonly string[]): ChannelCheck {
  const url = parseUrl(target);
  if (!url) return { ok: false, message: `a ${kind} channel targets an http(s) URL` };
  if (url.username || url.password) return { ok: false, message: 'a channel URL must not carry a user name or password' };
  if (isAllowedOrigin(url, allowedOrigins)) return { ok: true };
  if (kind !== 'webhook') {
    const official = OFFICIAL_ROBOTS[kind];
    if (canonicalOrigin(url) !== official.origin || !url.pathname.startsWith(official.path)) {
      return { ok: false, message: `a ${kind} robot targets ${official.origin.replace(/:443$/, '')}${official.path}…` };
    }
  }
  if (isPrivateAddress(url.hostname) || isLocalName(url.hostname)) {
    return { ok: false, message: 'a private, loopback or link-local address is refused (an administrator may allow its origin: NOTIFY_ALLOW_ORIGINS)' };
  }
  return { ok: true };
}

function parseUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

/** The regulator's channel: one that tells the inspectors. Only administrators create, change or remove it. */
export const isRegulatorChannel = (c: { steps: readonly NotifyStep[] }): boolean => c.steps.includes('escalated_inspector');

/** The URL reduced to `scheme://host/***`: a robot's key may sit in its query or in its path. */
export function maskTarget(kind: ChannelKind, target: string): string {
  if (kind === 'gateway') return target;
  try {
    const url = new URL(target);
    return `${url.protocol}//${url.host}/***`;
  } catch {
    return '***';
  }
}
