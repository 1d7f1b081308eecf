import { describe, expect, it } from 'vitest';
import type { KitchenRegistry, Reminder } from '../../contracts/registry.ts';
import { checkRegistryUpdate, checkSiteCreate, licenceState, registryValues, sameIds, siteTypeKey } from './admin-sites.ts';

const registry = (over: Partial<KitchenRegistry> = {}): KitchenRegistry => ({
  kitchenId: 'k-new', name: '幸福里长者饭堂', siteNumber: null, siteType: '助餐服务中心', address: '幸福路 1 号', lat: null, lng: null,
  licenceNumber: null, licenceExpiresOn: null, riskGrade: null, lastInspection: null, jurisdictions: [], staff: [], units: [], reminders: [],
  ...over,
});

const licenceReminder = (daysLeft: number | null): Reminder => ({
  kind: 'licence', ruleId: 'FS-REG-LICENCE', subject: 'licence', subjectName: '食品经营许可证', dueOn: '2026-03-01', daysLeft, reason: '',
});

describe('a new site', () => {
  it('is sent trimmed, with its jurisdictions only when some are picked', () => {
    const checked = checkSiteCreate({ id: ' k-new ', name: ' 幸福里 ', district: '示范区', address: '', siteType: '助餐点', jurisdictions: [] });
    expect(checked).toEqual({ ok: true, value: { id: 'k-new', name: '幸福里', district: '示范区', address: '', siteType: '助餐点' } });
    const linked = checkSiteCreate({ id: 'k2', name: 'x', district: '', address: '', siteType: '中央厨房', jurisdictions: ['demo-east'] });
    expect(linked.ok && linked.value.jurisdictions).toEqual(['demo-east']);
  });

  it('names the first field the server would refuse', () => {
    const base = { id: 'k1', name: 'x', district: '', address: '', siteType: '助餐点', jurisdictions: [] };
    expect(checkSiteCreate({ ...base, id: 'k/1' })).toMatchObject({ ok: false, field: 'id', error: 'admin.err.siteId' });
    expect(checkSiteCreate({ ...base, name: '  ' })).toMatchObject({ ok: false, field: 'name' });
    expect(checkSiteCreate({ ...base, siteType: '' })).toMatchObject({ ok: false, field: 'siteType' });
    expect(checkSiteCreate({ ...base, siteType: '食堂' })).toMatchObject({ ok: false, field: 'siteType' });
  });

  it('knows the four site types by name', () => {
    expect(siteTypeKey('养老机构食堂')).toBe('admin.siteType.care');
    expect(siteTypeKey('old type')).toBeNull();
  });
});

describe('editing the registry', () => {
  it('sends only the facts that changed, blanks as null', () => {
    const before = registry({ siteNumber: 'ZC-001', riskGrade: 'B' });
    const v = { ...registryValues(before), siteNumber: ' ', lat: '31.23', lng: '121.47', licenceExpiresOn: '2026-12-31', riskGrade: 'A' };
    expect(checkRegistryUpdate(before, v)).toEqual({
      ok: true, value: { siteNumber: null, lat: 31.23, lng: 121.47, licenceExpiresOn: '2026-12-31', riskGrade: 'A' },
    });
  });

  it('sends nothing when nothing changed, and keeps a site type the contract no longer lists', () => {
    const before = registry({ siteType: '老年食堂', lat: 31.2, lng: 121.4 });
    expect(checkRegistryUpdate(before, registryValues(before))).toEqual({ ok: true, value: {} });
  });

  it('refuses coordinates out of range, half a pair, a bad date or grade', () => {
    const before = registry();
    const v = registryValues(before);
    expect(checkRegistryUpdate(before, { ...v, lat: '91', lng: '0' })).toMatchObject({ ok: false, field: 'lat', error: 'admin.err.lat' });
    expect(checkRegistryUpdate(before, { ...v, lat: '30', lng: 'east' })).toMatchObject({ ok: false, field: 'lng', error: 'admin.err.lng' });
    expect(checkRegistryUpdate(before, { ...v, lat: '30', lng: '' })).toMatchObject({ ok: false, field: 'lng', error: 'admin.err.coordsPair' });
    expect(checkRegistryUpdate(before, { ...v, licenceExpiresOn: '31/12/2026' })).toMatchObject({ ok: false, field: 'licenceExpiresOn' });
    expect(checkRegistryUpdate(before, { ...v, riskGrade: 'E' })).toMatchObject({ ok: false, field: 'riskGrade' });
    expect(checkRegistryUpdate(before, { ...v, name: '' })).toMatchObject({ ok: false, field: 'name' });
  });
});

describe('the licence column', () => {
  it('[FS-REG-LICENCE] is missing without an expiry, ok without a reminder, soon or lapsed by the server\'s reminder', () => {
    expect(licenceState(registry())).toEqual({ state: 'missing', daysLeft: null });
    expect(licenceState(registry({ licenceExpiresOn: '2027-01-01' }))).toEqual({ state: 'ok', daysLeft: null });
    expect(licenceState(registry({ licenceExpiresOn: '2026-03-01', reminders: [licenceReminder(12)] }))).toEqual({ state: 'soon', daysLeft: 12 });
    expect(licenceState(registry({ licenceExpiresOn: '2026-03-01', reminders: [licenceReminder(0)] }))).toEqual({ state: 'soon', daysLeft: 0 });
    expect(licenceState(registry({ licenceExpiresOn: '2026-03-01', reminders: [licenceReminder(-3)] }))).toEqual({ state: 'lapsed', daysLeft: -3 });
    const other: Reminder = { ...licenceReminder(-3), kind: 'calibration', ruleId: 'FS-CAL-DUE' };
    expect(licenceState(registry({ licenceExpiresOn: '2027-01-01', reminders: [other] })).state).toBe('ok');
  });
});

it('compares id lists as sets', () => {
  expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(true);
  expect(sameIds(['a'], ['a', 'b'])).toBe(false);
  expect(sameIds(['a', 'c'], ['a', 'b'])).toBe(false);
});
