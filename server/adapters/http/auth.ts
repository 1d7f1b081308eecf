// Who is asking: the session cookie turned into a user, login / logout / me, and the
// scope checks every route uses. A kitchen outside a user's scope answers exactly as a
// kitchen that does not exist (404), so scope never leaks which kitchens there are.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE, type Me } from '../../../contracts/auth.ts';
import { fail } from './errors.ts';

import type { AuthUser } from '../../domain/access/types.ts';

export type { AuthUser };

export interface AccountsPort {
  scopeOf(user: AuthUser): 'all' | ReadonlySet<string>;
  login(username: string, password: string, ip: string):
    Promise<{ ok: true; token: string; expiresAt: number; endsAt: number } | { ok: false; code: 'bad_credentials' | 'too_many_attempts'; retryAfterS?: number }>;
  logout(token: string): void;
  userOfToken(token: string): AuthUser | undefined;
  canSee(user: AuthUser, kitchenId: string): boolean;
  can(user: AuthUser, action: string, kitchenId?: string): boolean;
  me(user: AuthUser): Me;
}

/** No Origin (not a browser), or the page's origin is this server. Browsers send Origin on
 *  every cross-origin request and every WebSocket; SameSite=Lax does not stop another origin
 *  of the same site (another port of the same host), so writes and sockets check it. */
export function sameOrigin(req: { headers: { origin?: string; host?: string } }): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Refuses a state-changing request from another origin (cross-site request forgery). */
export const sameOriginWrites: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || sameOrigin(req)) return next();
  fail('forbidden', 'a request from another origin may not change anything');
};

/** The session token of a request (HTTP or WebSocket upgrade), if any. */
export function sessionToken(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
}

/** The user of a request; routes behind `requireUser` always have one. */
export function userOf(res: Response): AuthUser {
  return res.locals.user as AuthUser;
}

/** Every /api route but login needs a session: 401 `unauthenticated` otherwise. */
export function requireUser(accounts: AccountsPort): RequestHandler {
  return (req, res, next) => {
    const token = sessionToken(req.headers.cookie);
    const user = token ? accounts.userOfToken(token) : undefined;
    if (!user) return fail('unauthenticated', 'log in first (POST /api/auth/login)');
    res.locals.user = user;
    next();
  };
}

/** The checks a route makes, bound to its request's user. */
export function access(accounts: AccountsPort, res: Response) {
  const user = userOf(res);
  return {
    user,
    sees: (kitchenId: string) => accounts.canSee(user, kitchenId),
    /** 404 like a missing kitchen when the kitchen is outside the user's scope. */
    kitchen(kitchenId: string) {
      if (!accounts.canSee(user, kitchenId)) fail('kitchen_not_found', `no kitchen ${kitchenId}`);
    },
    /** 403 when the user may see the kitchen but not do this there. */
    must(action: string, kitchenId?: string) {
      if (!accounts.can(user, action, kitchenId)) fail('forbidden', `${user.username} may not ${action}${kitchenId ? ` in ${kitchenId}` : ''}`);
    },
    /** The user's kitchens for a query, applied before its limit; undefined: every kitchen. */
    kitchenIds(): string[] | undefined {
      const scope = accounts.scopeOf(user);
      return scope === 'all' ? undefined : [...scope];
    },
    /** Only what the user may see. */
    filter<T extends { kitchenId: string }>(items: T[]): T[] {
      return items.filter((i) => accounts.canSee(user, i.kitchenId));
    },
  };
}

export type Access = ReturnType<typeof access>;

function cookieOptions(req: Request, maxAgeMs: number) {
  // Secure only behind HTTPS: the demo on http://localhost must still be able to log in.
  return { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/', maxAge: maxAgeMs };
}

export function createAuthRouter(accounts: AccountsPort, now: () => number, onLogout?: (token: string) => void): Router {
  const r = Router();
  r.post('/auth/login', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password || username.length > 64 || password.length > 256) {
      fail('invalid_body', 'username and password are required');
    }
    const outcome = await accounts.login(username as string, password as string, req.ip ?? 'unknown');
    if (!outcome.ok) {
      if (outcome.retryAfterS) res.set('Retry-After', String(outcome.retryAfterS));
      fail(outcome.code, outcome.code === 'too_many_attempts' ? 'too many failed logins; try again later' : 'wrong username or password');
    }
    // The cookie lives as long as the session could (its absolute end); the server ends it sooner when idle.
    const { token, endsAt } = outcome as { token: string; endsAt: number };
    res.cookie(SESSION_COOKIE, token, cookieOptions(req, endsAt - now()));
    res.json(accounts.me(accounts.userOfToken(token)!));
  });
  r.post('/auth/logout', (req, res) => {
    const token = sessionToken(req.headers.cookie);
    if (token) {
      accounts.logout(token);
      onLogout?.(token); // its live sockets end now, not at the next revalidation
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  return r;
}

/** GET /api/auth/me, behind requireUser. */
export function meRoute(accounts: AccountsPort): RequestHandler {
  return (_req, res) => void res.json(accounts.me(userOf(res)));
}
