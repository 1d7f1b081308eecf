// Who is logged in, in the dashboard's terms: the role's name, what the user may do, the page
// they land on, and a failed login in words. No I/O and no DOM, so it is tested without a browser.
// The server decides everything (scope, permissions); this only chooses what to show.
import { ROLES, type Me, type Role } from '../../contracts/auth.ts';
import { ApiRequestError } from './api.ts';
import { t, type Key } from './i18n.ts';
import { DISTRICT_HREF, kitchenHref } from './route.ts';

/** The roles that belong to one kitchen: they land on its page. */
const KITCHEN_ROLES: ReadonlySet<string> = new Set(['kitchen_manager', 'kitchen_staff']);

/** The role in words (管理员, 监管人员, …); an unknown role as the server named it. */
export function roleName(role: string): string {
  return isRole(role) ? t(`role.${role}` satisfies Key) : role;
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** Whether the user may do an action (`ai:review`, `alert:ack`, …) somewhere in their scope. */
export function can(me: Pick<Me, 'can'> | null, action: string): boolean {
  return !!me && me.can.includes(action);
}

/** The name to sign AI reviews with, when the user may review (`ai:review`); null otherwise. */
export function reviewerOf(me: Pick<Me, 'can' | 'displayName'>): string | null {
  return can(me, 'ai:review') ? me.displayName : null;
}

export function isKitchenUser(me: Pick<Me, 'role' | 'kitchenId'>): me is Pick<Me, 'role'> & { kitchenId: string } {
  return KITCHEN_ROLES.has(me.role) && !!me.kitchenId;
}

/** The user's home: a kitchen user's kitchen, everyone else the district. */
export function homeHref(me: Pick<Me, 'role' | 'kitchenId'>): string {
  return isKitchenUser(me) ? kitchenHref(me.kitchenId) : DISTRICT_HREF;
}

/**
 * Where the app opens once it has a session. A link to a page (a kitchen, the wall) is kept;
 * no page yet, the bare district (`#/`) or the login page send the user home, so a kitchen user
 * lands on their kitchen. (Later, the district link in the top bar still shows the district.)
 */
export function landingHash(me: Pick<Me, 'role' | 'kitchenId'>, hash: string): string {
  const path = hash.split('?', 1)[0] ?? '';
  const bare = path === '' || path === '#' || /^#\/?$/.test(path) || /^#\/login\/?$/.test(path);
  return bare ? homeHref(me) : hash;
}

/** The hash to come back to after logging in again: the login page itself is not one. */
export function returnHash(hash: string): string {
  return /^#\/login\/?(\?|$)/.test(hash) ? '' : hash;
}

/**
 * Retry-After (RFC 9110: delay-seconds or an HTTP-date) as whole minutes to wait, at least 1;
 * null when there is none or it cannot be read.
 */
export function retryAfterMinutes(header: string | null | undefined, now: number = Date.now()): number | null {
  const value = header?.trim();
  if (!value) return null;
  let seconds: number;
  if (/^\d+$/.test(value)) seconds = Number(value);
  else {
    // An HTTP-date names its month ("Fri, 22 Nov 2024 02:10:00 GMT"); Date.parse alone takes "-5" for a year.
    const at = /[a-z]{3}/i.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(at)) return null;
    seconds = (at - now) / 1000;
  }
  return Math.max(1, Math.ceil(seconds / 60));
}

/** A failed login in words, for `.login-error`. */
export function loginErrorText(err: unknown, now: number = Date.now()): string {
  if (err instanceof ApiRequestError) {
    switch (err.code) {
      case 'bad_credentials':
        return t('login.badCredentials');
      case 'too_many_attempts': {
        const n = retryAfterMinutes(err.retryAfter, now);
        if (n === null) return t('login.tooManyLater');
        return t(n === 1 ? 'login.tooManyOne' : 'login.tooMany', { n });
      }
      case 'invalid_body':
        return t('login.missing');
      default:
        return err.status >= 500 ? t('login.serverError') : t('login.failed', { msg: err.message || err.code });
    }
  }
  // fetch rejects (TypeError) when the server cannot be reached at all.
  return t('login.network');
}
