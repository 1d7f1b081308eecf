// REST for the registry (rule book sections 1, 3 and 8): a kitchen's registry entry and facts,
// new sites, inspections, staff and their certificates, calibrations, gateway provisioning, and
// the reminders due in the user's scope. Scope first (404 outside it), then the act (403).
import { Router, type Request, type Response } from 'express';
import { isValidId } from '../../../contracts/topics.ts';
import {
  CalibrationRequest, InspectionRequest, KitchenCreateRequest, ProvisionRequest, RegistryUpdate, StaffRequest,
} from '../../../contracts/registry.ts';
import type { RegistryRepo } from '../sql/registry-repo.ts';
import { RegistryError, type Registry } from '../../app/registry.ts';
import { ProvisionError, type Provisioning } from '../../app/registry-provisioning.ts';
import { access, type AccountsPort } from './auth.ts';
import { checkedBody } from './body.ts';
import { fail } from './errors.ts';

export interface RegistryApiDeps {
  registry: Pick<RegistryRepo, 'getKitchen'>;
  siteRegistry: Registry;
  provisioning: Provisioning;
  accounts: AccountsPort;
}

/** The use cases' errors carry API codes already. */
export function rethrow(err: unknown): never {
  if (err instanceof RegistryError || err instanceof ProvisionError) fail(err.code, err.message);
  throw err;
}

const idOf = (req: Request, name: string): string => {
  const value = req.params[name];
  if (typeof value !== 'string' || !isValidId(value)) fail('invalid_id', `${name} must match [A-Za-z0-9_-]{1,64}`);
  return value as string;
};

export function createRegistryRouter(deps: RegistryApiDeps): Router {
  const r = Router();
  const app = deps.siteRegistry;
  /** The path's kitchen: well-formed, in the user's scope and existing (else 404 alike), and the act allowed (else 403). */
  const kitchen = (req: Request, res: Response, action?: string) => {
    const id = idOf(req, 'kitchenId');
    const who = access(deps.accounts, res);
    who.kitchen(id);
    if (!deps.registry.getKitchen(id)) fail('kitchen_not_found', `no kitchen ${id}`);
    if (action) who.must(action, id);
    return { id, by: who.user };
  };
  const run = <T>(change: () => T): T => {
    try {
      return change();
    } catch (err) {
      return rethrow(err);
    }
  };

  r.get('/kitchens/:kitchenId/registry', (req, res) => void res.json(run(() => app.view(kitchen(req, res).id))));
  r.put('/kitchens/:kitchenId/registry', (req, res) => {
    const k = kitchen(req, res, 'registry:write');
    res.json(run(() => app.update(k.id, checkedBody(RegistryUpdate, req.body), k.by)));
  });
  r.post('/kitchens', (req, res) => {
    const who = access(deps.accounts, res);
    who.must('registry:write');
    res.status(201).json(run(() => app.createKitchen(checkedBody(KitchenCreateRequest, req.body), who.user)));
  });

  r.get('/kitchens/:kitchenId/inspections', (req, res) => void res.json(app.inspections(kitchen(req, res).id)));
  r.post('/kitchens/:kitchenId/inspections', (req, res) => {
    const k = kitchen(req, res, 'inspection:record');
    res.status(201).json(run(() => app.recordInspection(k.id, checkedBody(InspectionRequest, req.body), k.by)));
  });

  r.post('/kitchens/:kitchenId/staff', (req, res) => {
    const k = kitchen(req, res, 'staff:write');
    res.status(201).json(run(() => app.addStaff(k.id, checkedBody(StaffRequest, req.body), k.by)));
  });
  r.put('/kitchens/:kitchenId/staff/:staffId', (req, res) => {
    const k = kitchen(req, res, 'staff:write');
    const staffId = Number(req.params.staffId);
    if (!/^\d{1,15}$/.test(String(req.params.staffId)) || staffId <= 0) fail('invalid_id', 'staffId must be a positive integer');
    res.json(run(() => app.updateStaff(k.id, staffId, checkedBody(StaffRequest, req.body), k.by)));
  });

  r.get('/kitchens/:kitchenId/devices/:deviceId/calibrations', (req, res) => {
    const k = kitchen(req, res);
    res.json(run(() => app.calibrations(k.id, idOf(req, 'deviceId'))));
  });
  r.post('/kitchens/:kitchenId/devices/:deviceId/calibrations', (req, res) => {
    const k = kitchen(req, res, 'calibration:record');
    const deviceId = idOf(req, 'deviceId');
    res.status(201).json(run(() => app.recordCalibration(k.id, deviceId, checkedBody(CalibrationRequest, req.body), k.by)));
  });

  r.post('/kitchens/:kitchenId/gateways', async (req, res) => {
    const k = kitchen(req, res, 'registry:write');
    const body = checkedBody(ProvisionRequest, req.body);
    const provisioned = await deps.provisioning.provision(k.id, body.gatewayId, body.rotate ?? false, k.by).catch(rethrow);
    // The secret is shown this once: no cache may keep the answer.
    res.status(201).set('Cache-Control', 'no-store').json(provisioned);
  });

  r.get('/reminders', (_req, res) => {
    const who = access(deps.accounts, res);
    res.json(app.reminders(who.kitchenIds()));
  });
  return r;
}
