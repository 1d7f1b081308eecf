// Accounts and scope (rule book section 1): users, the jurisdictions they inspect, login
// sessions, and what each user may see and do. Passwords are kept as scrypt hashes (the
// broker's); sessions by the SHA-256 of their token.
import { createHash, randomBytes } from 'node:crypto';
import type { Jurisdiction, Me, Role, UserDto, UserUpdateRequest } from '../../contracts/auth.ts';
import { ID_PATTERN } from '../../contracts/topics.ts';
import { DEFAULT_SCRYPT_COST, checkSecret, hashSecret, type ScryptCost } from '../../broker/credentials.ts';
import {
  ACTIONS, EMPTY_LIMITER, LOGIN_LIMIT, MIN_PASSWORD_LENGTH, attemptSucceeded, beginAttempt, can, checkJurisdiction, checkUser, inScope,
  isKitchenRole, scopeOf, strictestRetentionDays, type Action, type AuthUser, type LoginLimit, type Scope, type UserInput,
} from '../domain/access/access.ts';
import type { UserRecord, UsersRepo } from '../adapters/sql/users-repo.ts';
import type { RecordAudit } from './audit.ts';

export type AccountErrorCode = 'invalid_user' | 'weak_password' | 'user_exists' | 'invalid_jurisdiction' | 'user_not_found' | 'jurisdiction_not_found';

/** Who changes an account or a jurisdiction, for the audit log; absent: the operator's tooling ("system"). */
export interface AccountActor {
  username: string;
  displayName: string;
  role: Role;
}

export class AccountError extends Error {
  constructor(readonly code: AccountErrorCode, message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

export type LoginResult =
  | { ok: true; token: string; user: AuthUser; expiresAt: number; endsAt: number }
  | { ok: false; code: 'bad_credentials' | 'too_many_attempts'; retryAfterS?: number };

export interface AccountsDeps {
  users: UsersRepo;
  now(): number;
  /** scrypt cost of new hashes; tests pass a cheap one. */
  cost?: ScryptCost;
  /** Idle time after which a session ends; every use (at most once a minute) extends it. */
  sessionTtlMs?: number;
  /** However often it is used, a session ends this long after the login (the cookie's lifetime). */
  sessionMaxMs?: number;
  limit?: LoginLimit;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Accounts and jurisdictions are settings: their changes go to the audit log (rule book section 6). */
  audit?: RecordAudit;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 3_600_000;
/** A kitchen tablet stays logged in through a week of shifts, then someone types the password again. */
export const DEFAULT_SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** A session's last use is written at most this often: reads must not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** An account as an administrator's edit leaves it. */
interface EditedUser {
  username: string; displayName: string; role: Role; kitchenId: string | null; jurisdictions: string[]; disabled: boolean;
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));

/** Whether the edit changes what the user may reach or how they log in (a new password always does). */
const accessChanged = (user: UserRecord, next: EditedUser, newPassword: boolean): boolean =>
  newPassword || next.role !== user.role || next.kitchenId !== user.kitchenId || !sameIds(next.jurisdictions, user.jurisdictions)
  || next.disabled !== (user.disabledAt !== null);

const toAuthUser = (u: UserRecord): AuthUser => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, kitchenId: u.kitchenId, jurisdictions: u.jurisdictions,
});

