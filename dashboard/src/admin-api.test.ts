import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminApi } from './admin-api.ts';
import { adminErrorText } from './admin-errors.ts';
import { ApiRequestError, onSessionLost } from './api.ts';
import { setLang } from './i18n.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  onSessionLost(null);
  setLang('zh-CN');
});

describe('the administration REST calls', () => {
  it('use the contract routes and methods, with JSON bodies', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await adminApi.createKitchen({ id: 'k1', name: 'x', district: '', address: '', siteType: '助餐点' });
    await adminApi.updateRegistry('k 1', { riskGrade: 'A' });
    await adminApi.setKitchenJurisdictions('k1', ['j1']);
    await adminApi.provisionGateway('k1', { gatewayId: 'gw-1', rotate: true });
    await adminApi.gateways('k1');
    await adminApi.updateUser('liu.s', { disabled: true });
    await adminApi.createJurisdiction({ id: 'j', name: 'j', level: 'city', parentId: null, videoRetentionDays: null });
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map((c) => [c[1].method, c[0]])).toEqual([
      ['POST', 'api/kitchens'],
      ['PUT', 'api/kitchens/k%201/registry'],
      ['PUT', 'api/kitchens/k1/jurisdictions'],
      ['POST', 'api/kitchens/k1/gateways'],
      ['GET', 'api/gateways?kitchen=k1'],
      ['PATCH', 'api/users/liu.s'],
      ['POST', 'api/jurisdictions'],
    ]);
    expect(JSON.parse(String(calls[2]?.[1].body))).toEqual({ jurisdictions: ['j1'] });
    expect(JSON.parse(String(calls[3]?.[1].body))).toEqual({ gatewayId: 'gw-1', rotate: true });
    expect(calls[4]?.[1].body).toBeUndefined();
  });

  it('end the session on a 401 like every other call', async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'x' } }), { status: 401 })));
    await expect(adminApi.users()).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(lost).toHaveBeenCalledTimes(1);
  });
});

describe('a failed administration request in words', () => {
  it('is said by its code in the user\'s language, not in the server\'s English', () => {
    const taken = new ApiRequestError(409, 'gateway_exists', 'gateway gw-1 exists');
    expect(adminErrorText(taken)).toContain('轮换密钥');
    setLang('en');
    expect(adminErrorText(taken)).toContain('rotate its secret');
    expect(adminErrorText(new ApiRequestError(400, 'weak_password', 'x'))).toBe('The password is too short: at least 10 characters');
    expect(adminErrorText(new ApiRequestError(400, 'invalid_body', '/name: too long'))).toContain('/name: too long');
    expect(adminErrorText(new ApiRequestError(502, 'HTTP_502', ''))).toBe('The server cannot do this right now: try again later');
    expect(adminErrorText(new TypeError('fetch failed'))).toBe('Cannot reach the server: check the network and try again');
  });
});
