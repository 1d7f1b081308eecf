// The notification rules as tables: who listens to which step, quiet hours (wrapping midnight
// too) that hold back all but critical notifications, the retry schedule, the channel checks.
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../contracts/api.ts';
import type { Channel, NotifyStep, QuietHours } from '../../../contracts/notifications.ts';
import { siteCalendar } from '../../app/site-calendar.ts';
import { inQuietHours, minutesOf, releaseTime } from './quiet-hours.ts';
import { afterAttempt, RETRY_BACKOFF_MS } from './retry.ts';
import { isFreshRaise, planDelivery, stepOfRaise } from './routing.ts';
import { checkChannel, maskTarget } from './channels.ts';

const SHANGHAI = siteCalendar('Asia/Shanghai');
/** A site-local time on 2026-11-20 in Shanghai (UTC+8). */
const local = (hh: number, mm = 0, day = 20) => Date.UTC(2026, 10, day, hh - 8, mm, 0);
const NIGHT: QuietHours = { from: '22:00', to: '06:30' };
const LUNCH_BREAK: QuietHours = { from: '13:00', to: '14:00' };

describe('quiet hours', () => {
  const CASES: Array<[QuietHours, string, boolean]> = [
    [LUNCH_BREAK, '12:59', false], [LUNCH_BREAK, '13:00', true], [LUNCH_BREAK, '13:59', true], [LUNCH_BREAK, '14:00', false],
    [NIGHT, '21:59', false], [NIGHT, '22:00', true], [NIGHT, '23:59', true], [NIGHT, '00:00', true], [NIGHT, '06:29', true], [NIGHT, '06:30', false],
  ];
  it.each(CASES)('%j at %s: quiet %s', (quiet, at, expected) => {
    expect(inQuietHours(quiet, minutesOf(at))).toBe(expected);
  });

  it('defers a warning at 23:00 to 06:30 the next morning (wrapping midnight), site-local', () => {
    expect(releaseTime(NIGHT, 'warning', local(23), SHANGHAI)).toBe(local(6, 30, 21));
  });
  it('defers a warning at 02:00 to 06:30 the same morning', () => {
    expect(releaseTime(NIGHT, 'alarm', local(2), SHANGHAI)).toBe(local(6, 30));
  });
  it('lets a critical notification through at once, quiet hours or not', () => {
    expect(releaseTime(NIGHT, 'critical', local(23), SHANGHAI)).toBe(local(23));
  });
  it('lets everything through outside quiet hours, and when a channel has none', () => {
    expect(releaseTime(NIGHT, 'warning', local(12), SHANGHAI)).toBe(local(12));
    expect(releaseTime(null, 'warning', local(23), SHANGHAI)).toBe(local(23));
  });
});

describe('which channel gets which step', () => {
  const channel = (c: Partial<Channel> = {}): Channel => ({
    id: 1, kitchenId: 'k1', kind: 'gateway', name: '后厨屏', target: '*', hasSecret: false,
    steps: ['raised', 'escalated_manager'], minSeverity: 'warning', quietHours: null, enabled: true, ...c,
  });
  const CASES: Array<[string, Partial<Channel>, NotifyStep, Severity, number, object | null]> = [
    ['a listened step at or above the minimum severity goes now', {}, 'raised', 'warning', local(10), { status: 'pending', nextAttemptAt: local(10) }],
    ['a step the channel does not listen to: nothing', {}, 'escalated_inspector', 'critical', local(10), null],
    ['below the minimum severity: nothing', { minSeverity: 'alarm' }, 'raised', 'warning', local(10), null],
    ['a disabled channel: nothing', { enabled: false }, 'raised', 'critical', local(10), null],
    ['in quiet hours a warning is deferred to their end', { quietHours: NIGHT }, 'raised', 'warning', local(23), { status: 'deferred', nextAttemptAt: local(6, 30, 21) }],
    ['in quiet hours a critical one goes at once', { quietHours: NIGHT }, 'raised', 'critical', local(23), { status: 'pending', nextAttemptAt: local(23) }],
    ['[FS-CAL-DUE] a reminder goes to a channel that listens to reminders from reminder up', { steps: ['reminder'], minSeverity: 'reminder' }, 'reminder', 'reminder', local(9), { status: 'pending', nextAttemptAt: local(9) }],
    ['[FS-REG-LICENCE] a reminder does not reach a channel from warning up', { steps: ['reminder'] }, 'reminder', 'reminder', local(9), null],
  ];
  it.each(CASES)('%s', (_name, c, step, severity, now, expected) => {
    expect(planDelivery(channel(c), step, severity, now, SHANGHAI)).toEqual(expected);
  });

  it('[FS-REG-HEALTH-CERT] a reminder is announced as the reminder step, any other raise as raised', () => {
    expect(stepOfRaise({ severity: 'reminder' })).toBe('reminder');
    expect(stepOfRaise({ severity: 'alarm' })).toBe('raised');
  });

  it('announces a raise up to an hour old, not history arriving late', () => {
    const raisedAt = new Date(local(10)).toISOString();
    expect(isFreshRaise({ raisedAt }, local(11))).toBe(true);
    expect(isFreshRaise({ raisedAt }, local(11) + 1)).toBe(false);
  });
});

