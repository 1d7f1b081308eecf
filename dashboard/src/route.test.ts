import { describe, expect, it } from 'vitest';
import { adminHref, kitchenHref, LOGIN_HREF, parseRoute } from './route.ts';

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

  it('parses the administration pages, a kitchen picked on the devices page kept in the query', () => {
    expect(parseRoute('#/admin')).toEqual({ page: 'admin', section: 'home' });
    expect(parseRoute('#/admin/')).toEqual({ page: 'admin', section: 'home' });
    expect(parseRoute('#/admin/sites')).toEqual({ page: 'admin', section: 'sites' });
    expect(parseRoute('#/admin/users/')).toEqual({ page: 'admin', section: 'users' });
    expect(parseRoute(adminHref('devices', { kitchen: 'k 1' }))).toEqual({ page: 'admin', section: 'devices' });
    expect(adminHref('devices', { kitchen: 'k 1' })).toBe('#/admin/devices?kitchen=k+1');
    expect(adminHref()).toBe('#/admin');
    expect(parseRoute('#/admin/nothing')).toEqual({ page: 'district' });
    expect(parseRoute('#/administrator')).toEqual({ page: 'district' });
  });
});
