import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiRequestError, onSessionLost } from './api.ts';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status, headers })));
}

afterEach(() => {
  vi.unstubAllGlobals();
  onSessionLost(null);
});

describe('REST client and the session', () => {
  it('reports a lost session on any 401 unauthenticated', async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    answer(401, { error: { code: 'unauthenticated', message: 'log in first' } });
    await expect(api.kitchen('k001')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('does not take a wrong password for a lost session', async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    answer(401, { error: { code: 'bad_credentials', message: 'wrong username or password' } });
    await expect(api.login({ username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'bad_credentials' });
    expect(lost).not.toHaveBeenCalled();
  });

  it('keeps Retry-After of a refused login', async () => {
    answer(429, { error: { code: 'too_many_attempts', message: 'later' } }, { 'retry-after': '600' });
    const err = await api.login({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err).toMatchObject({ status: 429, code: 'too_many_attempts', retryAfter: '600' });
  });

  it('logs in and out, and sends a review without a name', async () => {
    const me = { username: 'wang', displayName: '王督查', role: 'inspector', kitchenId: null, jurisdictions: [], kitchens: [], can: [] };
    answer(200, me);
    await expect(api.login({ username: 'wang', password: 'pw' })).resolves.toEqual(me);
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.logout()).resolves.toBeNull();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('api/auth/logout');
    answer(200, {});
    await api.reviewAiEvent(7, { decision: 'confirm', note: '现场已制止' });
    const call = (vi.mocked(fetch).mock.calls[0] ?? []) as unknown as [string, RequestInit];
    expect(call[0]).toBe('api/ai-events/7/review');
    expect(JSON.parse(String(call[1].body))).toEqual({ decision: 'confirm', note: '现场已制止' });
  });

  it('acknowledges without a body, and sends the corrective action, a verification and a comment as JSON', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.ackAlert(5);
    await api.resolveAlert(5, { cause: 'door', correctiveAction: '关门', disposition: { kind: 'discarded', quantity: '3 kg' } });
    await api.closeAlert(5, { note: '已核查' });
    await api.commentAlert(5, { text: '备注' });
    await api.alertHistory(5);
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit | undefined][];
    expect(calls.map((c) => [c[0], c[1]?.method ?? 'GET'])).toEqual([
      ['api/alerts/5/acknowledge', 'POST'],
      ['api/alerts/5/resolve', 'POST'],
      ['api/alerts/5/close', 'POST'],
      ['api/alerts/5/comments', 'POST'],
      ['api/alerts/5/history', 'GET'],
    ]);
    expect(calls[0]?.[1]?.body).toBeUndefined();
    expect(calls[0]?.[1]?.headers).not.toHaveProperty('content-type');
    expect(JSON.parse(String(calls[1]?.[1]?.body))).toEqual({ cause: 'door', correctiveAction: '关门', disposition: { kind: 'discarded', quantity: '3 kg' } });
    expect(JSON.parse(String(calls[2]?.[1]?.body))).toEqual({ note: '已核查' });
    expect(JSON.parse(String(calls[3]?.[1]?.body))).toEqual({ text: '备注' });
  });
});
