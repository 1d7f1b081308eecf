// REST under /api. Every id is checked against the contract's id pattern before
// it reaches a query; every failure is an ApiFailure with a stable code.
import { Router, type Request } from 'express';
import { isValidId } from '../../../contracts/topics.ts';
import type { RegistryRepo } from '../sql/registry-repo.ts';
import type { AlertsRepo } from '../sql/alerts-repo.ts';
import type { SeriesStore } from '../influx/series-store.ts';
import type { LiveHub } from '../../app/live.ts';
import { fail } from './errors.ts';
import { createSampleRouter, type SampleApiDeps } from './sample-routes.ts';
import { createCameraRouter, type CameraApiDeps } from './camera-routes.ts';
import { COMMAND_NAMES } from '../../../contracts/payloads.ts';
import { CommandTimeout, type CommandService } from '../../app/commands.ts';
import { querySeries } from './series-query.ts';
import { access, type AccountsPort } from './auth.ts';
import { createAlertRouter, type AlertActions } from './alert-routes.ts';
import { createAuditRouter, type AuditApiDeps } from './audit-routes.ts';
import { createRegistryRouter, type RegistryApiDeps } from './registry-routes.ts';
import { createAdminRouter, type AdminApiDeps } from './admin-routes.ts';
import { createNotificationRouter, type NotificationApiDeps } from './notification-routes.ts';

export interface ApiDeps {
  registry: RegistryRepo;
  alerts: AlertsRepo;
  series: SeriesStore;
  live: Pick<LiveHub, 'latest'>;
  alertActions: AlertActions;
  audit: AuditApiDeps['audit'] & SampleApiDeps['audit'];
  commands: Pick<CommandService, 'send'>;
  samples: SampleApiDeps['samples'];
  sampleLedger: SampleApiDeps['sampleLedger'];
  cameraMonitor: CameraApiDeps['cameraMonitor'];
  aiEvents: CameraApiDeps['aiEvents'];
  accounts: AccountsPort;
  now(): number;
  /** The registry (site facts, staff, calibrations, inspections, reminders) and gateway provisioning. */
  siteRegistry: RegistryApiDeps['siteRegistry'];
  provisioning: RegistryApiDeps['provisioning'];
  /** Account administration (users, jurisdictions); sockets re-check their sessions after a change. */
  accountAdmin: AdminApiDeps['accountAdmin'];
  onAccountsChanged?(): void;
  /** A site's notification channels and the record of deliveries (issue 5). */
  notifications: NotificationApiDeps['notifications'];
}

function commandBody(body: unknown): { name: (typeof COMMAND_NAMES)[number]; args?: Record<string, string | number | boolean> } {
  const { name, args } = (body ?? {}) as { name?: unknown; args?: unknown };
  if (typeof name !== 'string' || !(COMMAND_NAMES as readonly string[]).includes(name)) {
    fail('invalid_command', `name must be one of ${COMMAND_NAMES.join(', ')}`);
  }
  const flat = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args) || !Object.values(args).every(flat))) {
    fail('invalid_command', 'args must be an object of strings, numbers and booleans');
  }
  return { name: name as (typeof COMMAND_NAMES)[number], args: args as Record<string, string | number | boolean> | undefined };
}

const MAX_RANGE_MS = 31 * 24 * 3600 * 1000;

function idParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || !isValidId(value)) fail('invalid_id', `${name} must match [A-Za-z0-9_-]{1,64}`);
  return value as string;
}

function optionalQuery(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') fail('invalid_query', `${name} must be a single non-empty value`);
  return value as string;
}

function timeRange(req: Request): { from: Date; to: Date } {
  const to = new Date(optionalQuery(req, 'to') ?? Date.now());
  const from = new Date(optionalQuery(req, 'from') ?? to.getTime() - 24 * 3600 * 1000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    fail('invalid_time_range', 'from and to must be ISO 8601 times with from < to');
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) fail('range_too_long', 'at most 31 days per request');
  return { from, to };
}

