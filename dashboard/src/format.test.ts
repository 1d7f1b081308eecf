import { afterEach, describe, expect, it } from 'vitest';
import { formatAge, formatDateTime, formatTemp, formatTempValue, formatTime } from './format.ts';
import { ruleName, setLang, t } from './i18n.ts';

afterEach(() => setLang('zh-CN'));

describe('time in Asia/Shanghai', () => {
  // 16:30 UTC is 00:30 the next day in Shanghai (UTC+8, no DST).
  const iso = '2024-11-22T16:30:05.000Z';

  it('shows the site-local clock, whatever the machine zone', () => {
    expect(formatDateTime(iso)).toBe('2024-11-23 00:30:05');
    expect(formatTime(iso, { now: Date.parse('2024-11-23T01:00:00Z') })).toBe('00:30');
    expect(formatTime(iso, { now: Date.parse('2024-11-23T01:00:00Z'), seconds: true })).toBe('00:30:05');
  });

  it('adds the date when the time is on another local day', () => {
    // 15:59 UTC on the 22nd is still the 22nd in Shanghai (23:59).
    expect(formatTime('2024-11-22T15:59:00Z', { now: Date.parse(iso) })).toBe('11-22 23:59');
  });

  it('can use another zone', () => {
    expect(formatDateTime(iso, 'UTC')).toBe('2024-11-22 16:30:05');
  });
});

describe('temperatures', () => {
  it('one decimal, a real minus sign, and a dash for no value', () => {
    expect(formatTemp(4.26)).toBe('4.3\u00a0°C');
    expect(formatTemp(-18)).toBe('\u221218.0\u00a0°C');
    expect(formatTempValue(-0.04)).toBe('0.0');
    expect(formatTemp(null)).toBe('—');
  });
});

describe('ages and language', () => {
  const now = Date.parse('2024-11-22T12:00:00Z');
  it('speaks Chinese by default and English when asked', () => {
    expect(formatAge('2024-11-22T11:57:00Z', now)).toBe('3 分钟前');
    expect(ruleName('FS-COLD-ALARM')).toBe('冷藏超温报警');
    setLang('en');
    expect(formatAge('2024-11-22T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAge('2024-11-22T11:59:58Z', now)).toBe('just now');
    expect(ruleName('FS-COLD-ALARM')).toBe('Chilled above max');
    expect(t('card.openAlerts', { n: 2 })).toBe('2 open alerts');
  });

  it('shows an unknown rule by its ID', () => {
    expect(ruleName('FS-NEW-RULE')).toBe('FS-NEW-RULE');
  });
});
