// Hash routes: `#/` the district page, `#/kitchen/<id>` one kitchen.
export type Route = { page: 'district' } | { page: 'kitchen'; kitchenId: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/kitchen\/([^/?#]+)\/?$/.exec(hash);
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
