// Accounts and scope in the SQL store: the jurisdiction tree and the kitchens linked into
// it, users with their jurisdictions, and sessions. A session is found by the SHA-256 of
// its token: a copy of the database does not hand out live logins.
import type { Jurisdiction, JurisdictionLevel, Role } from '../../../contracts/auth.ts';
import type { KitchenLink } from '../../domain/access/types.ts';
import type { Db } from './database.ts';

interface JurisdictionRow { id: string; name: string; level: JurisdictionLevel; parent_id: string | null; video_retention_days: number | null }
interface UserRow {
  id: number; username: string; display_name: string; role: Role; kitchen_id: string | null;
  password_hash: string; created_at: number; disabled_at: number | null;
}
interface SessionRow { token_hash: string; user_id: number; created_at: number; expires_at: number; last_seen_at: number }

/** A stored user, password hash included: only the accounts use case reads it. */
export interface UserRecord {
  id: number; username: string; displayName: string; role: Role; kitchenId: string | null;
  jurisdictions: string[]; passwordHash: string; createdAt: number; disabledAt: number | null;
}

export interface NewUserRecord {
  username: string; displayName: string; role: Role; kitchenId: string | null;
  jurisdictions: string[]; passwordHash: string; createdAt: number;
}

export interface SessionRecord { tokenHash: string; userId: number; createdAt: number; expiresAt: number; lastSeenAt: number }

const toJurisdiction = (r: JurisdictionRow): Jurisdiction => ({
  id: r.id, name: r.name, level: r.level, parentId: r.parent_id, videoRetentionDays: r.video_retention_days,
});

const toSession = (r: SessionRow): SessionRecord => ({
  tokenHash: r.token_hash, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at,
});

