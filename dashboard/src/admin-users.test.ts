import { describe, expect, it } from 'vitest';
import type { UserDto } from '../../contracts/auth.ts';
import { checkPassword, checkUserCreate, checkUserUpdate, scopeKind, sortUsers } from './admin-users.ts';

const user = (over: Partial<UserDto> = {}): UserDto => ({
  username: 'liu', displayName: '刘师傅', role: 'kitchen_staff', kitchenId: 'k1', jurisdictions: [], disabled: false, createdAt: '2026-01-01T00:00:00Z', ...over,
});
const values = { username: 'liu', displayName: '刘师傅', role: 'kitchen_staff', kitchenId: 'k1', jurisdictions: ['j1'], password: 'long-enough-1' };

describe('a new user', () => {
  it('takes the scope its role needs and nothing else', () => {
    expect(checkUserCreate(values)).toEqual({
      ok: true, value: { username: 'liu', displayName: '刘师傅', role: 'kitchen_staff', kitchenId: 'k1', password: 'long-enough-1' },
    });
    expect(checkUserCreate({ ...values, role: 'inspector' })).toEqual({
      ok: true, value: { username: 'liu', displayName: '刘师傅', role: 'inspector', jurisdictions: ['j1'], password: 'long-enough-1' },
    });
    expect(checkUserCreate({ ...values, role: 'auditor' })).toEqual({
      ok: true, value: { username: 'liu', displayName: '刘师傅', role: 'auditor', password: 'long-enough-1' },
    });
  });

  it('is refused with the field to fix, as the server would', () => {
    expect(checkUserCreate({ ...values, username: 'l' })).toMatchObject({ ok: false, field: 'username' });
    expect(checkUserCreate({ ...values, username: '刘' })).toMatchObject({ ok: false, field: 'username' });
    expect(checkUserCreate({ ...values, displayName: ' ' })).toMatchObject({ ok: false, field: 'displayName' });
    expect(checkUserCreate({ ...values, role: 'root' })).toMatchObject({ ok: false, field: 'role' });
    expect(checkUserCreate({ ...values, kitchenId: '' })).toMatchObject({ ok: false, field: 'kitchenId', error: 'admin.err.kitchenRequired' });
    expect(checkUserCreate({ ...values, role: 'inspector', jurisdictions: [] })).toMatchObject({ ok: false, field: 'jurisdictions' });
    expect(checkUserCreate({ ...values, password: '123456789' })).toMatchObject({ ok: false, field: 'password', error: 'admin.err.password' });
  });

  it('needs a password of at least 10 characters', () => {
    expect(checkPassword('1234567890')).toEqual({ ok: true, value: '1234567890' });
    expect(checkPassword('123456789').ok).toBe(false);
  });
});

describe('editing a user', () => {
  it('sends only what changed', () => {
    expect(checkUserUpdate(user(), { displayName: '刘师傅', role: 'kitchen_staff', kitchenId: 'k1', jurisdictions: [] })).toEqual({ ok: true, value: {} });
    expect(checkUserUpdate(user(), { displayName: '刘大厨', role: 'kitchen_manager', kitchenId: 'k1', jurisdictions: [] })).toEqual({
      ok: true, value: { displayName: '刘大厨', role: 'kitchen_manager' },
    });
  });

  it('clears a scope the new role does not take', () => {
    expect(checkUserUpdate(user(), { displayName: '刘师傅', role: 'inspector', kitchenId: 'k1', jurisdictions: ['j1'] })).toEqual({
      ok: true, value: { role: 'inspector', kitchenId: null, jurisdictions: ['j1'] },
    });
    const inspector = user({ role: 'inspector', kitchenId: null, jurisdictions: ['j1', 'j2'] });
    expect(checkUserUpdate(inspector, { displayName: '刘师傅', role: 'admin', kitchenId: '', jurisdictions: ['j2', 'j1'] })).toEqual({
      ok: true, value: { role: 'admin', jurisdictions: [] },
    });
    expect(checkUserUpdate(inspector, { displayName: '刘师傅', role: 'inspector', kitchenId: '', jurisdictions: ['j2', 'j1'] })).toEqual({ ok: true, value: {} });
  });
});

it('gives each role its kind of scope, and lists admins first', () => {
  expect([scopeKind('kitchen_manager'), scopeKind('kitchen_staff'), scopeKind('inspector'), scopeKind('admin'), scopeKind('auditor')])
    .toEqual(['kitchen', 'kitchen', 'jurisdictions', 'all', 'all']);
  const sorted = sortUsers([user({ username: 'b' }), user({ username: 'z', role: 'admin' }), user({ username: 'a' })]);
  expect(sorted.map((u) => u.username)).toEqual(['z', 'a', 'b']);
});
