// The four shapes of one notification (webhook JSON, WeCom and DingTalk robot markdown, the
// gateway's notify arguments), DingTalk's signature against a vector computed independently
// (Python's hmac/base64/urllib, as DingTalk's own documentation signs), and what counts as sent.
import { describe, expect, it } from 'vitest';
import { dingtalkBody, gatewayArgs, noticeMarkdown, siteTime, webhookBody, wecomBody, type NoticeFacts } from './messages.ts';
import { dingtalkSign, dingtalkSignedUrl, judgeResponse } from './robots.ts';

const facts = (f: Partial<NoticeFacts> = {}): NoticeFacts => ({
  step: 'raised',
  alert: {
    id: 42, kitchenId: 'k007', ruleId: 'FS-DOOR', severity: 'alarm', status: 'active',
    message: 'door open 6 min [CN-GB31654]', raisedAt: '2026-11-20T02:02:00.000Z',
  },
  kitchenName: '春晖社区长者饭堂', subject: '冷冻柜', timeZone: 'Asia/Shanghai', publicUrl: 'https://kcw.example.cn/',
  at: Date.UTC(2026, 10, 20, 2, 3), ...f,
});

describe('notification bodies', () => {
  it('writes the webhook body as the contract\'s Notification, with a link to the kitchen page', () => {
    expect(webhookBody(facts())).toEqual({
      step: 'raised', alertId: 42, kitchenId: 'k007', kitchenName: '春晖社区长者饭堂', subject: '冷冻柜', ruleId: 'FS-DOOR',
      severity: 'alarm', status: 'active', message: 'door open 6 min [CN-GB31654]', raisedAt: '2026-11-20T02:02:00.000Z',
      url: 'https://kcw.example.cn/#/kitchen/k007?alert=42',
    });
    expect(webhookBody(facts({ publicUrl: null })).url).toBeNull();
  });

  it('writes a WeCom markdown message in Chinese: site, subject, rule name and ID, severity, site-local time, link', () => {
    const body = wecomBody(facts());
    expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content.split('\n')).toEqual([
      '### 【报警】春晖社区长者饭堂 · 柜门未关',
      '> 新告警',
      '',
      '- 对象：冷冻柜',
      '- 规则：柜门未关（FS-DOOR）',
      '- 级别：报警',
      '- 时间：2026-11-20 10:02（Asia/Shanghai）',
      '- 说明：door open 6 min [CN-GB31654]',
      '',
      '[查看告警](https://kcw.example.cn/#/kitchen/k007?alert=42)',
    ]);
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThan(4096);
  });

  it('writes a DingTalk markdown message with a title for the chat list, and says what an escalation is', () => {
    const body = dingtalkBody(facts({ step: 'escalated_inspector', alert: { ...facts().alert, ruleId: 'FS-COLD-CRIT', severity: 'critical' } }));
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('【严重】春晖社区长者饭堂 · 冷藏严重超温');
    expect(body.markdown.text).toContain('> 严重告警未处理，已上报监管看板');
  });

  it('keeps a long alert text from pushing the message past the robots\' limit', () => {
    const long = noticeMarkdown(facts({ alert: { ...facts().alert, message: '超'.repeat(3000) } }));
    expect(Buffer.byteLength(long)).toBeLessThan(4096);
  });

  it('gives the gateway flat arguments, the buzzer only for alarm and critical, and a time after which the notice is stale', () => {
    expect(gatewayArgs(facts())).toEqual({
      alertId: 42, step: 'raised', severity: 'alarm', ruleId: 'FS-DOOR', subject: '冷冻柜', text: '【报警】冷冻柜 柜门未关 10:02', buzzer: true,
      expiresAt: Date.UTC(2026, 10, 20, 2, 3) + 5 * 60_000,
    });
    expect(gatewayArgs(facts({ alert: { ...facts().alert, severity: 'warning' } })).buzzer).toBe(false);
    expect(gatewayArgs(facts({ step: 'escalated_manager' })).text).toBe('【报警】冷冻柜 柜门未关 10:02 · 超时未确认，已升级至店长');
  });

  it('formats times on the site\'s clock', () => {
    expect(siteTime(Date.UTC(2026, 10, 20, 16, 5), 'Asia/Shanghai')).toBe('2026-11-21 00:05');
  });
});

describe('robots', () => {
  it('signs for DingTalk as its documentation does (vector from Python hmac/base64/quote_plus)', () => {
    expect(dingtalkSign('SEC0123456789abcdef', 1577808000000)).toBe('cvHhe5EUH860d%2BuCCpOaGg%2F6XW0sasCabxR0Yp%2BeT9M%3D');
    expect(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=t0', 'SEC0123456789abcdef', 1577808000000))
      .toBe('https://oapi.dingtalk.com/robot/send?access_token=t0&timestamp=1577808000000&sign=cvHhe5EUH860d%2BuCCpOaGg%2F6XW0sasCabxR0Yp%2BeT9M%3D');
  });

  const CASES: Array<[string, Parameters<typeof judgeResponse>, boolean, string?]> = [
    ['WeCom 200 errcode 0', ['wecom', 200, { errcode: 0, errmsg: 'ok' }], true],
    ['WeCom 200 errcode 93000 (bad key)', ['wecom', 200, { errcode: 93000, errmsg: 'invalid webhook url' }], false, 'errcode 93000: invalid webhook url'],
    ['WeCom 200 without errcode', ['wecom', 200, null], false, 'no errcode in the answer'],
    ['DingTalk 200 errcode 310000 (bad signature)', ['dingtalk', 200, { errcode: 310000, errmsg: 'sign not match' }], false, 'errcode 310000: sign not match'],
    ['DingTalk 200 errcode 0', ['dingtalk', 200, { errcode: 0, errmsg: 'ok' }], true],
    ['a robot answering HTTP 500', ['dingtalk', 500, { errcode: 0 }], false, 'HTTP 500'],
    ['a webhook answering 204', ['webhook', 204, null], true],
    ['a webhook answering 302', ['webhook', 302, null], false, 'HTTP 302'],
  ];
  it.each(CASES)('%s: delivered %s', (_name, args, ok, error) => {
    expect(judgeResponse(...args)).toEqual(ok ? { ok } : { ok, error });
  });
});