describe('retries', () => {
  const T = local(10);
  it('waits 30 s, 2 min, 10 min, 30 min, 2 h after the 1st to 5th failure, and gives up after the 6th', () => {
    expect(RETRY_BACKOFF_MS).toEqual([30_000, 120_000, 600_000, 1_800_000, 7_200_000]);
    const waits = [0, 1, 2, 3, 4].map((attempts) => afterAttempt(attempts, { ok: false, error: 'HTTP 500' }, T).nextAttemptAt! - T);
    expect(waits).toEqual(RETRY_BACKOFF_MS);
    expect(afterAttempt(5, { ok: false, error: 'HTTP 500' }, T)).toEqual({
      status: 'gave_up', attempts: 6, lastAttemptAt: T, nextAttemptAt: null, sentAt: null, lastError: 'HTTP 500',
    });
  });
  it('records a success with its attempt count and time', () => {
    expect(afterAttempt(2, { ok: true }, T)).toEqual({ status: 'sent', attempts: 3, lastAttemptAt: T, nextAttemptAt: null, sentAt: T, lastError: null });
  });
  it('moves a retry of a non-critical notification out of quiet hours', () => {
    const at = local(21, 59, 20) + 45_000; // its retry, 30 s later, falls at 22:00:15
    const hold = (t: number) => releaseTime(NIGHT, 'warning', t, SHANGHAI);
    expect(afterAttempt(0, { ok: false, error: 'timed out' }, at, hold)).toMatchObject({ status: 'failed', nextAttemptAt: local(6, 30, 21) });
  });
});

describe('channel checks', () => {
  const LAN = ['http://10.0.0.5:8080'];
  const CASES: Array<[string, Parameters<typeof checkChannel>[0], boolean, string[]?]> = [
    ['a WeCom robot URL', { kind: 'wecom', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' }, true],
    ['a webhook on plain http', { kind: 'webhook', target: 'http://hooks.example.com/hook' }, true],
    ['a webhook on a private address', { kind: 'webhook', target: 'http://10.0.0.5:8080/hook' }, false],
    ['a webhook on a private address whose origin is allowed', { kind: 'webhook', target: 'http://10.0.0.5:8080/hook' }, true, LAN],
    ['the same address on another port', { kind: 'webhook', target: 'http://10.0.0.5:8086/query' }, false, LAN],
    ['a webhook at the local InfluxDB', { kind: 'webhook', target: 'http://127.0.0.1:8086/query?q=DROP%20DATABASE%20x' }, false],
    ['a webhook at localhost', { kind: 'webhook', target: 'http://localhost:8086/query' }, false],
    ['a webhook at the cloud\'s metadata', { kind: 'webhook', target: 'http://169.254.169.254/latest/meta-data/' }, false],
    ['a webhook at an IPv4-mapped loopback', { kind: 'webhook', target: 'http://[::ffff:127.0.0.1]/x' }, false],
    ['a webhook at a decimal loopback', { kind: 'webhook', target: 'http://2130706433/x' }, false],
    ['a URL with a user and password', { kind: 'webhook', target: 'https://user:pw@hooks.example.com/hook' }, false],
    ['an allowed origin with a user and password', { kind: 'webhook', target: 'http://user:pw@10.0.0.5:8080/hook' }, false, LAN],
    ['a WeCom robot on another host', { kind: 'wecom', target: 'https://evil.example.com/cgi-bin/webhook/send?key=abc' }, false],
    ['a WeCom robot on plain http', { kind: 'wecom', target: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' }, false],
    ['a DingTalk robot on another path', { kind: 'dingtalk', target: 'https://oapi.dingtalk.com/gettoken?x=1' }, false],
    ['a WeCom-format robot on an allowed origin (a local stand-in)', { kind: 'wecom', target: 'http://10.0.0.5:8080/wecom/send?key=k' }, true, LAN],
    ['a robot target that is not http(s)', { kind: 'dingtalk', target: 'ftp://example.com/x' }, false],
    ['a robot target that is no URL', { kind: 'webhook', target: 'not a url' }, false],
    ['a javascript: URL', { kind: 'webhook', target: 'javascript:alert(1)' }, false],
    ['a gateway id', { kind: 'gateway', target: 'gw-k007' }, true],
    ['all the kitchen\'s gateways', { kind: 'gateway', target: '*' }, true],
    ['a gateway target with a slash', { kind: 'gateway', target: 'gw/../x' }, false],
    ['a DingTalk secret', { kind: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECx' }, true],
    ['a secret on a WeCom robot', { kind: 'wecom', target: 'https://qyapi.weixin.qq.com/x', secret: 'SECx' }, false],
    ['quiet hours of no length', { kind: 'gateway', target: '*', quietHours: { from: '22:00', to: '22:00' } }, false],
  ];
  it.each(CASES)('%s: valid %s', (_name, req, ok, allowed) => {
    expect(checkChannel(req, allowed).ok).toBe(ok);
  });

  it('says why a private address is refused, and how an administrator may allow it', () => {
    expect(checkChannel({ kind: 'webhook', target: 'http://192.168.1.20/hook' })).toEqual({ ok: false, message: expect.stringContaining('NOTIFY_ALLOW_ORIGINS') });
  });

  it('hides a robot URL\'s key from readers, in its query or its path, and leaves a gateway target alone', () => {
    expect(maskTarget('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe('https://qyapi.weixin.qq.com/***');
    expect(maskTarget('dingtalk', 'https://u:pw@oapi.dingtalk.com/robot/send?access_token=abc&x=1')).toBe('https://oapi.dingtalk.com/***');
    expect(maskTarget('webhook', 'https://open.feishu.cn/open-apis/bot/v2/hook/2b7f-feishu-token')).toBe('https://open.feishu.cn/***');
    expect(maskTarget('webhook', 'http://10.0.0.5:8080/services/T000/B000/slack-token')).toBe('http://10.0.0.5:8080/***');
    expect(maskTarget('gateway', 'gw-1')).toBe('gw-1');
  });
});
