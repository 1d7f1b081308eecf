// The role × action table, every case named: in the user's scope, outside it, and with
// no kitchen given (what the dashboard shows). Written out here, not derived from the code.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../contracts/auth.ts';
import { ACTIONS, can, scopeOf, type Action } from './permissions.ts';
import { LINKS, NODES } from './access.fixtures.ts';
import type { AuthUser, Scope } from './types.ts';

const ALLOWED: Record<Role, Action[]> = {
  admin: [...ACTIONS],
  inspector: ['kitchen:read', 'alert:verify', 'alert:close', 'ai:review', 'sample:seal', 'calibration:record', 'inspection:record'],
  kitchen_manager: [
    'kitchen:read', 'alert:ack', 'alert:resolve', 'alert:verify', 'alert:close',
    'sample:record', 'sample:dispose', 'kitchen:meal-times', 'staff:write', 'calibration:record', 'channels:write',
  ],
  kitchen_staff: ['kitchen:read', 'alert:ack', 'alert:resolve', 'sample:record', 'sample:dispose'],
  auditor: ['kitchen:read'],
};

const USERS: Record<Role, AuthUser> = {
  admin: { id: 1, username: 'admin', displayName: '管理员', role: 'admin', kitchenId: null, jurisdictions: [] },
  inspector: { id: 2, username: 'xh.inspector', displayName: '徐汇检查员', role: 'inspector', kitchenId: null, jurisdictions: ['xh-samr'] },
  kitchen_manager: { id: 3, username: 'tl.manager', displayName: '李经理', role: 'kitchen_manager', kitchenId: 'k-tianlin', jurisdictions: [] },
  kitchen_staff: { id: 4, username: 'tl.staff', displayName: '王师傅', role: 'kitchen_staff', kitchenId: 'k-tianlin', jurisdictions: [] },
  auditor: { id: 5, username: 'auditor', displayName: '审计', role: 'auditor', kitchenId: null, jurisdictions: [] },
};

// k-tianlin is in every scoped user's scope; k-pudong in none of them.
const IN = 'k-tianlin';
const OUT = 'k-pudong';
const everywhere = (role: Role) => role === 'admin' || role === 'auditor';

describe('can: role × action', () => {
  for (const role of ROLES) {
    const user = USERS[role];
    const scope = scopeOf(user, NODES, LINKS);
    for (const action of ACTIONS) {
      const allowed = ALLOWED[role].includes(action);
      const verb = (ok: boolean) => (ok ? 'allowed' : 'refused');
      it(`${role} × ${action} in scope: ${verb(allowed)}`, () => expect(can(user, action, IN, scope)).toBe(allowed));
      it(`${role} × ${action} out of scope: ${verb(allowed && everywhere(role))}`, () =>
        expect(can(user, action, OUT, scope)).toBe(allowed && everywhere(role)));
      it(`${role} × ${action} with no kitchen: ${verb(allowed)}`, () => expect(can(user, action, undefined, scope)).toBe(allowed));
    }
  }
});

describe('scopeOf', () => {
  const CASES: Array<{ name: string; user: AuthUser; expected: 'all' | string[] }> = [
    { name: 'admin: all', user: USERS.admin, expected: 'all' },
    { name: 'auditor: all', user: USERS.auditor, expected: 'all' },
    { name: 'district inspector: the district\'s kitchens', user: USERS.inspector, expected: ['k-kangjian', 'k-tianlin'] },
    { name: 'street-office inspector: the same kitchen through another authority', user: { ...USERS.inspector, jurisdictions: ['tianlin-jd'] }, expected: ['k-tianlin'] },
    { name: 'kitchen manager: own kitchen', user: USERS.kitchen_manager, expected: ['k-tianlin'] },
    { name: 'kitchen staff: own kitchen', user: USERS.kitchen_staff, expected: ['k-tianlin'] },
    { name: 'kitchen user without a kitchen: nothing', user: { ...USERS.kitchen_staff, kitchenId: null }, expected: [] },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const scope = scopeOf(c.user, NODES, LINKS);
      expect(scope === 'all' ? 'all' : [...scope].sort()).toEqual(c.expected);
    });
  }

  it('an inspector whose jurisdictions hold no kitchen may do nothing anywhere', () => {
    const empty: Scope = scopeOf({ ...USERS.inspector, jurisdictions: ['xh-gov-unlinked'] }, NODES, LINKS);
    expect(can(USERS.inspector, 'kitchen:read', undefined, empty)).toBe(false);
  });
});
