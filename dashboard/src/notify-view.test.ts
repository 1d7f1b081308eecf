import { describe, expect, it } from 'vitest';
import type { Channel } from '../../contracts/notifications.ts';
import { channelFields, quietText, readChannel, stepsText, type ChannelFields } from './notify-view.ts';

const fields = (over: Partial<ChannelFields> = {}): ChannelFields => ({ ...channelFields(null), name: '食堂管理群', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', ...over });

describe('notification channel form', () => {
  it('reads a robot channel with its steps and quiet hours', () => {
    expect(readChannel(fields({ quietFrom: '22:00', quietTo: '07:00' }))).toEqual({
      ok: true,
      value: {
        kind: 'wecom', name: '食堂管理群', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
        steps: ['raised', 'escalated_manager'], minSeverity: 'warning', quietHours: { from: '22:00', to: '07:00' }, enabled: true,
      },
    });
  });

  it('sends a secret only for DingTalk, and only when one is typed (empty keeps the one set)', () => {
    const ding = readChannel(fields({ kind: 'dingtalk', secret: ' SEC123 ' }));
    expect(ding.ok && ding.value.secret).toBe('SEC123');
    const kept = readChannel(fields({ kind: 'dingtalk', secret: '' }));
    expect(kept.ok && 'secret' in kept.value).toBe(false);
    const wecom = readChannel(fields({ secret: 'x' }));
    expect(wecom.ok && 'secret' in wecom.value).toBe(false);
  });

  it('takes a gateway id or "*" for a gateway channel, a URL for the others', () => {
    expect(readChannel(fields({ kind: 'gateway', target: 'gw-k007' })).ok).toBe(true);
    expect(readChannel(fields({ kind: 'gateway', target: '*' })).ok).toBe(true);
    expect(readChannel(fields({ kind: 'gateway', target: 'gw k007' }))).toEqual({ ok: false, error: 'ch.err.target' });
    expect(readChannel(fields({ kind: 'webhook', target: 'not a url' }))).toEqual({ ok: false, error: 'ch.err.target' });
  });

  it('refuses no name, no step, or half a quiet period', () => {
    expect(readChannel(fields({ name: ' ' }))).toEqual({ ok: false, error: 'ch.err.name' });
    expect(readChannel(fields({ steps: [] }))).toEqual({ ok: false, error: 'ch.err.steps' });
    expect(readChannel(fields({ quietFrom: '22:00' }))).toEqual({ ok: false, error: 'ch.err.quiet' });
    expect(readChannel(fields({ quietFrom: '25:00', quietTo: '07:00' }))).toEqual({ ok: false, error: 'ch.err.quiet' });
  });

  it('starts from the channel being edited, and says its steps and quiet hours in words', () => {
    const c: Channel = {
      id: 1, kitchenId: 'k1', kind: 'gateway', name: '后厨蜂鸣器', target: '*', hasSecret: false,
      steps: ['escalated_manager', 'raised'], minSeverity: 'alarm', quietHours: null, enabled: false,
    };
    expect(channelFields(c)).toMatchObject({ kind: 'gateway', target: '*', minSeverity: 'alarm', enabled: false, quietFrom: '' });
    expect(stepsText(c.steps)).toBe('发出告警 · 升级至店长');
    expect(quietText({ from: '22:00', to: '07:00' })).toBe('22:00–07:00，仅发严重告警');
  });
});
