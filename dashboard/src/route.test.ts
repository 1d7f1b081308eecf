import { describe, expect, it } from 'vitest';
import { kitchenHref, LOGIN_HREF, parseRoute } from './route.ts';

describe('routes', () => {
  it('parses the district, a kitchen and the wall, with or without a query', () => {
    expect(parseRoute('')).toEqual({ page: 'district' });
    expect(parseRoute('#/')).toEqual({ page: 'district' });
    expect(parseRoute('#/wall')).toEqual({ page: 'wall' });
    expect(parseRoute('#/wall?latency=1')).toEqual({ page: 'wall' });
    expect(parseRoute(kitchenHref('k 1'))).toEqual({ page: 'kitchen', kitchenId: 'k 1' });
    expect(parseRoute('#/kitchen/k001?latency=1&play=cam-1')).toEqual({ page: 'kitchen', kitchenId: 'k001' });
    expect(parseRoute('#/kitchen/%E0%A4%A')).toEqual({ page: 'district' });
  });

  it('parses the login page', () => {
    expect(parseRoute(LOGIN_HREF)).toEqual({ page: 'login' });
    expect(parseRoute('#/login/')).toEqual({ page: 'login' });
    expect(parseRoute('#/login?next=%23%2Fwall')).toEqual({ page: 'login' });
    expect(parseRoute('#/loginx')).toEqual({ page: 'district' });
  });
});
