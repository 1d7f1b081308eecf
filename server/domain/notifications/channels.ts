// What a valid channel is, beyond its schema: a webhook or robot needs an http(s) URL, a gateway
// channel a gateway id or "*" (all the kitchen's gateways), only a DingTalk robot has a signing
// secret, and quiet hours must span some time. And how a target is shown to people who may only
// read the channels: a robot's URL carries its key, which lets anyone post into the group. Pure.
import type { ChannelKind, ChannelRequest } from '../../../contracts/notifications.ts';

export type ChannelCheck = { ok: true } | { ok: false; message: string };

const GATEWAY_TARGET = /^(\*|[A-Za-z0-9_-]{1,64})$/;

export function checkChannel(req: Pick<ChannelRequest, 'kind' | 'target' | 'secret' | 'quietHours'>): ChannelCheck {
  if (req.kind === 'gateway') {
    if (!GATEWAY_TARGET.test(req.target)) return { ok: false, message: 'a gateway channel targets a gateway id or "*"' };
  } else if (!isHttpUrl(req.target)) {
    return { ok: false, message: `a ${req.kind} channel targets an http(s) URL` };
  }
  if (req.secret && req.kind !== 'dingtalk') return { ok: false, message: 'only a DingTalk robot has a signing secret' };
  if (req.quietHours && req.quietHours.from === req.quietHours.to) return { ok: false, message: 'quiet hours must not start and end at the same time' };
  return { ok: true };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL with its query values (WeCom's key, DingTalk's access_token) and any password hidden. */
export function maskTarget(kind: ChannelKind, target: string): string {
  if (kind === 'gateway') return target;
  try {
    const url = new URL(target);
    for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '***';
  }
}
