// The user administration's rules, without the DOM: which scope a role takes (a kitchen for
// kitchen roles, jurisdictions for inspectors, nothing for admins and auditors), a new user and
// an edit checked as the server checks them (contracts/auth.ts), and only what changed sent.
import { ROLES, type Role, type UserCreateRequest, type UserDto, type UserUpdateRequest } from '../../contracts/auth.ts';
import type { Checked } from './admin-sites.ts';
import type { Key } from './i18n.ts';

/** The server refuses shorter ones (`weak_password`). */
export const PASSWORD_MIN = 10;
const USERNAME = /^[A-Za-z0-9._-]{2,64}$/;
const DISPLAY_NAME_MAX = 40;

export type ScopeKind = 'kitchen' | 'jurisdictions' | 'all';

/** What a role's scope is made of (rule book section 1). */
export function scopeKind(role: Role): ScopeKind {
  if (role === 'kitchen_manager' || role === 'kitchen_staff') return 'kitchen';
  if (role === 'inspector') return 'jurisdictions';
  return 'all';
}

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

export interface ScopeValues {
  displayName: string;
  role: string;
  kitchenId: string;
  jurisdictions: readonly string[];
}

export interface UserValues extends ScopeValues {
  username: string;
  password: string;
}

const bad = (field: string, error: Key): { ok: false; field: string; error: Key } => ({ ok: false, field, error });

/** The role and the scope it needs, checked: kitchenId for kitchen roles, jurisdictions for inspectors. */
function checkScope(v: ScopeValues): Checked<{ displayName: string; role: Role; kitchenId: string | null; jurisdictions: string[] }> {
  const displayName = v.displayName.trim();
  if (!displayName || displayName.length > DISPLAY_NAME_MAX) return bad('displayName', 'admin.err.displayName');
  if (!isRole(v.role)) return bad('role', 'admin.err.role');
  const kind = scopeKind(v.role);
  if (kind === 'kitchen' && !v.kitchenId) return bad('kitchenId', 'admin.err.kitchenRequired');
  if (kind === 'jurisdictions' && !v.jurisdictions.length) return bad('jurisdictions', 'admin.err.jurisdictionRequired');
  return {
    ok: true,
    value: {
      displayName,
      role: v.role,
      kitchenId: kind === 'kitchen' ? v.kitchenId : null,
      jurisdictions: kind === 'jurisdictions' ? [...v.jurisdictions] : [],
    },
  };
}

export function checkPassword(password: string): Checked<string> {
  return password.length >= PASSWORD_MIN ? { ok: true, value: password } : bad('password', 'admin.err.password');
}

export function checkUserCreate(v: UserValues): Checked<UserCreateRequest> {
  const username = v.username.trim();
  if (!USERNAME.test(username)) return bad('username', 'admin.err.username');
  const scope = checkScope(v);
  if (!scope.ok) return scope;
  const password = checkPassword(v.password);
  if (!password.ok) return password;
  const { displayName, role, kitchenId, jurisdictions } = scope.value;
  const req: UserCreateRequest = { username, displayName, role, password: password.value };
  if (kitchenId !== null) req.kitchenId = kitchenId;
  if (jurisdictions.length) req.jurisdictions = jurisdictions;
  return { ok: true, value: req };
}

/**
 * An edit of name, role and scope as the changes to send. A scope that no longer applies is
 * cleared (a kitchen manager made inspector loses the kitchen), so no stale scope lingers.
 */
export function checkUserUpdate(before: UserDto, v: ScopeValues): Checked<UserUpdateRequest> {
  const scope = checkScope(v);
  if (!scope.ok) return scope;
  const next = scope.value;
  const update: UserUpdateRequest = {};
  if (next.displayName !== before.displayName) update.displayName = next.displayName;
  if (next.role !== before.role) update.role = next.role;
  if (next.kitchenId !== before.kitchenId) update.kitchenId = next.kitchenId;
  const sameJurisdictions =
    next.jurisdictions.length === before.jurisdictions.length && next.jurisdictions.every((j) => before.jurisdictions.includes(j));
  if (!sameJurisdictions) update.jurisdictions = next.jurisdictions;
  return { ok: true, value: update };
}

/** Admins first, then by role as ROLES lists them, then by username. */
export function sortUsers(users: readonly UserDto[]): UserDto[] {
  return [...users].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.username.localeCompare(b.username));
}
