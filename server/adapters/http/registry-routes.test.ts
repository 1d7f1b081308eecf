// The registry's REST on the real routers, use cases and SQLite: scope (404 outside it, 403 for
// an act the role lacks), staff, inspections, calibrations closing their reminder, provisioning.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Kitchen } from '../../../contracts/api.ts';
import type { CalibrationRecord, Inspection, KitchenRegistry, ProvisionedGateway, Reminder, StaffMember } from '../../../contracts/registry.ts';
import { createProvisioning } from '../../app/registry-provisioning.ts';
import { createRegistryFactsRepo } from '../sql/registry-facts-repo.ts';
import { startRegistryApi, type Caller, type RegistryApi } from './registry-routes.fixtures.ts';

const NOW = Date.UTC(2026, 2, 15, 2, 0); // 2026-03-15 10:00 in Asia/Shanghai
const DAY = 24 * 3_600_000;
const kitchen = (id: string, name: string): Kitchen => ({ id, name, district: '示范区', address: '', siteType: '助餐服务中心', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' });

let api: RegistryApi;
let admin: Caller;
let staffA: Caller;
let managerA: Caller;
let inspector: Caller;

beforeAll(async () => {
  api = await startRegistryApi({ now: NOW, kitchens: [kitchen('ka', '幸福里长者饭堂'), kitchen('kb', '和平长者饭堂')] });
  api.accounts.upsertJurisdiction({ id: 'east', name: '东街道', level: 'street', parentId: null, videoRetentionDays: null });
  api.accounts.linkKitchen('ka', 'east');
  api.announce('ka', [{ device: 'chiller-1', kind: 'chiller', name: '冷藏柜 1', reportIntervalS: 60 }]);
  admin = await api.as({ username: 'admin1', displayName: '管理员', role: 'admin' });
  staffA = await api.as({ username: 'ka-staff', displayName: '刘师傅', role: 'kitchen_staff', kitchenId: 'ka' });
  managerA = await api.as({ username: 'ka-manager', displayName: '王经理', role: 'kitchen_manager', kitchenId: 'ka' });
  inspector = await api.as({ username: 'east-insp', displayName: '张监管', role: 'inspector', jurisdictions: ['east'] });
});
afterAll(async () => api?.close());

const liveAlerts = (ruleId: string, deviceId: string): Alert[] =>
  api.alerts.list({ kitchenId: 'ka', limit: 1000 }).filter((a) => a.ruleId === ruleId && a.deviceId === deviceId && a.status !== 'closed');

describe('registry routes: scope', () => {
  it('kitchen staff cannot read another kitchen\'s registry (404) nor write their own staff list (403)', async () => {
    expect(await staffA.call('GET', '/api/kitchens/kb/registry')).toMatchObject({ status: 404, body: { error: { code: 'kitchen_not_found' } } });
    expect((await staffA.call<KitchenRegistry>('GET', '/api/kitchens/ka/registry')).body.kitchenId).toBe('ka');
    expect(await staffA.call('POST', '/api/kitchens/ka/staff', { name: '李四', position: '帮厨' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it('a kitchen manager adds staff to their own kitchen only; a staff id of another kitchen is not found', async () => {
    const added = await managerA.call<StaffMember>('POST', '/api/kitchens/ka/staff', { name: '陈红', position: '配餐员', healthCertNumber: 'JK-2026-001', healthCertExpiresOn: '2027-01-10' });
    expect(added).toMatchObject({ status: 201, body: { kitchenId: 'ka', name: '陈红', healthCertExpiresOn: '2027-01-10', active: true } });
    expect((await managerA.call('POST', '/api/kitchens/kb/staff', { name: '陈红', position: '配餐员' })).status).toBe(404);
    const other = await admin.call<StaffMember>('POST', '/api/kitchens/kb/staff', { name: '赵六', position: '厨师' });
    expect(await managerA.call('PUT', `/api/kitchens/ka/staff/${other.body.id}`, { name: '赵六', position: '厨师' }))
      .toMatchObject({ status: 404, body: { error: { code: 'staff_not_found' } } });
    expect((await managerA.call('PUT', '/api/kitchens/ka/staff/abc', { name: 'x', position: 'y' })).body).toMatchObject({ error: { code: 'invalid_id' } });
    const staffList = (await staffA.call<KitchenRegistry>('GET', '/api/kitchens/ka/registry')).body.staff;
    expect(staffList.map((s) => s.name)).toEqual(['陈红']);
  });

  it('refuses a malformed body with invalid_body, naming the field', async () => {
    const res = await managerA.call('POST', '/api/kitchens/ka/staff', { name: '陈红', position: '配餐员', healthCertExpiresOn: '2027-02-30' });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_body', message: expect.stringContaining('healthCertExpiresOn') } } });
  });

  it('trims a staff member\'s name and position; one left blank is invalid_body, and nothing is added', async () => {
    const before = (await staffA.call<KitchenRegistry>('GET', '/api/kitchens/ka/registry')).body.staff.length;
    expect(await managerA.call('POST', '/api/kitchens/ka/staff', { name: '   ', position: '帮厨' }))
      .toMatchObject({ status: 400, body: { error: { code: 'invalid_body', message: expect.stringContaining('name') } } });
    expect(await managerA.call('POST', '/api/kitchens/ka/staff', { name: '李四', position: ' \u3000 ' })) // an ideographic space too
      .toMatchObject({ status: 400, body: { error: { code: 'invalid_body', message: expect.stringContaining('position') } } });
    expect((await staffA.call<KitchenRegistry>('GET', '/api/kitchens/ka/registry')).body.staff).toHaveLength(before);
    const added = await managerA.call<StaffMember>('POST', '/api/kitchens/ka/staff', { name: ' 李四 ', position: '帮厨 ', healthCertExpiresOn: '2027-06-01' });
    expect(added).toMatchObject({ status: 201, body: { name: '李四', position: '帮厨' } });
    expect(await managerA.call('PUT', `/api/kitchens/ka/staff/${added.body.id}`, { name: '\t', position: '帮厨' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
  });
});

describe('registry routes: inspections', () => {
  it('an inspector records inspections; the newest by date is lastInspection, signed with their name', async () => {
    const first = await inspector.call<Inspection>('POST', '/api/kitchens/ka/inspections', { date: '2026-03-10', result: 'pass_with_remarks', note: '留样记录需补签' });
    expect(first).toMatchObject({ status: 201, body: { inspector: '张监管', date: '2026-03-10', result: 'pass_with_remarks' } });
    // An older inspection entered later does not replace the one posted.
    await inspector.call('POST', '/api/kitchens/ka/inspections', { date: '2025-11-02', result: 'pass' });
    expect((await staffA.call<KitchenRegistry>('GET', '/api/kitchens/ka/registry')).body.lastInspection).toMatchObject({ id: first.body.id, inspector: '张监管' });
    expect((await staffA.call<Inspection[]>('GET', '/api/kitchens/ka/inspections')).body.map((i) => i.date)).toEqual(['2026-03-10', '2025-11-02']);
    expect((await managerA.call('POST', '/api/kitchens/ka/inspections', { date: '2026-03-10', result: 'pass' })).status).toBe(403);
    expect((await inspector.call('POST', '/api/kitchens/ka/inspections', { date: '2026-03-16', result: 'pass' })).body).toMatchObject({ error: { code: 'invalid_body' } });
    expect((await inspector.call('POST', '/api/kitchens/kb/inspections', { date: '2026-03-10', result: 'pass' })).status).toBe(404);
  });
});

describe('registry routes: reminders as alerts', () => {
  it('[FS-CAL-DUE] a never-calibrated unit raises a reminder alert once; a calibration closes it as the system', async () => {
    api.reminders.check('ka');
    api.reminders.check('ka');
    const [due] = liveAlerts('FS-CAL-DUE', 'chiller-1');
    expect(liveAlerts('FS-CAL-DUE', 'chiller-1')).toHaveLength(1);
    expect(due).toMatchObject({ severity: 'reminder', status: 'active', message: expect.stringContaining('never calibrated') });

    const rec = await managerA.call<CalibrationRecord>('POST', '/api/kitchens/ka/devices/chiller-1/calibrations',
      { date: '2026-03-14', kind: 'calibration', referenceC: 4.0, readingC: 4.3, certificate: 'JL-2026-0312' });
    expect(rec).toMatchObject({ status: 201, body: { deviationC: 0.3, by: '王经理', certificate: 'JL-2026-0312' } });
    expect(api.alerts.get(due!.id)).toMatchObject({ status: 'closed', closedBy: 'system' });
    expect(api.emitted.at(-1)).toMatchObject({ event: 'alert:updated', alert: { id: due!.id, status: 'closed' } });
    expect(api.audit.ofSubject(`alert:${due!.id}`).map((e) => [e.actor, e.action])).toEqual([['system', 'alert.closed']]);
    const unit = (await staffA.call<KitchenRegistry>('GET', '/api/kitchens/ka/registry')).body.units[0];
    expect(unit).toMatchObject({ deviceId: 'chiller-1', lastCalibratedOn: '2026-03-14', dueOn: '2027-03-14', lastCheck: { id: rec.body.id } });
  });

  it('[FS-CAL-DUE] a field check 1.4 °C off raises it again at once; only a calibration of a unit of that kitchen is accepted', async () => {
    await inspector.call('POST', '/api/kitchens/ka/devices/chiller-1/calibrations', { date: '2026-03-15', kind: 'field_check', referenceC: 3.0, readingC: 4.4 });
    expect(liveAlerts('FS-CAL-DUE', 'chiller-1')).toMatchObject([{ message: expect.stringContaining('off the reference by 1.4 °C') }]);
    expect(await managerA.call('POST', '/api/kitchens/ka/devices/freezer-9/calibrations', { date: '2026-03-15', kind: 'calibration', referenceC: -18, readingC: -18 }))
      .toMatchObject({ status: 404, body: { error: { code: 'device_not_found' } } });
    expect((await staffA.call('POST', '/api/kitchens/ka/devices/chiller-1/calibrations', { date: '2026-03-15', kind: 'field_check', referenceC: 3, readingC: 3 })).status).toBe(403);
    expect((await staffA.call<CalibrationRecord[]>('GET', '/api/kitchens/ka/devices/chiller-1/calibrations')).body.map((c) => c.kind)).toEqual(['field_check', 'calibration']);
  });

  it('[FS-CAL-DUE] a calibration carries its certificate number (400 without one, or a blank one); a field check needs none', async () => {
    const calibration = { date: '2026-03-15', kind: 'calibration', referenceC: 3.0, readingC: 3.1 };
    for (const body of [calibration, { ...calibration, certificate: '  ' }]) {
      expect(await managerA.call('POST', '/api/kitchens/ka/devices/chiller-1/calibrations', body))
        .toMatchObject({ status: 400, body: { error: { code: 'invalid_body', message: expect.stringContaining('certificate') } } });
    }
    // Refused, so the unit is still due from the failed field check.
    expect(liveAlerts('FS-CAL-DUE', 'chiller-1')).toHaveLength(1);
    expect((await staffA.call<CalibrationRecord[]>('GET', '/api/kitchens/ka/devices/chiller-1/calibrations')).body).toHaveLength(2);
    const check = await inspector.call<CalibrationRecord>('POST', '/api/kitchens/ka/devices/chiller-1/calibrations', { date: '2026-03-15', kind: 'field_check', referenceC: 3.0, readingC: 4.4 });
    expect(check).toMatchObject({ status: 201, body: { kind: 'field_check', certificate: null } });
  });

  it('[FS-REG-HEALTH-CERT] a lapsed certificate raises a reminder on staff-<id>; renewing it closes the alert', async () => {
    const lapsed = (await managerA.call<StaffMember>('POST', '/api/kitchens/ka/staff', { name: '孙丽', position: '厨师', healthCertExpiresOn: '2026-03-01' })).body;
    const subject = `staff-${lapsed.id}`;
    expect(liveAlerts('FS-REG-HEALTH-CERT', subject)).toMatchObject([{ severity: 'reminder', message: expect.stringContaining('lapsed on 2026-03-01') }]);
    const id = liveAlerts('FS-REG-HEALTH-CERT', subject)[0]!.id;
    await managerA.call('PUT', `/api/kitchens/ka/staff/${lapsed.id}`, { name: '孙丽', position: '厨师', healthCertExpiresOn: '2027-03-01' });
    expect(api.alerts.get(id)).toMatchObject({ status: 'closed', closedBy: 'system' });
    expect(liveAlerts('FS-REG-HEALTH-CERT', subject)).toEqual([]);
  });

  it('[FS-REG-LICENCE] the reminders route lists what is due in the user\'s scope only, with the kitchen\'s name', async () => {
    await admin.call('PUT', '/api/kitchens/ka/registry', { licenceNumber: 'JY13101040012345', licenceExpiresOn: '2026-04-24', riskGrade: 'B', lat: 31.2, lng: 121.4 });
    const mine = (await inspector.call<Array<Reminder & { kitchenId: string; kitchenName: string }>>('GET', '/api/reminders')).body;
    expect(mine.find((r) => r.ruleId === 'FS-REG-LICENCE')).toMatchObject({ kitchenId: 'ka', kitchenName: '幸福里长者饭堂', dueOn: '2026-04-24', daysLeft: 40 });
    expect(mine.every((r) => r.kitchenId === 'ka')).toBe(true);
    const all = (await admin.call<Array<{ kitchenId: string }>>('GET', '/api/reminders')).body;
    expect(new Set(all.map((r) => r.kitchenId))).toEqual(new Set(['ka', 'kb']));
    expect(api.registry.getKitchen('ka')).toMatchObject({ lat: 31.2, lng: 121.4, riskGrade: 'B' });
    // The "no licence on file" alert gave way to the one of the licence now on file.
    expect(liveAlerts('FS-REG-LICENCE', 'licence')).toMatchObject([{ message: expect.stringContaining('lapses on 2026-04-24, in 40 days') }]);
    expect((await managerA.call('PUT', '/api/kitchens/ka/registry', { riskGrade: 'A' })).status).toBe(403);
  });
});

describe('registry reminders: who closed an episode', () => {
  it('[FS-REG-HEALTH-CERT] the system\'s close does not silence a reminder: made inactive, then active again, it is raised again', async () => {
    const member = (await managerA.call<StaffMember>('POST', '/api/kitchens/ka/staff', { name: '周敏', position: '配餐员', healthCertExpiresOn: '2026-03-01' })).body;
    const subject = `staff-${member.id}`;
    const [first] = liveAlerts('FS-REG-HEALTH-CERT', subject);
    const put = (active: boolean) => managerA.call('PUT', `/api/kitchens/ka/staff/${member.id}`, { name: '周敏', position: '配餐员', active });
    await put(false); // left: no reminder, its alert closed by the system
    expect(api.alerts.get(first!.id)).toMatchObject({ status: 'closed', closedBy: 'system' });
    await put(true); // back: the same lapse, due again
    expect(liveAlerts('FS-REG-HEALTH-CERT', subject)).toMatchObject([{ message: expect.stringContaining('lapsed on 2026-03-01'), firstOutAt: first!.firstOutAt }]);
    expect(liveAlerts('FS-REG-HEALTH-CERT', subject)[0]!.id).not.toBe(first!.id);
  });

  it('[FS-REG-HEALTH-CERT] a reminder check that fails after a saved change is reported; the change is answered as saved', async () => {
    const raise = api.alerts.raise;
    api.alerts.raise = () => {
      throw new Error('disk I/O error');
    };
    const res = await managerA.call<StaffMember>('POST', '/api/kitchens/ka/staff', { name: '吴刚', position: '帮厨' }).finally(() => {
      api.alerts.raise = raise;
    });
    expect(res).toMatchObject({ status: 201, body: { name: '吴刚', healthCertExpiresOn: null } });
    expect(api.checkFailures).toMatchObject([{ kitchenId: 'ka', err: { message: 'disk I/O error' } }]);
    const subject = `staff-${res.body.id}`;
    expect((await staffA.call<KitchenRegistry>('GET', '/api/kitchens/ka/registry')).body.staff.map((m) => m.name)).toContain('吴刚');
    expect(liveAlerts('FS-REG-HEALTH-CERT', subject)).toEqual([]);
    api.reminders.checkAll(); // the next check catches up
    expect(liveAlerts('FS-REG-HEALTH-CERT', subject)).toMatchObject([{ message: expect.stringContaining('no health certificate on file') }]);
  });
});

describe('registry reminders over time', () => {
  it('[FS-REG-LICENCE] a warning a person closed is not raised again days later; the lapse is its own episode, raised', async () => {
    const [warning] = liveAlerts('FS-REG-LICENCE', 'licence'); // lapses on 2026-04-24, in 40 days
    api.alerts.resolve(warning!.id, NOW, { by: '王经理', cause: 'other', correctiveAction: '已提交续证申请', disposition: { kind: 'none' } });
    api.alerts.close(warning!.id, NOW, '张监管');
    api.advance(DAY);
    api.reminders.checkAll();
    expect(liveAlerts('FS-REG-LICENCE', 'licence')).toEqual([]);
    // 2026-04-25, 10:00: the licence lapsed at the site's midnight. Closing the warning did not close this.
    api.advance(40 * DAY);
    api.reminders.checkAll();
    expect(liveAlerts('FS-REG-LICENCE', 'licence')).toMatchObject([{ message: expect.stringContaining('lapsed on 2026-04-24'), firstOutAt: '2026-04-24T16:00:00.000Z' }]);
    // Renewed to a date itself near: the system closes the lapse, a new episode has its alert.
    const [lapsed] = liveAlerts('FS-REG-LICENCE', 'licence');
    await admin.call('PUT', '/api/kitchens/ka/registry', { licenceExpiresOn: '2026-06-01' });
    expect(api.alerts.get(lapsed!.id)).toMatchObject({ status: 'closed', closedBy: 'system' });
    expect(liveAlerts('FS-REG-LICENCE', 'licence')).toMatchObject([{ message: expect.stringContaining('lapses on 2026-06-01') }]);
  });
});

describe('registry routes: sites and gateways', () => {
  it('an administrator registers a site: 201, then 409 kitchen_exists; an unknown profile is 400; others 403', async () => {
    const req = { id: 'kc', name: '长乐社区长者饭堂', district: '示范区', address: '解放路 1 号', siteType: '助餐点', jurisdictions: ['east'] };
    expect(await admin.call('POST', '/api/kitchens', req)).toMatchObject({ status: 201, body: { id: 'kc', profile: 'CN-GB31654', timezone: 'Asia/Shanghai' } });
    expect((await inspector.call<KitchenRegistry>('GET', '/api/kitchens/kc/registry')).body.jurisdictions).toEqual([{ id: 'east', name: '东街道' }]);
    expect(await admin.call('POST', '/api/kitchens', req)).toMatchObject({ status: 409, body: { error: { code: 'kitchen_exists' } } });
    expect(await admin.call('POST', '/api/kitchens', { ...req, id: 'kd', profile: 'XX' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await admin.call('POST', '/api/kitchens', { ...req, id: 'kd', jurisdictions: ['nope'] })).toMatchObject({ status: 404, body: { error: { code: 'jurisdiction_not_found' } } });
    expect((await managerA.call('POST', '/api/kitchens', { ...req, id: 'ke' })).status).toBe(403);
    expect(api.registry.getKitchen('kd')).toBeUndefined();
  });

  it('a prototype key is no rule profile: 400 before anything is written', async () => {
    const req = { id: 'kp', name: '原型', district: '示范区', address: '', siteType: '助餐点' };
    for (const profile of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await admin.call('POST', '/api/kitchens', { ...req, profile })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    }
    expect(api.registry.getKitchen('kp')).toBeUndefined();
    expect(api.audit.ofSubject('kitchen:kp')).toEqual([]);
    expect(() => api.registry.saveKitchen({ ...kitchen('kp', '原型'), profile: 'constructor' })).toThrow(/unknown rule profile/);
    // Only RegistryUpdate's own fields name columns, whatever object reaches the repo.
    expect(() => createRegistryFactsRepo(api.db).update('ka', JSON.parse('{"constructor":"x","__proto__":"y","toString":"z"}'))).not.toThrow();
    expect(api.registry.getKitchen('ka')?.name).toBe('幸福里长者饭堂');
  });

  it('trims a site\'s name (blank is 400, at creation and later) and stores its time zone in the canonical spelling', async () => {
    const req = { id: 'kt', name: '  长乐社区长者饭堂 ', district: ' 示范区', address: '', siteType: '助餐点', timezone: 'asia/shanghai' };
    expect(await admin.call('POST', '/api/kitchens', req)).toMatchObject({ status: 201, body: { name: '长乐社区长者饭堂', district: '示范区', timezone: 'Asia/Shanghai' } });
    expect(api.registry.getKitchen('kt')).toMatchObject({ name: '长乐社区长者饭堂', timezone: 'Asia/Shanghai' });
    expect(await admin.call('POST', '/api/kitchens', { ...req, id: 'kt2', name: ' \u3000 ' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await admin.call('POST', '/api/kitchens', { ...req, id: 'kt2', timezone: 'Mars/Olympus' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(api.registry.getKitchen('kt2')).toBeUndefined();
    expect(await admin.call('PUT', '/api/kitchens/kt/registry', { name: '  ' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await admin.call('PUT', '/api/kitchens/kt/registry', { name: ' 长乐饭堂 ' })).toMatchObject({ status: 200, body: { name: '长乐饭堂' } });
  });

  it('provisioning shows the secret once: stored only as a hash, never in the registry or the audit log', async () => {
    const res = await admin.call<ProvisionedGateway>('POST', '/api/kitchens/ka/gateways', { gatewayId: 'gw-ka-2' });
    expect(res).toMatchObject({ status: 201, body: { kitchenId: 'ka', gatewayId: 'gw-ka-2', username: 'gw-ka-2', mqttUrl: 'mqtts://mqtt.example.org:8883', topicPrefix: 'kcw/v1/ka/gw-ka-2' } });
    expect(res.headers.get('cache-control')).toBe('no-store'); // no cache may keep the secret
    const { secret } = res.body;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(api.credentialsPath, 'utf8')).not.toContain(secret);
    expect((await admin.call('GET', '/api/kitchens/ka/registry')).text).not.toContain(secret);
    expect(JSON.stringify(api.audit.list({ limit: 1000 }))).not.toContain(secret);
    expect(api.audit.ofSubject('gateway:gw-ka-2').map((e) => e.action)).toEqual(['gateway.provisioned']);

    expect(await admin.call('POST', '/api/kitchens/ka/gateways', { gatewayId: 'gw-ka-2' })).toMatchObject({ status: 409, body: { error: { code: 'gateway_exists' } } });
    expect(await admin.call('POST', '/api/kitchens/kb/gateways', { gatewayId: 'gw-ka-2', rotate: true })).toMatchObject({ status: 409, body: { error: { code: 'gateway_exists' } } });
    const rotated = await admin.call<ProvisionedGateway>('POST', '/api/kitchens/ka/gateways', { gatewayId: 'gw-ka-2', rotate: true });
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(api.audit.ofSubject('gateway:gw-ka-2').map((e) => e.action)).toEqual(['gateway.provisioned', 'gateway.rotated']);
    expect((await managerA.call('POST', '/api/kitchens/ka/gateways', { gatewayId: 'gw-x' })).status).toBe(403);
  });

  it('rotating the secret of a gateway never provisioned is 404 gateway_not_found: nothing created, nothing audited', async () => {
    expect(await admin.call('POST', '/api/kitchens/ka/gateways', { gatewayId: 'gw-never', rotate: true }))
      .toMatchObject({ status: 404, body: { error: { code: 'gateway_not_found' } } });
    expect(readFileSync(api.credentialsPath, 'utf8')).not.toContain('gw-never');
    expect(api.audit.ofSubject('gateway:gw-never')).toEqual([]);
    expect((await admin.call('POST', '/api/kitchens/ka/gateways', { gatewayId: 'gw-never' })).status).toBe(201); // created the ordinary way
  });

  it('without the broker\'s credentials file provisioning is unavailable', async () => {
    const none = createProvisioning({ audit: api.audit });
    await expect(none.provision('ka', 'gw-y', false, { username: 'a', displayName: 'a', role: 'admin' })).rejects.toMatchObject({ code: 'provisioning_unavailable' });
  });
});
