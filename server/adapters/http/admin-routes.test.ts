// Account administration over REST (users:manage): users created, changed and disabled (their
// session ends), the jurisdiction tree, and the authorities a kitchen sits under.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kitchen } from '../../../contracts/api.ts';
import type { Jurisdiction, UserDto } from '../../../contracts/auth.ts';
import { PASSWORD, startRegistryApi, type Caller, type RegistryApi } from './registry-routes.fixtures.ts';

const kitchen = (id: string): Kitchen => ({ id, name: id, district: '示范区', address: '', siteType: '助餐服务中心', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' });
const street = (id: string, name: string, parentId: string | null = null): Jurisdiction => ({ id, name, level: 'street', parentId, videoRetentionDays: null });

let api: RegistryApi;
let admin: Caller;
let staff: Caller;

beforeAll(async () => {
  api = await startRegistryApi({ now: Date.UTC(2026, 2, 15, 2, 0), kitchens: [kitchen('ka'), kitchen('kb')] });
  admin = await api.as({ username: 'admin1', displayName: '管理员', role: 'admin' });
  staff = await api.as({ username: 'ka-staff', role: 'kitchen_staff', kitchenId: 'ka' });
});
afterAll(async () => api?.close());

describe('admin routes: users', () => {
  it('only users:manage may list or change users (403)', async () => {
    expect(await staff.call('GET', '/api/users')).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await staff.call('POST', '/api/users', { username: 'x1', displayName: 'x', role: 'admin', password: 'long-enough-pw' })).status).toBe(403);
    expect((await staff.call('PATCH', '/api/users/admin1', { disabled: true })).status).toBe(403);
  });

  it('creates a user (201), never showing a hash; refuses a taken name, a weak password and a misfit role', async () => {
    const req = { username: 'kb-manager', displayName: '周经理', role: 'kitchen_manager', kitchenId: 'kb', password: 'kb-manager-2026' };
    const created = await admin.call<UserDto>('POST', '/api/users', req);
    expect(created).toMatchObject({ status: 201, body: { username: 'kb-manager', displayName: '周经理', role: 'kitchen_manager', kitchenId: 'kb', disabled: false } });
    expect(created.text).not.toContain('scrypt');
    expect(await admin.call('POST', '/api/users', { ...req, username: 'KB-Manager' })).toMatchObject({ status: 409, body: { error: { code: 'user_exists' } } });
    expect(await admin.call('POST', '/api/users', { ...req, username: 'kb-2', password: 'short' })).toMatchObject({ status: 400, body: { error: { code: 'weak_password' } } });
    expect(await admin.call('POST', '/api/users', { ...req, username: 'kb-3', kitchenId: null })).toMatchObject({ status: 400, body: { error: { code: 'invalid_user' } } });
    // The body's pattern says what checkUser does: 3 characters at least.
    expect(await admin.call('POST', '/api/users', { ...req, username: 'kb' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body', message: expect.stringContaining('username') } } });
    // A kitchen account names a kitchen that is registered.
    expect(await admin.call('POST', '/api/users', { ...req, username: 'kz-manager', kitchenId: 'kz' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_user', message: expect.stringContaining('kz') } } });
    expect((await admin.call<UserDto[]>('GET', '/api/users')).body.map((u) => u.username)).toEqual(['admin1', 'ka-staff', 'kb-manager']);
    expect(api.audit.ofSubject('user:kb-manager')).toMatchObject([{ actor: '管理员', action: 'user.created' }]);
    expect(JSON.stringify(api.audit.ofSubject('user:kb-manager'))).not.toContain('kb-manager-2026');
  });

  it('disabling a user ends their session (401) and shows in the list; enabling lets them log in again', async () => {
    const victim = await api.as({ username: 'kb-staff', role: 'kitchen_staff', kitchenId: 'kb' });
    expect((await victim.call('GET', '/api/kitchens/kb/registry')).status).toBe(200);
    expect(await admin.call('PATCH', '/api/users/kb-staff', { disabled: true })).toMatchObject({ status: 200, body: { disabled: true } });
    expect(await victim.call('GET', '/api/kitchens/kb/registry')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect((await api.accounts.login('kb-staff', PASSWORD, '127.0.0.1')).ok).toBe(false);
    await admin.call('PATCH', '/api/users/kb-staff', { disabled: false });
    // The session ended for good: enabling the account again does not bring the old token back.
    expect(await victim.call('GET', '/api/kitchens/kb/registry')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect((await (await api.login('kb-staff')).call('GET', '/api/kitchens/kb/registry')).status).toBe(200);
  });

  it('moving a user to another kitchen ends their session; a new password is checked; unknown users are 404', async () => {
    const moved = await api.as({ username: 'mover', role: 'kitchen_staff', kitchenId: 'ka' });
    expect(await admin.call('PATCH', '/api/users/mover', { kitchenId: 'kb', displayName: '调岗员工' })).toMatchObject({ status: 200, body: { kitchenId: 'kb', displayName: '调岗员工' } });
    expect((await moved.call('GET', '/api/kitchens/ka/registry')).status).toBe(401);
    expect((await (await api.login('mover')).call('GET', '/api/kitchens/ka/registry')).status).toBe(404);
    expect(await admin.call('PATCH', '/api/users/mover', { password: 'short' })).toMatchObject({ status: 400, body: { error: { code: 'weak_password' } } });
    expect(await admin.call('PATCH', '/api/users/nobody', { disabled: true })).toMatchObject({ status: 404, body: { error: { code: 'user_not_found' } } });
    expect(await admin.call('PATCH', '/api/users/admin1', { disabled: true })).toMatchObject({ status: 400, body: { error: { code: 'invalid_user' } } });
    expect(await admin.call('PATCH', '/api/users/mover', { kitchenId: 'kz' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_user' } } });
    expect(api.accounts.user('mover')?.kitchenId).toBe('kb');
  });

  it('a role change drops what the new role cannot have, and ends the user\'s sessions', async () => {
    const promoted = await api.as({ username: 'promoted', role: 'kitchen_manager', kitchenId: 'ka' });
    expect((await promoted.call('GET', '/api/kitchens/ka/registry')).status).toBe(200);
    expect((await admin.call<UserDto>('PATCH', '/api/users/promoted', { role: 'auditor' })).body).toMatchObject({ role: 'auditor', kitchenId: null, jurisdictions: [] });
    expect(await promoted.call('GET', '/api/kitchens/ka/registry')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    // The role alone, in the same kitchen: the old session does not carry the old role on.
    const cook = await api.as({ username: 'cook', role: 'kitchen_staff', kitchenId: 'ka' });
    expect((await admin.call<UserDto>('PATCH', '/api/users/cook', { role: 'kitchen_manager' })).body).toMatchObject({ role: 'kitchen_manager', kitchenId: 'ka' });
    expect((await cook.call('GET', '/api/kitchens/ka/registry')).status).toBe(401);
  });

  it('fields sent unchanged (as a form sends them all) keep the sessions; a new display name alone does too', async () => {
    const kept = await api.as({ username: 'steady', role: 'kitchen_staff', kitchenId: 'ka' });
    const same = { role: 'kitchen_staff', kitchenId: 'ka', jurisdictions: [], disabled: false, displayName: '稳定员工' };
    expect(await admin.call('PATCH', '/api/users/steady', same)).toMatchObject({ status: 200, body: { displayName: '稳定员工' } });
    expect((await kept.call('GET', '/api/kitchens/ka/registry')).status).toBe(200);
    expect(api.audit.ofSubject('user:steady').at(-1)).toMatchObject({ action: 'user.updated', data: { sessionsEnded: false } });
    expect((await admin.call('PATCH', '/api/users/steady', { ...same, kitchenId: 'kb' })).status).toBe(200);
    expect((await kept.call('GET', '/api/kitchens/ka/registry')).status).toBe(401);
  });

  it('an administrator may not demote nor disable themself, though another administrator is left', async () => {
    const second = await api.as({ username: 'admin2', displayName: '副管理员', role: 'admin' });
    expect(await admin.call('PATCH', '/api/users/admin1', { role: 'auditor' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_user', message: expect.stringContaining('own account') } } });
    expect(await second.call('PATCH', '/api/users/admin2', { disabled: true })).toMatchObject({ status: 400, body: { error: { code: 'invalid_user' } } });
    expect(api.accounts.user('admin1')).toMatchObject({ role: 'admin', disabled: false });
    expect((await admin.call('GET', '/api/users')).status).toBe(200); // the refused edit ended no session either
    // Another administrator may.
    expect(await second.call('PATCH', '/api/users/admin1', { role: 'auditor' })).toMatchObject({ status: 200, body: { role: 'auditor' } });
    expect((await admin.call('GET', '/api/users')).status).toBe(401);
    await second.call('PATCH', '/api/users/admin1', { role: 'admin' }); // and back, for the tests below
    admin = await api.login('admin1');
  });
});

describe('admin routes: jurisdictions', () => {
  it('anyone logged in reads the tree; only users:manage adds to it (201), and a bad parent is invalid_jurisdiction', async () => {
    expect((await admin.call('POST', '/api/jurisdictions', street('east', '东街道'))).status).toBe(201);
    expect((await admin.call('POST', '/api/jurisdictions', street('east', '东街道办事处'))).status).toBe(200);
    expect((await staff.call<Jurisdiction[]>('GET', '/api/jurisdictions')).body).toEqual([street('east', '东街道办事处')]);
    expect((await staff.call('POST', '/api/jurisdictions', street('west', '西街道'))).status).toBe(403);
    expect(await admin.call('POST', '/api/jurisdictions', street('west', '西街道', 'nope'))).toMatchObject({ status: 400, body: { error: { code: 'invalid_jurisdiction' } } });
  });

  it('takes a jurisdiction\'s own fields only, a name of at most 80 characters and an id of [A-Za-z0-9_-]', async () => {
    const bad = [
      { ...street('north', '北街道'), extra: 'x' },
      street('north', '北'.repeat(81)),
      street('north street', '北街道'),
      street('north', ''),
    ];
    for (const body of bad) expect(await admin.call('POST', '/api/jurisdictions', body)).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect((await admin.call<Jurisdiction[]>('GET', '/api/jurisdictions')).body.map((j) => j.id)).not.toContain('north');
    expect((await admin.call('POST', '/api/jurisdictions', street('north', '北'.repeat(80)))).status).toBe(201);
  });

  it('sets the authorities a kitchen sits under, which is what an inspector sees', async () => {
    await admin.call('POST', '/api/jurisdictions', street('west', '西街道'));
    const insp = await api.as({ username: 'west-insp', role: 'inspector', jurisdictions: ['west'] });
    expect((await insp.call('GET', '/api/kitchens/kb/registry')).status).toBe(404);
    expect(await admin.call('PUT', '/api/kitchens/kb/jurisdictions', { jurisdictions: ['west', 'east'] })).toMatchObject({ status: 200, body: { jurisdictions: ['east', 'west'] } });
    expect((await insp.call('GET', '/api/kitchens/kb/registry')).status).toBe(200);
    expect(await admin.call('PUT', '/api/kitchens/kb/jurisdictions', { jurisdictions: ['east'] })).toMatchObject({ body: { jurisdictions: ['east'] } });
    expect((await insp.call('GET', '/api/kitchens/kb/registry')).status).toBe(404);
    expect(await admin.call('PUT', '/api/kitchens/kb/jurisdictions', { jurisdictions: ['nope'] })).toMatchObject({ status: 404, body: { error: { code: 'jurisdiction_not_found' } } });
    expect(await admin.call('PUT', '/api/kitchens/zz/jurisdictions', { jurisdictions: [] })).toMatchObject({ status: 404, body: { error: { code: 'kitchen_not_found' } } });
    expect((await staff.call('PUT', '/api/kitchens/ka/jurisdictions', { jurisdictions: [] })).status).toBe(403);
  });
});
