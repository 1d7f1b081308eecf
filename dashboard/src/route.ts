// Hash routes: `#/` the district page, `#/kitchen/<id>` one kitchen, `#/wall` the video wall.
// A route may carry a query after `?` (`#/wall?latency=1`); see pageParams in bright-kitchen.ts.
export type Route = { page: 'district' } | { page: 'kitchen'; kitchenId: string } | { page: 'wall' };

export function parseRoute(hash: string): Route {
  const path = hash.split('?', 1)[0] ?? '';
  if (/^#\/wall\/?$/.test(path)) return { page: 'wall' };
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
