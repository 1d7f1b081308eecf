import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../contracts/api.ts';
import { setLang } from './i18n.ts';
import { RULE_NAMES } from '../../contracts/rule-names.ts';
import {
  formatWeight,
  hasCameraIssue,
  hasSampleIssue,
  isFlagged,
  retentionText,
  sampleChipClass,
  sampleStatusLabel,
  sampleTone,
  shiftDate,
  showsCountdown,
  type SampleStatus,
} from './samples.ts';

afterEach(() => setLang('zh-CN'));

const ALL: SampleStatus[] = ['ok', 'light', 'marginal', 'missing', 'removed-early', 'compromised', 'sealed', 'disposed', 'pending'];

describe('sample status chip', () => {
  it('gives each status its colour and Chinese word', () => {
    const expected: Record<SampleStatus, [string, string]> = {
      ok: ['ok', '合格'],
      marginal: ['amber', '临界'],
      light: ['red', '不足 125 g'],
      missing: ['red', '未留样'],
      'removed-early': ['red', '提前取出'],
      compromised: ['red', '温度超标'],
      sealed: ['purple', '已封存'],
      disposed: ['grey', '已处置'],
      pending: ['grey', '待留样'],
    };
    for (const s of ALL) {
      expect(sampleTone(s)).toBe(expected[s][0]);
      expect(sampleStatusLabel(s)).toBe(expected[s][1]);
      expect(sampleChipClass(s)).toBe(`chip sample-chip tone-${expected[s][0]} sample-${s}`);
    }
  });

  it('has an English word for every status', () => {
    setLang('en');
    expect(sampleStatusLabel('missing')).toBe('Missing');
    expect(sampleStatusLabel('light')).toBe('Under 125 g');
    for (const s of ALL) expect(sampleStatusLabel(s)).toMatch(/^[A-Z]/);
  });

  it('flags only missing and underweight rows', () => {
    expect(ALL.filter(isFlagged)).toEqual(['light', 'missing']);
  });

  it('shows no countdown once the sample left the cabinet or is sealed', () => {
    expect(ALL.filter((s) => !showsCountdown(s))).toEqual(['removed-early', 'sealed', 'disposed']);
  });
});

describe('48 h countdown', () => {
  const ends = '2024-11-24T04:00:00Z';
  const at = (iso: string): number => Date.parse(iso);

  it('counts whole hours left, rounded down', () => {
    expect(retentionText(ends, at('2024-11-22T14:30:00Z'))).toBe('剩 37 小时');
    expect(retentionText(ends, at('2024-11-22T04:00:00Z'))).toBe('剩 48 小时');
    expect(retentionText(ends, at('2024-11-22T04:00:01Z'))).toBe('剩 47 小时');
    setLang('en');
    expect(retentionText(ends, at('2024-11-22T14:30:00Z'))).toBe('37 h left');
  });

  it('counts minutes in the last hour', () => {
    expect(retentionText(ends, at('2024-11-24T03:35:00Z'))).toBe('剩 25 分钟');
    expect(retentionText(ends, at('2024-11-24T03:59:59Z'))).toBe('剩 1 分钟');
  });

  it('says the 48 h are reached once passed', () => {
    expect(retentionText(ends, at(ends))).toBe('已满 48 小时');
    expect(retentionText(ends, at('2024-11-25T00:00:00Z'))).toBe('已满 48 小时');
    setLang('en');
    expect(retentionText(ends, at('2024-11-25T00:00:00Z'))).toBe('48 h reached');
  });

  it('shows a dash for a bad time', () => {
    expect(retentionText('not a time', 0)).toBe('—');
  });
});

describe('weight', () => {
  it('has one decimal and a no-break space', () => {
    expect(formatWeight(131.24)).toBe('131.2\u00a0g');
    expect(formatWeight(125)).toBe('125.0\u00a0g');
    expect(formatWeight(null)).toBe('—');
  });
});

describe('sample issue on the district card', () => {
  const alert = (over: Partial<Alert>): Alert =>
    ({ id: 1, kitchenId: 'k001', deviceId: 'd1', ruleId: 'FS-SAMPLE-MISSING', status: 'active', ...over }) as Alert;

  it('is set by an open FS-SAMPLE-* alert of that kitchen only', () => {
    expect(hasSampleIssue([alert({})], 'k001')).toBe(true);
    expect(hasSampleIssue([alert({ status: 'resolved' })], 'k001')).toBe(true);
    expect(hasSampleIssue([alert({ status: 'closed' })], 'k001')).toBe(false);
    expect(hasSampleIssue([alert({ ruleId: 'FS-COLD-ALARM' })], 'k001')).toBe(false);
    expect(hasSampleIssue([alert({ kitchenId: 'k002' })], 'k001')).toBe(false);
    expect(hasCameraIssue([alert({ ruleId: 'FS-CAM-OFFLINE' })], 'k001')).toBe(true);
    expect(hasCameraIssue([alert({ ruleId: 'FS-AI-EVENT' })], 'k001')).toBe(true);
    expect(hasCameraIssue([alert({ ruleId: 'FS-AI-EVENT', status: 'closed' })], 'k001')).toBe(false);
    expect(hasCameraIssue([alert({})], 'k001')).toBe(false);
  });

  it('names every sample rule in both languages', () => {
    for (const id of ['FS-SAMPLE-WEIGHT', 'FS-SAMPLE-MISSING', 'FS-SAMPLE-EARLY', 'FS-SAMPLE-TEMP']) {
      expect(RULE_NAMES[id]?.zh).toBeTruthy();
      expect(RULE_NAMES[id]?.en).toBeTruthy();
    }
  });
});

describe('shiftDate', () => {
  it('moves a day back and forth', () => {
    expect(shiftDate('2026-11-23', -1)).toBe('2026-11-22');
    expect(shiftDate('2026-11-23', 1)).toBe('2026-11-24');
    expect(shiftDate('2026-11-23', 0)).toBe('2026-11-23');
    expect(shiftDate('2026-11-23', -30)).toBe('2026-10-24');
  });

  it('rolls over month, year and leap day', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2027-01-01', -1)).toBe('2026-12-31');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftDate('2026-10-31', 1)).toBe('2026-11-01');
  });

  it('is not moved by daylight saving or the local time zone', () => {
    // Days on which Europe and the US change their clocks.
    expect(shiftDate('2026-03-29', -1)).toBe('2026-03-28');
    expect(shiftDate('2026-03-08', 1)).toBe('2026-03-09');
    expect(shiftDate('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('refuses what is not a day', () => {
    for (const bad of ['', '2026-11-3', '2026-02-30', '2026-13-01', '2026-11-23T00:00:00Z', 'today']) {
      expect(() => shiftDate(bad, 1)).toThrow(RangeError);
    }
    expect(() => shiftDate('2026-11-23', 0.5)).toThrow(RangeError);
  });
});

describe('sample alert subjects', () => {
  it('names a missing-dish alert by its dish and service, and a sample alert by its number', async () => {
    const { unitName } = await import('./components/kitchen-card.ts');
    expect(unitName({ device: undefined, deviceId: 'menu:2026-11-23:lunch:番茄炒蛋' })).toBe('留样 · 番茄炒蛋（2026-11-23 午餐）');
    expect(unitName({ device: undefined, deviceId: 'sample-14' })).toBe('留样 #14');
    expect(unitName({ device: undefined, deviceId: 'chiller-9' })).toBe('chiller-9');
  });
});
