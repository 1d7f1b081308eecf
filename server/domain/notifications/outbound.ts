// Where a notification may be sent, and what of the answer is kept. A channel's URL is typed in by
// a kitchen manager, and the server posts to it: without limits that is a way into everything the
// server can reach (the InfluxDB on loopback, the cloud's metadata at 169.254.169.254, the LAN).
// So private, loopback, link-local, shared and multicast addresses are refused, checked on the
// address actually connected to (server/adapters/notify/http-sender.ts), except for the origins an
// administrator allows (NOTIFY_ALLOW_ORIGINS). And what comes back reaches the delivery record
// only as a fixed vocabulary, never as the answer's text. Pure.
import { isIPv4, isIPv6 } from 'node:net';

/** The robots' official endpoints (scheme://host:port and the path their webhooks start with). */
export const OFFICIAL_ROBOTS = {
  wecom: { origin: 'https://qyapi.weixin.qq.com:443', path: '/cgi-bin/webhook/send' },
  dingtalk: { origin: 'https://oapi.dingtalk.com:443', path: '/robot/send' },
} as const;

/** The only words a failed attempt's lastError is made of (besides `HTTP <n>` and `errcode <n>`). */
export const SEND_ERRORS = ['connection refused', 'timed out', 'blocked: private address', 'unknown host', 'unreachable', 'TLS error', 'no answer'] as const;
export type SendError = (typeof SEND_ERRORS)[number];

/** At most this much of an answer is read: a robot answers a few dozen bytes. */
export const MAX_ANSWER_BYTES = 16 * 1024;

/** `scheme://host:port` with the port always written, so that allow-list entries compare exactly. */
export function canonicalOrigin(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}`;
}

/** The allow list's entries as canonical origins; an entry that is not an http(s) origin throws. */
export function parseOrigins(entries: readonly string[]): string[] {
  return entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`"${entry}" is not a URL`);
    }
    const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password;
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) throw new Error(`"${entry}" is not an http(s) origin (scheme://host:port)`);
    return canonicalOrigin(url);
  });
}

export const isAllowedOrigin = (url: URL, allowed: readonly string[]): boolean => allowed.includes(canonicalOrigin(url));

/** An IP address the server must not post to: RFC 1918, loopback, link-local, 100.64/10, 0/8, multicast, reserved, and their IPv6 kin. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // [::1], fe80::1%eth0
  if (isIPv4(ip)) return privateV4(ip.split('.').map(Number));
  if (isIPv6(ip)) return privateV6(ipv6Bytes(ip));
  return false; // a name: its addresses are checked when it is resolved
}

function privateV4([a, b]: number[]): boolean {
  return a === 0 || a === 10 || a === 127 || a! >= 224 // this network, private, loopback, multicast + reserved + broadcast
    || (a === 100 && b! >= 64 && b! <= 127) // shared address space (carrier NAT)
    || (a === 169 && b === 254) || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)
    || (a === 198 && (b === 18 || b === 19)); // benchmarking, used inside networks
}

function privateV6(x: number[]): boolean {
  const zeros = (n: number) => x.slice(0, n).every((v) => v === 0);
  if (zeros(12)) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (zeros(10) && x[10] === 0xff && x[11] === 0xff) return privateV4(x.slice(12)); // IPv4-mapped ::ffff:a.b.c.d
  if (x[0] === 0x00 && x[1] === 0x64 && x[2] === 0xff && x[3] === 0x9b && x.slice(4, 12).every((v) => v === 0)) return privateV4(x.slice(12)); // NAT64 64:ff9b::/96
  return (x[0]! & 0xfe) === 0xfc // unique local fc00::/7
    || (x[0] === 0xfe && (x[1]! & 0xc0) === 0x80) // link-local fe80::/10
    || (x[0] === 0xfe && (x[1]! & 0xc0) === 0xc0) // site-local fec0::/10 (deprecated, still private)
    || x[0] === 0xff; // multicast
}

/** The 16 bytes of an IPv6 address (valid, as isIPv6 said), a trailing dotted IPv4 part included. */
function ipv6Bytes(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number);
    text = text.slice(0, v4.index) + (((a! << 8) | b!).toString(16)) + ':' + (((c! << 8) | d!).toString(16));
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').filter((g) => g !== '') : []);
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** A host name that means this machine whatever DNS says. */
export const isLocalName = (hostname: string): boolean => /^localhost\.?$/i.test(hostname) || /\.localhost\.?$/i.test(hostname);

/** A URL's host is an official robot endpoint, whose errmsg may be shown (its words, not whatever answered). */
export function isOfficialRobotHost(url: URL): boolean {
  const origin = canonicalOrigin(url);
  return origin === OFFICIAL_ROBOTS.wecom.origin || origin === OFFICIAL_ROBOTS.dingtalk.origin;
}

/** What of an answer's body is kept: a robot's numeric errcode, and its errmsg only from an official robot host. */
export function keptAnswer(url: URL, parsed: unknown): { errcode?: number; errmsg?: string } | null {
  if (parsed === null || typeof parsed !== 'object') return null;
  const { errcode, errmsg } = parsed as { errcode?: unknown; errmsg?: unknown };
  const kept: { errcode?: number; errmsg?: string } = {};
  if (typeof errcode === 'number' && Number.isSafeInteger(errcode)) kept.errcode = errcode;
  if (typeof errmsg === 'string' && isOfficialRobotHost(url)) kept.errmsg = errmsg.replace(/[^\p{L}\p{N} .,:;_()'/-]/gu, '').slice(0, 120);
  return kept;
}
