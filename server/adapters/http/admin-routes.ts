// REST for account administration (users:manage): users, the jurisdiction tree, and the
// authorities a kitchen sits under. Any logged-in user may read the tree (authority names are
// not secret). A change that narrows someone's access ends their sessions, and live sockets are
// re-checked at once.
import { Router, type Request } from 'express';
import { Jurisdiction, KitchenJurisdictionsRequest, UserCreateRequest, UserUpdateRequest } from '../../../contracts/auth.ts';
import { isValidId } from '../../../contracts/topics.ts';
import { AccountError, type Accounts } from '../../app/accounts.ts';
import { MIN_PASSWORD_LENGTH } from '../../domain/access/access.ts';
import type { RegistryRepo } from '../sql/registry-repo.ts';
import { access, type AccountsPort } from './auth.ts';
import { checkedBody } from './body.ts';
import { fail } from './errors.ts';

export type AccountAdmin = Pick<Accounts,
  'users' | 'user' | 'createUser' | 'updateUser' | 'jurisdictions' | 'jurisdiction' | 'upsertJurisdiction' | 'setKitchenJurisdictions'>;

export interface AdminApiDeps {
  registry: Pick<RegistryRepo, 'getKitchen'>;
  accounts: AccountsPort;
  accountAdmin: AccountAdmin;
  /** Sessions may have ended or narrowed: live sockets re-check theirs. */
  onAccountsChanged?(): void;
}

const USERNAME_IN_PATH = /^[A-Za-z0-9._-]{1,64}$/;

/** A short password is `weak_password`, the code the administration page explains, not a generic invalid body. */
function passwordStrength(body: unknown) {
  const password = (body as { password?: unknown } | null)?.password;
  if (typeof password === 'string' && password.length < MIN_PASSWORD_LENGTH) fail('weak_password', `password: at least ${MIN_PASSWORD_LENGTH} characters`);
}

function rethrow(err: unknown): never {
  if (err instanceof AccountError) fail(err.code, err.message);
  throw err;
}

const run = <T>(change: () => T): T => {
  try {
    return change();
  } catch (err) {
    return rethrow(err);
  }
};

export function createAdminRouter(deps: AdminApiDeps): Router {
  const r = Router();
  const admin = deps.accountAdmin;
  const manager = (res: Parameters<typeof access>[1]) => {
    const who = access(deps.accounts, res);
    who.must('users:manage');
    return who.user;
  };
  /** A kitchen account must name a kitchen that is registered: a typo would lock its user out of everything. */
  const kitchenKnown = (kitchenId: string | null | undefined) => {
    if (typeof kitchenId === 'string' && !deps.registry.getKitchen(kitchenId)) fail('invalid_user', `no kitchen ${kitchenId}`);
  };
  const usernameOf = (req: Request): string => {
    const name = req.params.username;
    if (typeof name !== 'string' || !USERNAME_IN_PATH.test(name)) fail('invalid_id', 'username must match [A-Za-z0-9._-]{1,64}');
    return name as string;
  };

  r.get('/users', (_req, res) => {
    manager(res);
    res.json(admin.users());
  });
  r.post('/users', async (req, res) => {
    const by = manager(res);
    passwordStrength(req.body);
    const body = checkedBody(UserCreateRequest, req.body);
    kitchenKnown(body.kitchenId);
    const created = await admin.createUser(body, by).catch(rethrow);
    res.status(201).json(admin.user(created.username));
  });
  r.patch('/users/:username', async (req, res) => {
    const by = manager(res);
    const username = usernameOf(req);
    passwordStrength(req.body);
    const body = checkedBody(UserUpdateRequest, req.body);
    kitchenKnown(body.kitchenId);
    const updated = await admin.updateUser(username, body, by).catch(rethrow);
    deps.onAccountsChanged?.();
    res.json(updated);
  });

  r.get('/jurisdictions', (_req, res) => {
    access(deps.accounts, res); // any logged-in user
    res.json(admin.jurisdictions());
  });
  r.post('/jurisdictions', (req, res) => {
    const by = manager(res);
    const body = checkedBody(Jurisdiction, req.body);
    const existed = admin.jurisdiction(body.id) !== undefined;
    const { id, name, level, parentId, videoRetentionDays } = body;
    const saved = run(() => admin.upsertJurisdiction({ id, name: name.trim(), level, parentId, videoRetentionDays }, by));
    deps.onAccountsChanged?.(); // a moved jurisdiction moves its inspectors' scopes
    res.status(existed ? 200 : 201).json(saved);
  });
  r.put('/kitchens/:kitchenId/jurisdictions', (req, res) => {
    const by = manager(res);
    const kitchenId = req.params.kitchenId;
    if (typeof kitchenId !== 'string' || !isValidId(kitchenId)) fail('invalid_id', 'kitchenId must match [A-Za-z0-9_-]{1,64}');
    if (!deps.registry.getKitchen(kitchenId as string)) fail('kitchen_not_found', `no kitchen ${kitchenId}`);
    const body = checkedBody(KitchenJurisdictionsRequest, req.body);
    const jurisdictions = run(() => admin.setKitchenJurisdictions(kitchenId as string, body.jurisdictions, by));
    deps.onAccountsChanged?.();
    res.json({ jurisdictions });
  });
  return r;
}
