// Hash routes: `#/` the district page, `#/kitchen/<id>` one kitchen, `#/wall` the video wall,
// `#/login` the login page (shown whenever there is no session), `#/admin…` the administration pages.
// A route may carry a query after `?` (`#/wall?latency=1`); see pageParams in bright-kitchen.ts.
export type Route =
  | { page: 'district' }
  | { page: 'kitchen'; kitchenId: string }
  | { page: 'wall' }
  | { page: 'login' }
  | { page: 'admin'; section: AdminSection };

/** `#/admin` (an overview), `#/admin/sites`, `#/admin/devices` (`?kitchen=<id>`), `#/admin/users`. */
export const ADMIN_SECTIONS = ['home', 'sites', 'devices', 'users'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export function parseRoute(hash: string): Route {
  const path = hash.split('?', 1)[0] ?? '';
  if (/^#\/wall\/?$/.test(path)) return { page: 'wall' };
  if (/^#\/login\/?$/.test(path)) return { page: 'login' };
  const admin = /^#\/admin(?:\/(sites|devices|users))?\/?$/.exec(path);
  if (admin) return { page: 'admin', section: (admin[1] as AdminSection | undefined) ?? 'home' };
  const m = /^#\/kitchen\/([^/?#]+)\/?$/.exec(path);
  if (m?.[1]) {
    try {
      return { page: 'kitchen', kitchenId: decodeURIComponent(m[1]) };
    } catch {
      // a malformed escape: fall through to the district page
    }
  }
  return { page: 'district' };
}

export function kitchenHref(kitchenId: string): string {
  return `#/kitchen/${encodeURIComponent(kitchenId)}`;
}

export const DISTRICT_HREF = '#/';
export const WALL_HREF = '#/wall';
export const LOGIN_HREF = '#/login';

export function adminHref(section: AdminSection = 'home', query?: Record<string, string>): string {
  const path = section === 'home' ? '#/admin' : `#/admin/${section}`;
  const q = new URLSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
}
