// Accounts and scope on a real SQLite store, with a cheap scrypt cost.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../adapters/sql/database.ts';
import { createUsersRepo } from '../adapters/sql/users-repo.ts';
import { AccountError, createAccounts, type AccountErrorCode, type AccountsDeps } from './accounts.ts';
import type { UserInput } from '../domain/access/access.ts';

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const MIN = 60_000;
const PW = 'correct horse battery';

async function setup(opts: Partial<Pick<AccountsDeps, 'sessionTtlMs' | 'audit'>> = {}) {
  let now = T0;
  const accounts = createAccounts({
    users: createUsersRepo(openDatabase(':memory:')), now: () => now, cost: { N: 1024, r: 8, p: 1 }, ...opts,
  });
  // Two authorities over k-tianlin: market supervision (city → district → street) and the street office.
  accounts.upsertJurisdiction({ id: 'sh', name: '上海市市场监管局', level: 'city', parentId: null, videoRetentionDays: 30 });
  accounts.upsertJurisdiction({ id: 'xh', name: '徐汇区市场监管局', level: 'district', parentId: 'sh', videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'xh-tianlin', name: '田林市场监管所', level: 'street', parentId: 'xh', videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'pd', name: '浦东新区市场监管局', level: 'district', parentId: 'sh', videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'tianlin-jd', name: '田林街道办事处', level: 'street', parentId: null, videoRetentionDays: 60 });
  accounts.linkKitchen('k-tianlin', 'xh-tianlin');
  accounts.linkKitchen('k-tianlin', 'tianlin-jd');
  accounts.linkKitchen('k-xh-other', 'xh');
  accounts.linkKitchen('k-pudong', 'pd');
  const add = (over: Partial<UserInput> & Pick<UserInput, 'username' | 'role'>) =>
    accounts.createUser({ displayName: over.username, password: PW, ...over });
  return { accounts, add, advance: (ms: number) => (now += ms) };
}

const codeOf = async (p: Promise<unknown>): Promise<AccountErrorCode | undefined> =>
  p.then(() => undefined, (err: unknown) => (err instanceof AccountError ? err.code : undefined));

describe('createUser', () => {
  const CASES: Array<{ name: string; input: Partial<UserInput>; code: AccountErrorCode }> = [
    { name: 'a username with a space', input: { username: 'wang wu', role: 'admin' }, code: 'invalid_user' },
    { name: 'a 2-character username', input: { username: 'wu', role: 'admin' }, code: 'invalid_user' },
    { name: 'a kitchen manager without a kitchen', input: { username: 'mgr', role: 'kitchen_manager' }, code: 'invalid_user' },
    { name: 'an inspector without a jurisdiction', input: { username: 'insp', role: 'inspector', jurisdictions: [] }, code: 'invalid_user' },
    { name: 'an inspector of an unknown jurisdiction', input: { username: 'insp', role: 'inspector', jurisdictions: ['nope'] }, code: 'invalid_user' },
    { name: 'an auditor with a kitchen', input: { username: 'aud', role: 'auditor', kitchenId: 'k-tianlin' }, code: 'invalid_user' },
    { name: 'an unknown role', input: { username: 'who', role: 'chef' as never }, code: 'invalid_user' },
    { name: 'a 9-character password', input: { username: 'adm', role: 'admin', password: '123456789' }, code: 'weak_password' },
  ];
  for (const c of CASES) {
    it(`refuses ${c.name}: ${c.code}`, async () => {
      const { add } = await setup();
      expect(await codeOf(add({ username: 'x', role: 'admin', ...c.input }))).toBe(c.code);
    });
  }

  it('refuses a taken username, whatever its case: user_exists', async () => {
    const { add } = await setup();
    await add({ username: 'wang.wu', role: 'admin' });
    expect(await codeOf(add({ username: 'Wang.Wu', role: 'auditor' }))).toBe('user_exists');
  });

  it('accepts a 10-character password and never stores it', async () => {
    const { add, accounts } = await setup();
    const user = await add({ username: 'adm', role: 'admin', password: '1234567890' });
    expect(user).toEqual({ id: user.id, username: 'adm', displayName: 'adm', role: 'admin', kitchenId: null, jurisdictions: [] });
    expect((await accounts.login('adm', '1234567890', '10.0.0.1')).ok).toBe(true);
  });
});