export function createAccounts(deps: AccountsDeps) {
  const { users } = deps;
  const cost = deps.cost ?? DEFAULT_SCRYPT_COST;
  const ttl = deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const maxLifetime = deps.sessionMaxMs ?? DEFAULT_SESSION_MAX_MS;
  let limiter = EMPTY_LIMITER;
  // The administration's routes name who acted; the operator's tooling (the demo's seeding) is "system".
  const record = (action: string, subject: string, kitchenId: string | null, data: Record<string, unknown>, by?: AccountActor) =>
    deps.audit?.({ actor: by?.displayName ?? 'system', role: by?.role ?? null, action, subject, kitchenId, data: by ? { ...data, by: by.username } : data });
  // Checked when the username is unknown, so that a wrong username costs as long as a wrong password.
  const dummyHash = hashSecret(randomBytes(16).toString('base64url'), cost);
  dummyHash.catch(() => {}); // a bad cost fails every login below; it must not also crash the process here

  async function createUser(input: UserInput, by?: AccountActor): Promise<AuthUser> {
    const problem = checkUser(input);
    if (problem) throw new AccountError(problem.code, problem.message);
    const jurisdictions = [...new Set(input.jurisdictions ?? [])];
    const unknown = jurisdictions.find((id) => !users.jurisdiction(id));
    if (unknown !== undefined) throw new AccountError('invalid_user', `unknown jurisdiction ${unknown}`);
    if (users.userByName(input.username)) throw new AccountError('user_exists', `username ${input.username} is taken`);
    const passwordHash = await hashSecret(input.password, cost);
    try {
      const created = toAuthUser(users.insertUser({
        username: input.username, displayName: input.displayName.trim(), role: input.role, kitchenId: input.kitchenId ?? null,
        jurisdictions, passwordHash, createdAt: deps.now(),
      }));
      record('user.created', `user:${created.username}`, created.kitchenId, {
        username: created.username, displayName: created.displayName, role: created.role, jurisdictions: created.jurisdictions,
      }, by);
      return created;
    } catch (err) {
      // Taken while the hash was computed.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AccountError('user_exists', `username ${input.username} is taken`);
      throw err;
    }
  }

  function upsertJurisdiction(j: Jurisdiction, by?: AccountActor): Jurisdiction {
    const problem = checkJurisdiction(j, users.jurisdictions());
    if (problem) throw new AccountError(problem.code, problem.message);
    users.upsertJurisdiction(j);
    record('jurisdiction.saved', `jurisdiction:${j.id}`, null, { ...j }, by);
    return j;
  }

  function linkKitchen(kitchenId: string, jurisdictionId: string, by?: AccountActor): void {
    if (!ID_PATTERN.test(kitchenId)) throw new AccountError('invalid_jurisdiction', `invalid kitchen id ${kitchenId}`);
    if (!users.jurisdiction(jurisdictionId)) throw new AccountError('invalid_jurisdiction', `unknown jurisdiction ${jurisdictionId}`);
    users.linkKitchen(kitchenId, jurisdictionId);
    record('jurisdiction.kitchen-linked', `jurisdiction:${jurisdictionId}`, kitchenId, { kitchenId, jurisdictionId }, by);
  }

  function unlinkKitchen(kitchenId: string, jurisdictionId: string, by?: AccountActor): void {
    users.unlinkKitchen(kitchenId, jurisdictionId);
    record('jurisdiction.kitchen-unlinked', `jurisdiction:${jurisdictionId}`, kitchenId, { kitchenId, jurisdictionId }, by);
  }

  /** Every authority whose scope the kitchen is in, exactly these: links added and removed. */
  function setKitchenJurisdictions(kitchenId: string, ids: readonly string[], by?: AccountActor): string[] {
    const unknown = ids.find((id) => !users.jurisdiction(id));
    if (unknown !== undefined) throw new AccountError('jurisdiction_not_found', `no jurisdiction ${unknown}`);
    const before = users.jurisdictionsOfKitchen(kitchenId);
    for (const id of before) if (!ids.includes(id)) unlinkKitchen(kitchenId, id, by);
    for (const id of ids) if (!before.includes(id)) linkKitchen(kitchenId, id, by);
    return users.jurisdictionsOfKitchen(kitchenId);
  }

  const toDto = (u: UserRecord): UserDto => ({
    username: u.username, displayName: u.displayName, role: u.role, kitchenId: u.kitchenId, jurisdictions: u.jurisdictions,
    disabled: u.disabledAt !== null, createdAt: new Date(u.createdAt).toISOString(),
  });

  /** An edit applied to a stored account. A role given without a kitchen or jurisdictions drops
   *  the ones the new role cannot have. */
  function edited(user: UserRecord, u: UserUpdateRequest): EditedUser {
    const role = u.role ?? user.role;
    const kitchenId = u.kitchenId !== undefined ? u.kitchenId : u.role && !isKitchenRole(role) ? null : user.kitchenId;
    const jurisdictions = [...new Set(u.jurisdictions ?? (u.role && role !== 'inspector' ? [] : user.jurisdictions))];
    const disabled = u.disabled ?? user.disabledAt !== null;
    return { username: user.username, displayName: (u.displayName ?? user.displayName).trim(), role, kitchenId, jurisdictions, disabled };
  }

  /** Throws the edit's first problem: the account's shape, its jurisdictions, an administrator left. */
  function checkEdit(user: UserRecord, next: EditedUser, u: UserUpdateRequest, by?: AccountActor): void {
    // The stored password is not checked again: only a new one is.
    const problem = checkUser({ ...next, password: u.password ?? 'x'.repeat(MIN_PASSWORD_LENGTH) });
    if (problem) throw new AccountError(problem.code, problem.message);
    const unknown = next.jurisdictions.find((id) => !users.jurisdiction(id));
    if (unknown !== undefined) throw new AccountError('invalid_user', `unknown jurisdiction ${unknown}`);
    const wasAdmin = user.role === 'admin' && user.disabledAt === null;
    const staysAdmin = next.role === 'admin' && !next.disabled;
    if (by && by.username.toLowerCase() === user.username.toLowerCase() && (u.disabled === true || (wasAdmin && !staysAdmin))) {
      throw new AccountError('invalid_user', 'an administrator may not disable or demote their own account');
    }
    if (wasAdmin && !staysAdmin && users.otherEnabledAdmins(user.id) === 0) {
      throw new AccountError('invalid_user', `${user.username} is the last enabled administrator: no one would be left to manage accounts`);
    }
  }

  /**
   * The administration's edit of an account. A change of what the user may reach (role, kitchen,
   * jurisdictions, password, disabled) ends their sessions: a narrowed scope or a disabled account
   * must not live on in an open page. Fields sent unchanged (a form sends them all) end nothing.
   */
  async function updateUser(username: string, u: UserUpdateRequest, by?: AccountActor): Promise<UserDto> {
    // The slow hash first; then the read, its checks, the writes and the audit entry in one
    // transaction, so no other edit can slip between a check and its write (the last admin).
    const passwordHash = u.password === undefined ? undefined : await hashSecret(u.password, cost);
    return users.transaction(() => {
      const user = users.userByName(username);
      if (!user) throw new AccountError('user_not_found', `no user ${username}`);
      const next = edited(user, u);
      checkEdit(user, next, u, by);
      users.updateUser(user.id, next);
      if (passwordHash) users.setPasswordHash(user.id, passwordHash);
      if (next.disabled && user.disabledAt === null) users.disableUser(user.id, deps.now());
      if (!next.disabled && user.disabledAt !== null) users.enableUser(user.id);
      const sessionsEnded = accessChanged(user, next, passwordHash !== undefined);
      if (sessionsEnded) users.deleteSessionsOf(user.id);
      const { password: _password, ...shown } = u;
      record('user.updated', `user:${user.username}`, next.kitchenId, { ...shown, ...(u.password ? { passwordChanged: true } : {}), sessionsEnded, username: user.username }, by);
      return toDto(users.userById(user.id)!);
    });
  }

  async function login(username: string, password: string, ip: string): Promise<LoginResult> {
    const startedAt = deps.now();
    const begun = beginAttempt(limiter, username, ip, startedAt, deps.limit ?? LOGIN_LIMIT);
    limiter = begun.state;
    if (!begun.verdict.allowed) {
      deps.log?.warn({ username, ip, retryAfterS: begun.verdict.retryAfterS }, 'login refused: too many failed attempts');
      return { ok: false, code: 'too_many_attempts', retryAfterS: begun.verdict.retryAfterS };
    }
    const user = users.userByName(username);
    const matches = await checkSecret(user?.passwordHash ?? (await dummyHash), password);
    if (!user || !matches || user.disabledAt !== null) {
      deps.log?.info({ username, ip }, 'login failed');
      return { ok: false, code: 'bad_credentials' };
    }
    limiter = attemptSucceeded(limiter, username, ip, startedAt);
    const now = deps.now();
    users.deleteExpiredSessions(now); // housekeeping where it is cheap: logins are rare
    const token = randomBytes(32).toString('base64url');
    const endsAt = now + maxLifetime;
    const expiresAt = Math.min(now + ttl, endsAt);
    users.insertSession({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt, lastSeenAt: now });
    deps.log?.info({ username: user.username, ip }, 'logged in');
    return { ok: true, token, user: toAuthUser(user), expiresAt, endsAt };
  }

  function userOfToken(token: string | undefined): AuthUser | undefined {
    if (!token) return undefined;
    const hash = sha256(token);
    const session = users.session(hash);
    if (!session) return undefined;
    const now = deps.now();
    const user = users.userById(session.userId);
    if (session.expiresAt <= now || !user || user.disabledAt !== null) {
      users.deleteSession(hash);
      return undefined;
    }
    // Sliding, but never past the absolute end: a stolen cookie in use does not live for ever.
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) users.touchSession(hash, now, Math.min(now + ttl, session.createdAt + maxLifetime));
    return toAuthUser(user);
  }

  /** Disables a user and ends their sessions; false when there is no such enabled user. */
  function disableUser(username: string): boolean {
    const user = users.userByName(username);
    return user !== undefined && users.disableUser(user.id, deps.now());
  }

  // Read on every call: the tree is a few hundred rows at most, and an edit must apply at once.
  const scopeOfUser = (user: AuthUser): Scope => scopeOf(user, users.jurisdictions(), users.kitchenLinks());
  const canDo = (user: AuthUser, action: Action, kitchenId?: string): boolean => can(user, action, kitchenId, scopeOfUser(user));

  function me(user: AuthUser): Me {
    const scope = scopeOfUser(user);
    return {
      username: user.username, displayName: user.displayName, role: user.role, kitchenId: user.kitchenId,
      jurisdictions: user.jurisdictions,
      kitchens: scope === 'all' ? 'all' : [...scope].sort(),
      can: ACTIONS.filter((a) => can(user, a, undefined, scope)),
    };
  }

  return {
    createUser,
    userExists: (username: string): boolean => users.userByName(username) !== undefined,
    disableUser,
    upsertJurisdiction,
    linkKitchen,
    unlinkKitchen,
    setKitchenJurisdictions,
    jurisdictions: (): Jurisdiction[] => users.jurisdictions(),
    jurisdiction: (id: string): Jurisdiction | undefined => users.jurisdiction(id),
    jurisdictionsOfKitchen: (kitchenId: string): string[] => users.jurisdictionsOfKitchen(kitchenId),
    users: (): UserDto[] => users.users().map(toDto),
    user(username: string): UserDto | undefined {
      const u = users.userByName(username);
      return u && toDto(u);
    },
    updateUser,
    login,
    logout: (token: string) => users.deleteSession(sha256(token)),
    userOfToken,
    scopeOf: scopeOfUser,
    canSee: (user: AuthUser, kitchenId: string): boolean => inScope(scopeOfUser(user), kitchenId),
    can: canDo,
    me,
    /** [FS-CAM-RETENTION] Days of video the kitchen's jurisdictions require (the strictest); null: none set. */
    retentionDaysOf: (kitchenId: string): number | null =>
      strictestRetentionDays(users.jurisdictions(), users.jurisdictionsOfKitchen(kitchenId)),
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