export function createUsersRepo(db: Db) {
  const upsertJurisdiction = db.prepare(`INSERT INTO jurisdictions (id, name, level, parent_id, video_retention_days)
    VALUES (@id, @name, @level, @parentId, @videoRetentionDays)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id,
      video_retention_days = excluded.video_retention_days`);
  const allJurisdictions = db.prepare('SELECT * FROM jurisdictions ORDER BY id');
  const oneJurisdiction = db.prepare('SELECT * FROM jurisdictions WHERE id = ?');
  const link = db.prepare('INSERT OR IGNORE INTO kitchen_jurisdictions (kitchen_id, jurisdiction_id) VALUES (?, ?)');
  const unlink = db.prepare('DELETE FROM kitchen_jurisdictions WHERE kitchen_id = ? AND jurisdiction_id = ?');
  const allLinks = db.prepare('SELECT kitchen_id AS kitchenId, jurisdiction_id AS jurisdictionId FROM kitchen_jurisdictions ORDER BY kitchen_id, jurisdiction_id');
  const linksOf = db.prepare('SELECT jurisdiction_id FROM kitchen_jurisdictions WHERE kitchen_id = ? ORDER BY jurisdiction_id');

  const insertUser = db.prepare(`INSERT INTO users (username, display_name, role, kitchen_id, password_hash, created_at)
    VALUES (@username, @displayName, @role, @kitchenId, @passwordHash, @createdAt)`);
  const insertUserJurisdiction = db.prepare('INSERT INTO user_jurisdictions (user_id, jurisdiction_id) VALUES (?, ?)');
  const userByName = db.prepare('SELECT * FROM users WHERE username = ?'); // the column's NOCASE collation applies
  const userById = db.prepare('SELECT * FROM users WHERE id = ?');
  const allUsers = db.prepare('SELECT * FROM users ORDER BY username');
  const jurisdictionsOfUser = db.prepare('SELECT jurisdiction_id FROM user_jurisdictions WHERE user_id = ? ORDER BY jurisdiction_id');
  const disableUser = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL');
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const updateUser = db.prepare('UPDATE users SET display_name = @displayName, role = @role, kitchen_id = @kitchenId WHERE id = @id');
  const clearUserJurisdictions = db.prepare('DELETE FROM user_jurisdictions WHERE user_id = ?');
  const enableUser = db.prepare('UPDATE users SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL');
  const otherEnabledAdmins = db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> ?`);

  const insertSession = db.prepare(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at)
    VALUES (@tokenHash, @userId, @createdAt, @expiresAt, @lastSeenAt)`);
  const sessionByHash = db.prepare('SELECT * FROM sessions WHERE token_hash = ?');
  const touchSession = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?');
  const deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const deleteSessionsOf = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');

  const ids = (rows: unknown[]) => (rows as Array<{ jurisdiction_id: string }>).map((r) => r.jurisdiction_id);
  const toUser = (r: UserRow): UserRecord => ({
    id: r.id, username: r.username, displayName: r.display_name, role: r.role, kitchenId: r.kitchen_id,
    jurisdictions: ids(jurisdictionsOfUser.all(r.id)), passwordHash: r.password_hash, createdAt: r.created_at, disabledAt: r.disabled_at,
  });
  const user = (row: unknown) => (row === undefined ? undefined : toUser(row as UserRow));

  return {
    upsertJurisdiction: (j: Jurisdiction) => void upsertJurisdiction.run(j),
    jurisdictions: (): Jurisdiction[] => (allJurisdictions.all() as JurisdictionRow[]).map(toJurisdiction),
    jurisdiction(id: string): Jurisdiction | undefined {
      const row = oneJurisdiction.get(id) as JurisdictionRow | undefined;
      return row && toJurisdiction(row);
    },
    linkKitchen: (kitchenId: string, jurisdictionId: string) => void link.run(kitchenId, jurisdictionId),
    unlinkKitchen: (kitchenId: string, jurisdictionId: string) => void unlink.run(kitchenId, jurisdictionId),
    kitchenLinks: (): KitchenLink[] => allLinks.all() as KitchenLink[],
    jurisdictionsOfKitchen: (kitchenId: string): string[] => ids(linksOf.all(kitchenId)),

    /** Inserts a user and their jurisdictions at once; throws SQLite's UNIQUE error for a taken username. */
    insertUser(u: NewUserRecord): UserRecord {
      const id = db.transaction(() => {
        const userId = Number(insertUser.run(u).lastInsertRowid);
        for (const j of u.jurisdictions) insertUserJurisdiction.run(userId, j);
        return userId;
      })();
      return user(userById.get(id))!;
    },
    /** Case-insensitive, like the unique index. */
    userByName: (username: string): UserRecord | undefined => user(userByName.get(username)),
    userById: (id: number): UserRecord | undefined => user(userById.get(id)),
    users: (): UserRecord[] => (allUsers.all() as UserRow[]).map(toUser),
    /** True when the user was enabled and is now disabled; their sessions end with it. */
    disableUser(id: number, at: number): boolean {
      return db.transaction(() => {
        deleteSessionsOf.run(id);
        return disableUser.run(at, id).changes > 0;
      })();
    },
    setPasswordHash: (id: number, hash: string) => void setHash.run(hash, id),
    /** Name, role, kitchen and jurisdictions at once (the administration's edit of an account). */
    updateUser(id: number, u: Pick<UserRecord, 'displayName' | 'role' | 'kitchenId' | 'jurisdictions'>): void {
      db.transaction(() => {
        updateUser.run({ id, displayName: u.displayName, role: u.role, kitchenId: u.kitchenId });
        clearUserJurisdictions.run(id);
        for (const j of u.jurisdictions) insertUserJurisdiction.run(id, j);
      })();
    },
    /** True when the user was disabled and is now enabled. */
    enableUser: (id: number): boolean => enableUser.run(id).changes > 0,
    /** Enabled administrators besides this user: someone must be left to manage accounts. */
    otherEnabledAdmins: (id: number): number => (otherEnabledAdmins.get(id) as { n: number }).n,
    /** Runs `fn` in one transaction (nested ones become savepoints): a read, its checks and the writes together. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),

    insertSession: (s: SessionRecord) => void insertSession.run(s),
    session(tokenHash: string): SessionRecord | undefined {
      const row = sessionByHash.get(tokenHash) as SessionRow | undefined;
      return row && toSession(row);
    },
    touchSession: (tokenHash: string, lastSeenAt: number, expiresAt: number) => void touchSession.run(lastSeenAt, expiresAt, tokenHash),
    deleteSession: (tokenHash: string) => void deleteSession.run(tokenHash),
    deleteSessionsOf: (userId: number) => void deleteSessionsOf.run(userId),
    /** Removes sessions expired at `now`; returns how many. */
    deleteExpiredSessions: (now: number): number => deleteExpired.run(now).changes,
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