describe('updateUser', () => {
  const token = async (accounts: Awaited<ReturnType<typeof setup>>['accounts'], username: string, password = PW) => {
    const r = await accounts.login(username, password, '10.0.0.1');
    if (!r.ok) throw new Error(`login of ${username} failed`);
    return r.token;
  };

  it('refuses to leave no enabled administrator: the last one is neither demoted nor disabled', async () => {
    const { accounts, add } = await setup();
    await add({ username: 'root1', role: 'admin' });
    await add({ username: 'root2', role: 'admin' });
    await accounts.updateUser('root1', { disabled: true });
    expect(await codeOf(accounts.updateUser('root2', { role: 'auditor' }))).toBe('invalid_user');
    expect(await codeOf(accounts.updateUser('root2', { disabled: true }))).toBe('invalid_user');
    expect(accounts.user('root2')).toMatchObject({ role: 'admin', disabled: false });
    await accounts.updateUser('root1', { disabled: false }); // another one back: now root2 may go
    expect(await accounts.updateUser('root2', { role: 'auditor' })).toMatchObject({ role: 'auditor' });
  });

  it('two edits at once cannot both pass the last-administrator check: the read, check and write are one step after the hash', async () => {
    const { accounts, add } = await setup();
    await add({ username: 'root1', role: 'admin' });
    await add({ username: 'root2', role: 'admin' });
    const edits = await Promise.allSettled([
      accounts.updateUser('root1', { role: 'auditor', password: 'new password one' }),
      accounts.updateUser('root2', { role: 'auditor', password: 'new password two' }),
    ]);
    expect(edits.map((e) => e.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(accounts.users().filter((u) => u.role === 'admin' && !u.disabled)).toHaveLength(1);
  });

  it('writes nothing when its audit entry cannot be written: the change, the password and the sessions stay', async () => {
    let auditFails = false;
    const { accounts, add } = await setup({ audit: () => {
      if (auditFails) throw new Error('disk full');
    } });
    await add({ username: 'li.mgr', role: 'kitchen_manager', kitchenId: 'k-tianlin' });
    const session = await token(accounts, 'li.mgr');
    auditFails = true;
    await expect(accounts.updateUser('li.mgr', { kitchenId: 'k-pudong', password: 'another password' })).rejects.toThrow('disk full');
    auditFails = false;
    expect(accounts.user('li.mgr')).toMatchObject({ kitchenId: 'k-tianlin' });
    expect(accounts.userOfToken(session)).toMatchObject({ username: 'li.mgr' });
    expect((await accounts.login('li.mgr', PW, '10.0.0.1')).ok).toBe(true);
  });

  it('ends the sessions only when what the user may reach changes, not for fields sent unchanged', async () => {
    const { accounts, add } = await setup();
    await add({ username: 'insp', role: 'inspector', jurisdictions: ['xh', 'pd'] });
    const session = await token(accounts, 'insp');
    await accounts.updateUser('insp', { role: 'inspector', jurisdictions: ['pd', 'xh', 'pd'], kitchenId: null, disabled: false, displayName: '王督查' });
    expect(accounts.userOfToken(session)).toMatchObject({ displayName: '王督查' });
    await accounts.updateUser('insp', { jurisdictions: ['pd'] });
    expect(accounts.userOfToken(session)).toBeUndefined();
    const again = await token(accounts, 'insp');
    await accounts.updateUser('insp', { password: 'a new password' });
    expect(accounts.userOfToken(again)).toBeUndefined();
  });
});

describe('jurisdictions', () => {
  it('refuses a loop, a parent below its level and an unknown parent: invalid_jurisdiction', async () => {
    const { accounts } = await setup();
    const code = (f: () => void) => { try { f(); } catch (e) { return (e as AccountError).code; } };
    expect(code(() => accounts.upsertJurisdiction({ id: 'sh', name: 's', level: 'city', parentId: 'xh-tianlin', videoRetentionDays: null }))).toBe('invalid_jurisdiction');
    expect(code(() => accounts.upsertJurisdiction({ id: 'x', name: 'x', level: 'district', parentId: 'xh', videoRetentionDays: null }))).toBe('invalid_jurisdiction');
    expect(code(() => accounts.upsertJurisdiction({ id: 'x', name: 'x', level: 'street', parentId: 'nope', videoRetentionDays: null }))).toBe('invalid_jurisdiction');
    expect(code(() => accounts.linkKitchen('k-1', 'nope'))).toBe('invalid_jurisdiction');
    expect(accounts.jurisdictions().map((j) => j.id)).toEqual(['pd', 'sh', 'tianlin-jd', 'xh', 'xh-tianlin']);
  });

  it('[FS-CAM-RETENTION] the strictest requirement of the kitchen\'s jurisdictions and their ancestors wins', async () => {
    const { accounts } = await setup();
    expect(accounts.retentionDaysOf('k-tianlin')).toBe(60); // the street office's 60 over the city's 30
    expect(accounts.retentionDaysOf('k-pudong')).toBe(30); // inherited from the city
    expect(accounts.retentionDaysOf('k-unlinked')).toBeNull();
    accounts.upsertJurisdiction({ id: 'sh', name: '上海市市场监管局', level: 'city', parentId: null, videoRetentionDays: 90 });
    expect(accounts.retentionDaysOf('k-tianlin')).toBe(90);
  });
});

describe('login and sessions', () => {
  it('logs in with the right password and finds the user by the token', async () => {
    const { accounts, add } = await setup();
    await add({ username: 'li.mgr', role: 'kitchen_manager', kitchenId: 'k-tianlin', displayName: '李经理' });
    const r = await accounts.login('li.mgr', PW, '10.0.0.1');
    if (!r.ok) throw new Error('login failed');
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.expiresAt).toBe(T0 + 12 * 3_600_000);
    expect(accounts.userOfToken(r.token)).toMatchObject({ username: 'li.mgr', displayName: '李经理', kitchenId: 'k-tianlin' });
    accounts.logout(r.token);
    expect(accounts.userOfToken(r.token)).toBeUndefined();
  });

  it('answers a wrong password and an unknown username alike', async () => {
    const { accounts, add } = await setup();
    await add({ username: 'adm', role: 'admin' });
    expect(await accounts.login('adm', 'wrong password', '10.0.0.1')).toEqual({ ok: false, code: 'bad_credentials' });
    expect(await accounts.login('nobody', PW, '10.0.0.1')).toEqual({ ok: false, code: 'bad_credentials' });
    expect(accounts.userOfToken('not-a-token')).toBeUndefined();
    expect(accounts.userOfToken(undefined)).toBeUndefined();
  });

  it('refuses the 6th attempt within 15 min, even with the right password, then lets it through', async () => {
    const { accounts, add, advance } = await setup();
    await add({ username: 'adm', role: 'admin' });
    for (let i = 0; i < 5; i++) expect((await accounts.login('adm', 'wrong password', `10.0.0.${i}`)).ok).toBe(false);
    expect(await accounts.login('adm', PW, '10.0.0.9')).toEqual({ ok: false, code: 'too_many_attempts', retryAfterS: 900 });
    advance(15 * MIN);
    expect((await accounts.login('adm', PW, '10.0.0.9')).ok).toBe(true);
  });

  it('lets at most 5 of 10 parallel guesses be checked', async () => {
    const { accounts, add } = await setup();
    await add({ username: 'adm', role: 'admin' });
    const results = await Promise.all(Array.from({ length: 10 }, () => accounts.login('adm', 'wrong password', '10.0.0.1')));
    expect(results.filter((r) => !r.ok && r.code === 'bad_credentials')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === 'too_many_attempts')).toHaveLength(5);
  });

  it('ends a session after 12 h idle, and extends it on use', async () => {
    const { accounts, add, advance } = await setup();
    await add({ username: 'adm', role: 'admin' });
    const r = await accounts.login('adm', PW, '10.0.0.1');
    if (!r.ok) throw new Error('login failed');
    advance(11 * 3_600_000);
    expect(accounts.userOfToken(r.token)?.username).toBe('adm'); // slides the expiry to 23 h
    advance(11 * 3_600_000);
    expect(accounts.userOfToken(r.token)?.username).toBe('adm');
    advance(12 * 3_600_000);
    expect(accounts.userOfToken(r.token)).toBeUndefined();
    advance(-1); // deleted, not just refused
    expect(accounts.userOfToken(r.token)).toBeUndefined();
  });

  it('ends a session 7 days after the login however often it is used; the cookie lives as long', async () => {
    const { accounts, add, advance } = await setup();
    await add({ username: 'tablet', role: 'admin' });
    const r = await accounts.login('tablet', PW, '10.0.0.1');
    if (!r.ok) throw new Error('login failed');
    expect(r.endsAt - T0).toBe(7 * 24 * 3_600_000);
    for (let h = 0; h < 7 * 24 - 1; h++) {
      advance(3_600_000);
      expect(accounts.userOfToken(r.token)?.username).toBe('tablet');
    }
    advance(3_600_000);
    expect(accounts.userOfToken(r.token)).toBeUndefined();
  });

  it('refuses a disabled user and ends their sessions', async () => {
    const { accounts, add } = await setup();
    await add({ username: 'wang', role: 'kitchen_staff', kitchenId: 'k-tianlin' });
    const r = await accounts.login('wang', PW, '10.0.0.1');
    expect(accounts.disableUser('wang')).toBe(true);
    expect(r.ok && accounts.userOfToken(r.token)).toBeUndefined();
    expect(await accounts.login('wang', PW, '10.0.0.1')).toEqual({ ok: false, code: 'bad_credentials' });
  });
});

