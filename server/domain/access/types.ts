// Who is acting, and the jurisdiction tree their scope is computed from (rule book section 1).
import type { Role } from '../../../contracts/auth.ts';

/** A logged-in person, as the server's checks need them (no password hash, no session). */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Kitchen roles: their one kitchen; null for everyone else. */
  kitchenId: string | null;
  /** Inspectors: the jurisdictions they are assigned; empty for everyone else. */
  jurisdictions: string[];
}

/** A node of the jurisdiction tree (city → district → street). */
export interface JurisdictionNode {
  id: string;
  parentId: string | null;
  /** FS-CAM-RETENTION: days of video its sites must keep; null: it sets none. */
  videoRetentionDays?: number | null;
}

/** A kitchen sits in one or more authorities' jurisdictions at once (a street office's, a district bureau's). */
export interface KitchenLink {
  kitchenId: string;
  jurisdictionId: string;
}

/** The kitchens a user may see: every kitchen, or exactly these. */
export type Scope = 'all' | ReadonlySet<string>;
