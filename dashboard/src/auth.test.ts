import { afterEach, describe, expect, it } from 'vitest';
import { ROLES, type Me } from '../../contracts/auth.ts';
import { ApiRequestError } from './api.ts';
import { can, homeHref, isKitchenUser, landingHash, loginErrorText, retryAfterMinutes, returnHash, reviewerOf, roleName } from './auth.ts';
import { setLang } from './i18n.ts';
import { parseRoute } from './route.ts';

function me(over: Partial<Me> = {}): Me {
  return { username: 'wang', displayName: '王督查', role: 'inspector', kitchenId: null, jurisdictions: ['yx'], kitchens: ['k001'], can: [], ...over };
}

const NOW = Date.parse('2024-11-22T02:00:00.000Z');

afterEach(() => setLang('zh-CN'));

describe('role names', () => {
  it('names every role in Chinese by default and in English on request', () => {
    expect(ROLES.map(roleName)).toEqual(['管理员', '监管人员', '食堂负责人', '食堂员工', '审计员']);
    setLang('en');
    expect(ROLES.map(roleName)).toEqual(['Administrator', 'Inspector', 'Canteen manager', 'Canteen staff', 'Auditor']);
  });

  it('shows a role it does not know as the server named it', () => {
    expect(roleName('night_guard')).toBe('night_guard');
  });
});

describe('permissions', () => {
  it('lets the user do what Me.can lists, and nothing without a session', () => {
    const inspector = me({ can: ['ai:review', 'alert:ack'] });
    expect(can(inspector, 'ai:review')).toBe(true);
    expect(can(inspector, 'registry:write')).toBe(false);
    expect(can(null, 'ai:review')).toBe(false);
  });

  it('signs AI reviews with the display name only for those who may review', () => {
    expect(reviewerOf(me({ can: ['ai:review'] }))).toBe('王督查');
    expect(reviewerOf(me({ role: 'auditor', can: [] }))).toBeNull();
  });
});

describe('where a user lands', () => {
  const staff = me({ role: 'kitchen_staff', kitchenId: 'k 7', kitchens: ['k 7'] });
  const manager = me({ role: 'kitchen_manager', kitchenId: 'k001', kitchens: ['k001'] });

  it('sends a kitchen user to their kitchen and everyone else to the district', () => {
    expect(isKitchenUser(staff)).toBe(true);
    expect(parseRoute(homeHref(staff))).toEqual({ page: 'kitchen', kitchenId: 'k 7' });
    expect(parseRoute(homeHref(manager))).toEqual({ page: 'kitchen', kitchenId: 'k001' });
    for (const role of ['admin', 'inspector', 'auditor'] as const) expect(homeHref(me({ role }))).toBe('#/');
    // A kitchen role without a kitchen (not yet assigned) sees the district, filtered by the server.
    expect(homeHref(me({ role: 'kitchen_staff', kitchenId: null }))).toBe('#/');
  });

  it('lands a kitchen user on their kitchen from the start or the login page, but keeps a link to a page', () => {
    for (const hash of ['', '#', '#/', '#/login', '#/login?x=1']) expect(landingHash(manager, hash)).toBe('#/kitchen/k001');
    expect(landingHash(manager, '#/wall')).toBe('#/wall');
    expect(landingHash(manager, '#/kitchen/k001?play=cam-1')).toBe('#/kitchen/k001?play=cam-1');
    expect(landingHash(me(), '')).toBe('#/');
    expect(landingHash(me(), '#/login')).toBe('#/');
    expect(landingHash(me(), '#/kitchen/k002')).toBe('#/kitchen/k002');
  });

  it('does not come back to the login page after logging in', () => {
    expect(returnHash('#/login')).toBe('');
    expect(returnHash('#/login?next=1')).toBe('');
    expect(returnHash('#/wall')).toBe('#/wall');
    expect(returnHash('#/loginx')).toBe('#/loginx');
  });
});

describe('Retry-After as minutes', () => {
  it('reads delay-seconds, rounding up to whole minutes, at least one', () => {
    expect(retryAfterMinutes('900', NOW)).toBe(15);
    expect(retryAfterMinutes('61', NOW)).toBe(2);
    expect(retryAfterMinutes('60', NOW)).toBe(1);
    expect(retryAfterMinutes('5', NOW)).toBe(1);
    expect(retryAfterMinutes('0', NOW)).toBe(1);
    expect(retryAfterMinutes(' 120 ', NOW)).toBe(2);
  });

  it('reads an HTTP-date', () => {
    expect(retryAfterMinutes(new Date(NOW + 10 * 60_000).toUTCString(), NOW)).toBe(10);
    expect(retryAfterMinutes(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(1);
  });

  it('has nothing to say without a readable header', () => {
    expect(retryAfterMinutes(null, NOW)).toBeNull();
    expect(retryAfterMinutes(undefined, NOW)).toBeNull();
    expect(retryAfterMinutes('', NOW)).toBeNull();
    expect(retryAfterMinutes('soon', NOW)).toBeNull();
    expect(retryAfterMinutes('-5', NOW)).toBeNull();
  });
});

describe('a failed login in words', () => {
  const err = (status: number, code: string, retryAfter: string | null = null) => new ApiRequestError(status, code, 'x', retryAfter);

  it('says the password is wrong, or how long to wait', () => {
    expect(loginErrorText(err(401, 'bad_credentials'), NOW)).toBe('用户名或密码错误，请重新输入');
    expect(loginErrorText(err(429, 'too_many_attempts', '300'), NOW)).toBe('登录失败次数过多，请 5 分钟后再试');
    expect(loginErrorText(err(429, 'too_many_attempts', '30'), NOW)).toBe('登录失败次数过多，请 1 分钟后再试');
    expect(loginErrorText(err(429, 'too_many_attempts'), NOW)).toBe('登录失败次数过多，请稍后再试');
    expect(loginErrorText(err(400, 'invalid_body'), NOW)).toBe('请输入用户名和密码');
    expect(loginErrorText(new TypeError('Failed to fetch'), NOW)).toBe('无法连接服务器，请检查网络后重试');
    expect(loginErrorText(err(503, 'HTTP_503'), NOW)).toBe('服务器暂时无法登录，请稍后再试');
    setLang('en');
    expect(loginErrorText(err(429, 'too_many_attempts', '900'), NOW)).toBe('Too many failed attempts. Try again in 15 minutes.');
    expect(loginErrorText(err(429, 'too_many_attempts', '60'), NOW)).toBe('Too many failed attempts. Try again in 1 minute.');
    expect(loginErrorText(err(401, 'bad_credentials'), NOW)).toBe('Wrong username or password. Please try again.');
  });
});
