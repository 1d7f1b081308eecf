// Accounts and scope in a real SQLite store.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { createUsersRepo, type NewUserRecord } from './users-repo.ts';

const T = Date.UTC(2026, 10, 23, 2, 0, 0);
const setup = () => {
  const repo = createUsersRepo(openDatabase(':memory:'));
  repo.upsertJurisdiction({ id: 'sh', name: '上海市市场监管局', level: 'city', parentId: null, videoRetentionDays: 30 });
  repo.upsertJurisdiction({ id: 'xh', name: '徐汇区市场监管局', level: 'district', parentId: 'sh', videoRetentionDays: null });
  return repo;
};
const inspector: NewUserRecord = {
  username: 'xh.zhang', displayName: '张检查员', role: 'inspector', kitchenId: null, jurisdictions: ['xh', 'sh'],
  passwordHash: 'scrypt$1024$8$1$salt$key', createdAt: T,
};

describe('users repo', () => {
  it('stores the jurisdiction tree and updates a node in place', () => {
    const repo = setup();
    repo.upsertJurisdiction({ id: 'xh', name: '徐汇区', level: 'district', parentId: 'sh', videoRetentionDays: 45 });
    expect(repo.jurisdictions()).toEqual([
      { id: 'sh', name: '上海市市场监管局', level: 'city', parentId: null, videoRetentionDays: 30 },
      { id: 'xh', name: '徐汇区', level: 'district', parentId: 'sh', videoRetentionDays: 45 },
    ]);
    expect(repo.jurisdiction('nope')).toBeUndefined();
  });

  it('refuses a parent that does not exist', () => {
    const repo = setup();
    expect(() => repo.upsertJurisdiction({ id: 'x', name: 'x', level: 'street', parentId: 'nope', videoRetentionDays: null }))
      .toThrow(/FOREIGN KEY/);
  });

  it('links a kitchen into several jurisdictions, once each', () => {
    const repo = setup();
    repo.linkKitchen('k1', 'xh');
    repo.linkKitchen('k1', 'sh');
    repo.linkKitchen('k1', 'sh');
    expect(repo.jurisdictionsOfKitchen('k1')).toEqual(['sh', 'xh']);
    repo.unlinkKitchen('k1', 'sh');
    expect(repo.kitchenLinks()).toEqual([{ kitchenId: 'k1', jurisdictionId: 'xh' }]);
  });

  it('inserts a user with their jurisdictions and finds them by name case-insensitively', () => {
    const repo = setup();
    const u = repo.insertUser(inspector);
    expect(u).toMatchObject({ username: 'xh.zhang', role: 'inspector', jurisdictions: ['sh', 'xh'], disabledAt: null });
    expect(repo.userByName('XH.Zhang')?.id).toBe(u.id);
    expect(repo.userById(u.id)?.displayName).toBe('张检查员');
    expect(() => repo.insertUser({ ...inspector, username: 'XH.ZHANG' })).toThrow(/UNIQUE/);
  });

  it('inserts nothing when a jurisdiction is unknown', () => {
    const repo = setup();
    expect(() => repo.insertUser({ ...inspector, jurisdictions: ['nope'] })).toThrow(/FOREIGN KEY/);
    expect(repo.users()).toEqual([]);
  });

  it('keeps sessions by token hash; disabling a user ends them', () => {
    const repo = setup();
    const { id } = repo.insertUser(inspector);
    repo.insertSession({ tokenHash: 'h1', userId: id, createdAt: T, expiresAt: T + 1000, lastSeenAt: T });
    repo.insertSession({ tokenHash: 'h2', userId: id, createdAt: T, expiresAt: T + 5000, lastSeenAt: T });
    repo.touchSession('h2', T + 100, T + 9000);
    expect(repo.session('h2')).toEqual({ tokenHash: 'h2', userId: id, createdAt: T, expiresAt: T + 9000, lastSeenAt: T + 100 });
    expect(repo.deleteExpiredSessions(T + 1000)).toBe(1);
    expect(repo.session('h1')).toBeUndefined();
    expect(repo.disableUser(id, T + 2000)).toBe(true);
    expect(repo.disableUser(id, T + 3000)).toBe(false);
    expect(repo.userById(id)?.disabledAt).toBe(T + 2000);
    expect(repo.session('h2')).toBeUndefined();
  });
});
