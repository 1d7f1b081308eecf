// A light in-process API for the registry and administration routes: the real routers, use
// cases and SQLite (in memory), on port 0, without the broker or InfluxDB. The registry runs on
// the test's clock; sessions on real time, as in the server (moving days ahead must not log out).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { Alert, Kitchen } from '../../../contracts/api.ts';
import { SESSION_COOKIE } from '../../../contracts/auth.ts';
import type { DeviceInfo } from '../../../contracts/payloads.ts';
import { openDatabase } from '../sql/database.ts';
import { createRegistryRepo } from '../sql/registry-repo.ts';
import { createAlertsRepo } from '../sql/alerts-repo.ts';
import { createAuditRepo } from '../sql/audit-repo.ts';
import { createUsersRepo } from '../sql/users-repo.ts';
import { createRegistryFactsRepo } from '../sql/registry-facts-repo.ts';
import { createStaffRepo } from '../sql/staff-repo.ts';
import { createCalibrationsRepo } from '../sql/calibrations-repo.ts';
import { createAudit } from '../../app/audit.ts';
import { createAccounts } from '../../app/accounts.ts';
import { createRegistryReminders } from '../../app/registry-reminders.ts';
import { createRegistry } from '../../app/registry.ts';
import { createProvisioning } from '../../app/registry-provisioning.ts';
import type { UserInput } from '../../domain/access/access.ts';
import { requireUser } from './auth.ts';
import { errorHandler } from './errors.ts';
import { createRegistryRouter } from './registry-routes.ts';
import { createAdminRouter } from './admin-routes.ts';

export const PASSWORD = 'fixture-password-1234';
const CHEAP = { N: 1024, r: 8, p: 1 };

export interface Caller {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; text: string; headers: Headers }>;
}

export async function startRegistryApi(opts: { now: number; kitchens: Kitchen[] }) {
  let now = opts.now;
  const db = openDatabase(':memory:');
  const registry = createRegistryRepo(db);
  const alerts = createAlertsRepo(db);
  const audit = createAudit({ repo: createAuditRepo(db), now: () => now });
  const accounts = createAccounts({ users: createUsersRepo(db), now: () => Date.now(), cost: CHEAP, audit: audit.record });
  const emitted: Array<{ event: string; alert: Alert }> = [];
  const checkFailures: Array<{ kitchenId: string; err: Error }> = [];
  const reminders = createRegistryReminders({
    registry, facts: createRegistryFactsRepo(db), staff: createStaffRepo(db), calibrations: createCalibrationsRepo(db), alerts, audit,
    now: () => now, emitAlert: (event, alert) => emitted.push({ event, alert }), onCheckFailed: (kitchenId, err) => checkFailures.push({ kitchenId, err }),
  });
  const siteRegistry = createRegistry({
    registry, facts: createRegistryFactsRepo(db), staff: createStaffRepo(db), calibrations: createCalibrationsRepo(db), reminders, audit, now: () => now,
    jurisdictions: {
      ofKitchen: (k) => accounts.jurisdictionsOfKitchen(k).map((id) => ({ id, name: accounts.jurisdiction(id)?.name ?? id })),
      exists: (id) => accounts.jurisdiction(id) !== undefined,
      link: (k, j, by) => accounts.linkKitchen(k, j, by),
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'kcw-registry-'));
  const credentialsPath = join(dir, 'credentials.json');
  const provisioning = createProvisioning({ credentialsPath, cost: CHEAP, mqttPublicUrl: 'mqtts://mqtt.example.org:8883', audit });
  for (const k of opts.kitchens) registry.saveKitchen(k);

  const app = express();
  app.use('/api', express.json());
  app.use('/api', requireUser(accounts));
  const deps = { registry, accounts, siteRegistry, provisioning, accountAdmin: accounts };
  app.use('/api', createRegistryRouter(deps), createAdminRouter(deps));
  app.use(errorHandler({ error: () => undefined }));
  const http: Server = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const callerOf = (token: string): Caller => ({
    async call(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method, headers: { cookie: `${SESSION_COOKIE}=${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as never, text, headers: res.headers };
    },
  });
  return {
    db, registry, alerts, audit, accounts, reminders, emitted, checkFailures, credentialsPath,
    advance: (ms: number) => (now += ms),
    /** Creates the user and logs them in. */
    async as(u: Omit<UserInput, 'password' | 'displayName'> & { displayName?: string }): Promise<Caller> {
      await accounts.createUser({ ...u, displayName: u.displayName ?? u.username, password: PASSWORD });
      return this.login(u.username);
    },
    async login(username: string): Promise<Caller> {
      const outcome = await accounts.login(username, PASSWORD, '127.0.0.1');
      if (!outcome.ok) throw new Error(`login of ${username} failed`);
      return callerOf(outcome.token);
    },
    announce: (kitchenId: string, devices: DeviceInfo[]) => registry.saveAnnouncedDevices(kitchenId, `gw-${kitchenId}`, devices),
    async close() {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type RegistryApi = Awaited<ReturnType<typeof startRegistryApi>>;
