// Who may do what, and where (rule book section 1): a decision table, role by action,
// then the kitchen must lie in the user's scope. The dashboard hides what `can` refuses;
// the server asks `can` again on every act.
import type { Role } from '../../../contracts/auth.ts';
import { kitchensUnder } from './hierarchy.ts';
import type { AuthUser, JurisdictionNode, KitchenLink, Scope } from './types.ts';

export const ACTIONS = [
  /** See a kitchen: readings, alerts, samples, cameras, its registry entry. */
  'kitchen:read',
  'alert:ack',
  'alert:resolve',
  /** Record who checked the corrective action (rule book section 6). */
  'alert:verify',
  'alert:close',
  /** Confirm or reject an AI detection (FS-AI-EVENT). */
  'ai:review',
  /** Record a sample by hand when the cabinet could not. */
  'sample:record',
  'sample:dispose',
  /** Seal a sample for the regulator (FS-SAMPLE-SEAL). */
  'sample:seal',
  'kitchen:meal-times',
  'command:send',
  /** Site facts, new sites, gateway provisioning: administrators only. */
  'registry:write',
  /** A kitchen's staff list and their health certificates. */
  'staff:write',
  /** A unit's calibration or field check (FS-CAL-DUE). */
  'calibration:record',
  /** The result of an inspection, posted until the next (rule book section 8). */
  'inspection:record',
  /** A site's notification channels (its escalation chain). */
  'channels:write',
  'users:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The decision table. Everything not listed is refused. */
const GRANTS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set(ACTIONS),
  // Market supervision inspects: it verifies and closes, reviews detections and seals samples, but runs no kitchen.
  inspector: new Set<Action>([
    'kitchen:read', 'alert:verify', 'alert:close', 'ai:review', 'sample:seal', 'calibration:record', 'inspection:record',
  ]),
  // No ai:review: a rejected detection closes its alert, and a kitchen must not dismiss the
  // violations seen in its own kitchen (FS-AI-EVENT counts once a person confirms it).
  kitchen_manager: new Set<Action>([
    'kitchen:read', 'alert:ack', 'alert:resolve', 'alert:verify', 'alert:close',
    'sample:record', 'sample:dispose', 'kitchen:meal-times', 'staff:write', 'calibration:record', 'channels:write',
  ]),
  kitchen_staff: new Set<Action>(['kitchen:read', 'alert:ack', 'alert:resolve', 'sample:record', 'sample:dispose']),
  auditor: new Set<Action>(['kitchen:read']),
};

const KITCHEN_ROLES: ReadonlySet<Role> = new Set(['kitchen_manager', 'kitchen_staff']);

export const isKitchenRole = (role: Role): boolean => KITCHEN_ROLES.has(role);

/** The kitchens a user may see, from the jurisdiction tree and the kitchens' links into it. */
export function scopeOf(
  user: Pick<AuthUser, 'role' | 'kitchenId' | 'jurisdictions'>,
  nodes: readonly JurisdictionNode[],
  links: readonly KitchenLink[],
): Scope {
  if (user.role === 'admin' || user.role === 'auditor') return 'all';
  if (isKitchenRole(user.role)) return new Set(user.kitchenId === null ? [] : [user.kitchenId]);
  return kitchensUnder(nodes, links, user.jurisdictions);
}

export const inScope = (scope: Scope, kitchenId: string): boolean => scope === 'all' || scope.has(kitchenId);

/**
 * May `user` do `action` on `kitchenId`? Without a kitchen: may they do it anywhere in their
 * scope (what the dashboard shows). A route acting on one kitchen must pass its id.
 */
export function can(user: Pick<AuthUser, 'role'>, action: Action, kitchenId: string | undefined, scope: Scope): boolean {
  if (!GRANTS[user.role].has(action)) return false;
  if (kitchenId !== undefined) return inScope(scope, kitchenId);
  return scope === 'all' || scope.size > 0;
}

export const isAction = (s: string): s is Action => (ACTIONS as readonly string[]).includes(s);