export function createApiRouter(deps: ApiDeps): Router {
  const r = Router();
  const kitchenOr404 = (id: string) => deps.registry.getKitchen(id) ?? fail('kitchen_not_found', `no kitchen ${id}`);
  /** A kitchen in the path or query: well-formed, existing and inside the user's scope, else 404 alike. */
  const scopedKitchen = (res: Parameters<typeof access>[1], id: string) => {
    access(deps.accounts, res).kitchen(id);
    return kitchenOr404(id);
  };
  const scopedQuery = (req: Request, res: Parameters<typeof access>[1]) => {
    const kitchen = optionalQuery(req, 'kitchen');
    if (kitchen !== undefined) {
      if (!isValidId(kitchen)) fail('invalid_query', 'kitchen must be a valid id');
      scopedKitchen(res, kitchen);
    }
    return kitchen;
  };

  r.get('/kitchens', (_req, res) => {
    const who = access(deps.accounts, res);
    res.json(deps.registry.listKitchens().filter((k) => who.sees(k.id)));
  });
  r.get('/kitchens/:kitchenId', (req, res) => void res.json(scopedKitchen(res, idParam(req, 'kitchenId'))));
  r.get('/kitchens/:kitchenId/devices', (req, res) => {
    const k = scopedKitchen(res, idParam(req, 'kitchenId'));
    res.json(deps.registry.listDevices(k.id));
  });
  r.get('/devices', (_req, res) => void res.json(access(deps.accounts, res).filter(deps.registry.listDevices())));
  r.get('/latest', (req, res) => {
    const kitchen = scopedQuery(req, res);
    res.json(access(deps.accounts, res).filter(deps.live.latest(kitchen)));
  });
  r.get('/kitchens/:kitchenId/devices/:deviceId/series', async (req, res) => {
    const kitchenId = idParam(req, 'kitchenId');
    const deviceId = idParam(req, 'deviceId');
    scopedKitchen(res, kitchenId);
    if (!deps.registry.getDevice(kitchenId, deviceId)) fail('device_not_found', `no device ${deviceId} in ${kitchenId}`);
    const { from, to } = timeRange(req);
    try {
      res.json(await querySeries(deps.series, kitchenId, deviceId, from, to));
    } catch (err) {
      fail('series_unavailable', `InfluxDB query failed: ${(err as Error).message}`);
    }
  });
  r.get('/gateways', (req, res) => {
    const kitchen = scopedQuery(req, res);
    res.json(access(deps.accounts, res).filter(deps.registry.listGateways(kitchen)));
  });
  r.post('/kitchens/:kitchenId/gateways/:gatewayId/commands', async (req, res) => {
    const gw = { kitchenId: idParam(req, 'kitchenId'), gatewayId: idParam(req, 'gatewayId') };
    scopedKitchen(res, gw.kitchenId);
    access(deps.accounts, res).must('command:send', gw.kitchenId);
    if (!deps.registry.listGateways(gw.kitchenId).some((g) => g.gatewayId === gw.gatewayId)) {
      fail('gateway_not_found', `no gateway ${gw.gatewayId} in ${gw.kitchenId}`);
    }
    const { name, args } = commandBody(req.body);
    try {
      res.json(await deps.commands.send(gw, name, args));
    } catch (err) {
      if (err instanceof CommandTimeout) fail('command_timeout', err.message);
      throw err;
    }
  });
  r.use(createAlertRouter(deps));
  r.use(createAuditRouter(deps));
  r.use(createSampleRouter(deps));
  r.use(createCameraRouter(deps));
  r.use(createRegistryRouter(deps));
  r.use(createAdminRouter(deps));
  r.use(createNotificationRouter(deps));
  r.use((_req, _res) => fail('not_found', 'no such API route'));
  return r;
}
