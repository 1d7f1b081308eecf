// Hash routes: `#/` the district page, `#/kitchen/<id>` one kitchen, `#/wall` the video wall,
// `#/login` the login page (shown whenever there is no session).
// A route may carry a query after `?` (`#/wall?latency=1`); see pageParams in bright-kitchen.ts.
export type Route = { page: 'district' } | { page: 'kitchen'; kitchenId: string } | { page: 'wall' } | { page: 'login' };

export function parseRoute(hash: string): Route {
  const path = hash.split('?', 1)[0] ?? '';
  if (/^#\/wall\/?$/.test(path)) return { page: 'wall' };
  if (/^#\/login\/?$/.test(path)) return { page: 'login' };
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