describe('scope and actions', () => {
  it('a district inspector sees the district\'s street kitchens; a street office sees the same canteen', async () => {
    const { accounts, add } = await setup();
    const district = await add({ username: 'xh.zhang', role: 'inspector', jurisdictions: ['xh'] });
    const street = await add({ username: 'jd.chen', role: 'inspector', jurisdictions: ['tianlin-jd'] });
    const city = await add({ username: 'sh.zhao', role: 'inspector', jurisdictions: ['sh'] });
    expect([...(accounts.scopeOf(district) as Set<string>)].sort()).toEqual(['k-tianlin', 'k-xh-other']);
    expect([...(accounts.scopeOf(street) as Set<string>)]).toEqual(['k-tianlin']);
    expect([...(accounts.scopeOf(city) as Set<string>)].sort()).toEqual(['k-pudong', 'k-tianlin', 'k-xh-other']);
    expect(accounts.canSee(street, 'k-pudong')).toBe(false);
    expect(accounts.can(district, 'sample:seal', 'k-tianlin')).toBe(true);
    expect(accounts.can(district, 'sample:seal', 'k-pudong')).toBe(false);
    expect(accounts.can(district, 'alert:ack', 'k-tianlin')).toBe(false);
    expect(accounts.me(street)).toEqual({
      username: 'jd.chen', displayName: 'jd.chen', role: 'inspector', kitchenId: null, jurisdictions: ['tianlin-jd'],
      kitchens: ['k-tianlin'], can: ['kitchen:read', 'alert:verify', 'alert:close', 'ai:review', 'sample:seal', 'calibration:record', 'inspection:record'],
    });
  });

  it('a kitchen user sees and acts on their own kitchen only', async () => {
    const { accounts, add } = await setup();
    const staff = await add({ username: 'wang', role: 'kitchen_staff', kitchenId: 'k-tianlin' });
    expect(accounts.canSee(staff, 'k-tianlin')).toBe(true);
    expect(accounts.canSee(staff, 'k-xh-other')).toBe(false);
    expect(accounts.can(staff, 'alert:ack', 'k-tianlin')).toBe(true);
    expect(accounts.can(staff, 'alert:ack', 'k-xh-other')).toBe(false);
    expect(accounts.can(staff, 'alert:close', 'k-tianlin')).toBe(false);
    expect(accounts.me(staff).kitchens).toEqual(['k-tianlin']);
  });

  it('an auditor sees everything and changes nothing; an admin does everything', async () => {
    const { accounts, add } = await setup();
    const auditor = await add({ username: 'audit', role: 'auditor' });
    const admin = await add({ username: 'adm', role: 'admin' });
    expect(accounts.canSee(auditor, 'k-anywhere')).toBe(true);
    expect(accounts.me(auditor)).toMatchObject({ kitchens: 'all', can: ['kitchen:read'] });
    expect(accounts.can(auditor, 'alert:close', 'k-tianlin')).toBe(false);
    expect(accounts.can(admin, 'users:manage')).toBe(true);
    expect(accounts.can(admin, 'command:send', 'k-pudong')).toBe(true);
  });
});
