import { describe, expect, it } from 'vitest';
import type { UnitCalibration } from '../../contracts/registry.ts';
import {
  calibrationExpiry, daysLeftText, daysUntil, expiryOf, readCalibration, readInspection, readStaff, registryParams, siteToday,
} from './registry-view.ts';
import { setLang } from './i18n.ts';

const unit = (over: Partial<UnitCalibration> = {}): UnitCalibration => ({
  deviceId: 'chiller-1', name: '冷藏柜 1', kind: 'chiller', lastCalibratedOn: '2024-01-10', dueOn: '2025-01-10', lastCheck: null, ...over,
});

describe('registry view', () => {
  it("takes today as the site's date, not the browser's", () => {
    // 17:30 UTC on 22 Nov is already 23 Nov in Shanghai.
    expect(siteToday(Date.parse('2024-11-22T17:30:00Z'), 'Asia/Shanghai')).toBe('2024-11-23');
    expect(siteToday(Date.parse('2024-11-22T17:30:00Z'), 'Europe/London')).toBe('2024-11-22');
  });

  it('counts calendar days across months and years', () => {
    expect(daysUntil('2025-01-02', '2024-12-30')).toBe(3);
    expect(daysUntil('2024-12-30', '2025-01-02')).toBe(-3);
    expect(daysUntil('bad', '2025-01-02')).toBeNull();
  });

  it('[FS-REG-HEALTH-CERT] a certificate is lapsed past its date, due within the lead days, missing when none is on file', () => {
    const lead = registryParams('CN-GB31654').healthCertLeadDays;
    expect(lead).toBe(30);
    expect(expiryOf('2024-11-21', '2024-11-22', lead)).toEqual({ state: 'lapsed', daysLeft: -1 });
    expect(expiryOf('2024-11-22', '2024-11-22', lead)).toEqual({ state: 'due', daysLeft: 0 });
    expect(expiryOf('2024-12-22', '2024-11-22', lead)).toEqual({ state: 'due', daysLeft: 30 });
    expect(expiryOf('2024-12-23', '2024-11-22', lead)).toEqual({ state: 'ok', daysLeft: 31 });
    expect(expiryOf(null, '2024-11-22', lead)).toEqual({ state: 'missing', daysLeft: null });
  });

  it('[FS-REG-LICENCE] says the days left in words, in either language', () => {
    setLang('zh-CN');
    expect([daysLeftText(-3), daysLeftText(0), daysLeftText(12), daysLeftText(null)]).toEqual(['已过期 3 天', '今天到期', '剩 12 天', '未登记']);
    setLang('en');
    expect(daysLeftText(-1)).toBe('Lapsed 1 day ago');
    expect(daysLeftText(12)).toBe('12 days left');
    setLang('zh-CN');
  });

  it('[FS-CAL-DUE] a unit never calibrated is due now; a field check off the reference by more than 1 °C is flagged', () => {
    const p = registryParams('CN-GB31654');
    expect(calibrationExpiry(unit({ lastCalibratedOn: null, dueOn: null }), '2024-11-22', p)).toMatchObject({ state: 'lapsed', daysLeft: null });
    expect(calibrationExpiry(unit(), '2024-12-20', p)).toMatchObject({ state: 'due', daysLeft: 21, off: false });
    const check = {
      id: 1, kitchenId: 'k1', deviceId: 'chiller-1', date: '2024-11-01', kind: 'field_check' as const, referenceC: 4, readingC: 5.4,
      deviationC: 1.4, certificate: null, by: '王', recordedAt: '2024-11-01T02:00:00Z',
    };
    expect(calibrationExpiry(unit({ lastCheck: check }), '2024-11-22', p).off).toBe(true);
    expect(calibrationExpiry(unit({ lastCheck: { ...check, deviationC: -0.8 } }), '2024-11-22', p).off).toBe(false);
  });

  it('[FS-CAL-DUE] reads the calibration form, taking a comma and a real minus sign', () => {
    expect(readCalibration({ date: '2024-11-22', kind: 'field_check', referenceC: '\u221218,5', readingC: '-18.1', certificate: ' ' }))
      .toEqual({ ok: true, value: { date: '2024-11-22', kind: 'field_check', referenceC: -18.5, readingC: -18.1 } });
    expect(readCalibration({ date: '2024-11-22', kind: 'calibration', referenceC: '4', readingC: '', certificate: 'JL-1' }))
      .toEqual({ ok: false, error: 'reg.err.temp' });
    expect(readCalibration({ date: '2024-02-30', kind: 'calibration', referenceC: '4', readingC: '4', certificate: '' }))
      .toEqual({ ok: false, error: 'reg.err.date' });
    expect(readCalibration({ date: '2024-11-22', kind: 'calibration', referenceC: '4', readingC: '4.2', certificate: '  ' }))
      .toEqual({ ok: false, error: 'reg.err.certificate' });
    expect(readCalibration({ date: '2024-11-22', kind: 'calibration', referenceC: '4', readingC: '4.2', certificate: ' JL-1 ' }))
      .toEqual({ ok: true, value: { date: '2024-11-22', kind: 'calibration', referenceC: 4, readingC: 4.2, certificate: 'JL-1' } });
  });

  it('reads the inspection form: no date after today, one of the three results', () => {
    expect(readInspection({ date: '2024-11-22', result: 'pass_with_remarks', note: ' 台账不全 ' }, '2024-11-22'))
      .toEqual({ ok: true, value: { date: '2024-11-22', result: 'pass_with_remarks', note: '台账不全' } });
    expect(readInspection({ date: '2024-11-23', result: 'pass', note: '' }, '2024-11-22')).toEqual({ ok: false, error: 'reg.err.date' });
    expect(readInspection({ date: '2024-11-22', result: 'excellent', note: '' }, '2024-11-22')).toEqual({ ok: false, error: 'reg.err.result' });
  });

  it('reads the staff form: name and position required, a certificate optional', () => {
    expect(readStaff({ name: ' 李厨 ', position: '厨师', certNumber: '', certExpiresOn: '', active: true }))
      .toEqual({ ok: true, value: { name: '李厨', position: '厨师', healthCertNumber: null, healthCertExpiresOn: null, active: true } });
    expect(readStaff({ name: '', position: '厨师', certNumber: '', certExpiresOn: '', active: true })).toEqual({ ok: false, error: 'reg.err.staff' });
  });
});
