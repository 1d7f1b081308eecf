// What an admin may register: a user whose role, kitchen and jurisdictions fit together,
// and a jurisdiction that fits the tree. Each check answers with the first problem, or null.
import { JURISDICTION_LEVELS, ROLES, type Jurisdiction, type Role } from '../../../contracts/auth.ts';
import { ID_PATTERN } from '../../../contracts/topics.ts';
import { wouldCycle } from './hierarchy.ts';
import { isKitchenRole } from './permissions.ts';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,64}$/;
export const MIN_PASSWORD_LENGTH = 10;
/** The login request's limit: a longer password could never be typed in. */
export const MAX_PASSWORD_LENGTH = 256;
const MAX_DISPLAY_NAME = 100;

export interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  kitchenId?: string | null;
  jurisdictions?: string[];
  password: string;
}

export interface Problem<C extends string> {
  code: C;
  message: string;
}

const problem = <C extends string>(code: C, message: string): Problem<C> => ({ code, message });

/** Checks the shape of a new user; whether the jurisdictions exist is the caller's question. */
export function checkUser(u: UserInput): Problem<'invalid_user' | 'weak_password'> | null {
  const jurisdictions = u.jurisdictions ?? [];
  const kitchenId = u.kitchenId ?? null;
  if (!USERNAME_PATTERN.test(u.username)) return problem('invalid_user', 'username: 3–64 of A–Z a–z 0–9 _ . -');
  if (u.displayName.trim() === '' || u.displayName.length > MAX_DISPLAY_NAME) return problem('invalid_user', `display name: 1–${MAX_DISPLAY_NAME} characters`);
  if (!(ROLES as readonly string[]).includes(u.role)) return problem('invalid_user', `unknown role ${u.role}`);
  if (isKitchenRole(u.role) && (kitchenId === null || !ID_PATTERN.test(kitchenId))) return problem('invalid_user', `a ${u.role} needs a valid kitchen id`);
  if (!isKitchenRole(u.role) && kitchenId !== null) return problem('invalid_user', `a ${u.role} has no kitchen`);
  if (u.role === 'inspector' && jurisdictions.length === 0) return problem('invalid_user', 'an inspector needs at least one jurisdiction');
  if (u.role !== 'inspector' && jurisdictions.length > 0) return problem('invalid_user', `a ${u.role} has no jurisdictions`);
  if (u.password.length < MIN_PASSWORD_LENGTH) return problem('weak_password', `password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (u.password.length > MAX_PASSWORD_LENGTH) return problem('invalid_user', `password: at most ${MAX_PASSWORD_LENGTH} characters`);
  return null;
}

const rank = (level: string) => (JURISDICTION_LEVELS as readonly string[]).indexOf(level);

/** Checks a jurisdiction against the tree it joins (or changes): a parent above it, and no loop. */
export function checkJurisdiction(j: Jurisdiction, tree: readonly Jurisdiction[]): Problem<'invalid_jurisdiction'> | null {
  const bad = (message: string) => problem('invalid_jurisdiction', message);
  if (!ID_PATTERN.test(j.id)) return bad('id: 1–64 of A–Z a–z 0–9 _ -');
  if (j.name.trim() === '') return bad('a jurisdiction needs a name');
  if (rank(j.level) < 0) return bad(`unknown level ${j.level}`);
  const days = j.videoRetentionDays;
  if (days !== null && (!Number.isInteger(days) || days < 1)) return bad('video retention: a whole number of days ≥ 1, or null');
  if (j.parentId !== null) {
    const parent = tree.find((n) => n.id === j.parentId);
    if (!parent) return bad(`unknown parent ${j.parentId}`);
    if (rank(parent.level) >= rank(j.level)) return bad(`a ${j.level} cannot sit under a ${parent.level}`);
    if (wouldCycle(tree, j.id, j.parentId)) return bad(`${j.parentId} is ${j.id} or below it`);
  }
  const child = tree.find((n) => n.parentId === j.id && rank(n.level) <= rank(j.level));
  if (child) return bad(`its child ${child.id} is a ${child.level}`);
  return null;
}
