// The group robots' rules: DingTalk's signature for a robot with a signing secret, and what
// counts as delivered. Both robots answer HTTP 200 with {"errcode": 0, "errmsg": "ok"} when the
// message was posted, and HTTP 200 with another errcode when it was not (a bad key or signature,
// too many messages a minute), so the status code alone says nothing. Pure.
import { createHmac } from 'node:crypto';
import type { ChannelKind } from '../../../contracts/notifications.ts';
import type { AttemptResult } from './retry.ts';

/** DingTalk: sign = urlEncode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret))), timestamp in ms. */
export function dingtalkSign(secret: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  return encodeURIComponent(digest);
}

/** The robot's URL with &timestamp=…&sign=… appended (the URL already carries ?access_token=…). */
export function dingtalkSignedUrl(url: string, secret: string, timestamp: number): string {
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}timestamp=${timestamp}&sign=${dingtalkSign(secret, timestamp)}`;
}

/** Delivered or not, from the answer of one POST. */
export function judgeResponse(kind: Exclude<ChannelKind, 'gateway'>, status: number, body: unknown): AttemptResult {
  if (status < 200 || status > 299) return { ok: false, error: `HTTP ${status}` };
  if (kind === 'webhook') return { ok: true };
  if (status !== 200) return { ok: false, error: `HTTP ${status}` };
  const { errcode, errmsg } = (body ?? {}) as { errcode?: unknown; errmsg?: unknown };
  if (errcode === 0) return { ok: true };
  // Only a number: the record says what the robot answered in words of its own vocabulary, and the
  // sender passes errmsg on from the official robot hosts only (outbound.ts keptAnswer).
  if (typeof errcode !== 'number' || !Number.isSafeInteger(errcode)) return { ok: false, error: 'no errcode in the answer' };
  return { ok: false, error: `errcode ${errcode}${typeof errmsg === 'string' && errmsg ? `: ${errmsg.slice(0, 120)}` : ''}` };
}
