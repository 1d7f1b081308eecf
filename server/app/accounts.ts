// Accounts and scope (rule book section 1): users, the jurisdictions they inspect, login
// sessions, and what each user may see and do. Passwords are kept as scrypt hashes (the
// broker's); sessions by the SHA-256 of their token.
import { createHash, randomBytes } from 'node:crypto';
import type { Jurisdiction, Me } from '../../contracts/auth.ts';
import { ID_PATTERN } from '../../contracts/topics.ts';
import { DEFAULT_SCRYPT_COST, checkSecret, hashSecret, type ScryptCost } from '../../broker/credentials.ts';
import {
  ACTIONS, EMPTY_LIMITER, LOGIN_LIMIT, attemptSucceeded, beginAttempt, can, checkJurisdiction, checkUser, inScope, scopeOf,
  strictestRetentionDays, type Action, type AuthUser, type LoginLimit, type Scope, type UserInput,
} from '../domain/access/access.ts';
import type { UserRecord, UsersRepo } from '../adapters/sql/users-repo.ts';
import type { RecordAudit } from './audit.ts';

export type AccountErrorCode = 'invalid_user' | 'weak_password' | 'user_exists' | 'invalid_jurisdiction';

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

const toAuthUser = (u: UserRecord): AuthUser => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, kitchenId: u.kitchenId, jurisdictions: u.jurisdictions,
});

export function createAccounts(deps: AccountsDeps) {
  const { users } = deps;
  const cost = deps.cost ?? DEFAULT_SCRYPT_COST;
  const ttl = deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const maxLifetime = deps.sessionMaxMs ?? DEFAULT_SESSION_MAX_MS;
  let limiter = EMPTY_LIMITER;
  // No route changes accounts yet: they are set up by the operator's tooling, recorded as "system".
  const record = (action: string, subject: string, kitchenId: string | null, data: Record<string, unknown>) =>
    deps.audit?.({ actor: 'system', role: null, action, subject, kitchenId, data });
  // Checked when the username is unknown, so that a wrong username costs as long as a wrong password.
  const dummyHash = hashSecret(randomBytes(16).toString('base64url'), cost);
  dummyHash.catch(() => {}); // a bad cost fails every login below; it must not also crash the process here

  async function createUser(input: UserInput): Promise<AuthUser> {
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
      });
      return created;
    } catch (err) {
      // Taken while the hash was computed.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AccountError('user_exists', `username ${input.username} is taken`);
      throw err;
    }
  }

  function upsertJurisdiction(j: Jurisdiction): Jurisdiction {
    const problem = checkJurisdiction(j, users.jurisdictions());
    if (problem) throw new AccountError(problem.code, problem.message);
    users.upsertJurisdiction(j);
    record('jurisdiction.saved', `jurisdiction:${j.id}`, null, { ...j });
    return j;
  }

  function linkKitchen(kitchenId: string, jurisdictionId: string): void {
    if (!ID_PATTERN.test(kitchenId)) throw new AccountError('invalid_jurisdiction', `invalid kitchen id ${kitchenId}`);
    if (!users.jurisdiction(jurisdictionId)) throw new AccountError('invalid_jurisdiction', `unknown jurisdiction ${jurisdictionId}`);
    users.linkKitchen(kitchenId, jurisdictionId);
    record('jurisdiction.kitchen-linked', `jurisdiction:${jurisdictionId}`, kitchenId, { kitchenId, jurisdictionId });
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
    unlinkKitchen(kitchenId: string, jurisdictionId: string) {
      users.unlinkKitchen(kitchenId, jurisdictionId);
      record('jurisdiction.kitchen-unlinked', `jurisdiction:${jurisdictionId}`, kitchenId, { kitchenId, jurisdictionId });
    },
    jurisdictions: (): Jurisdiction[] => users.jurisdictions(),
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
