// REST for the food-sample ledger: the day's board, meal times and menus, a
// sample recorded by hand, and the seal / dispose steps (rule book section 4).
import { Router, type Request, type Response } from 'express';
import { MEALS, type Meal } from '../../../contracts/samples.ts';
import { isValidId } from '../../../contracts/topics.ts';
import { DEFAULT_PROFILE_ID, profileById } from '../../../contracts/profiles.ts';
import { canDispose, canSeal, checkSampleRecord, placementEvents } from '../../domain/samples/samples.ts';
import type { RegistryRepo } from '../sql/registry-repo.ts';
import type { SamplesRepo } from '../sql/samples-repo.ts';
import type { SampleLedger } from '../../app/sample-ledger.ts';
import { fail } from './errors.ts';
import { access, type AccountsPort } from './auth.ts';
import type { AuditPort } from '../../app/audit.ts';

export interface SampleApiDeps {
  registry: RegistryRepo;
  samples: SamplesRepo;
  sampleLedger: SampleLedger;
  accounts: AccountsPort;
  /** Setting changes and seal / dispose by hand go to the audit log (rule book section 6). */
  audit: AuditPort;
  now(): number;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** YYYY-MM-DD and a real day (2026-02-30 is not). */
const DATE = {
  test(value: string): boolean {
    if (!DATE_SHAPE.test(value)) return false;
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
  },
};
/** How far ahead of the server a hand-made record's time may be (the same allowance as device clocks). */
const MAX_AHEAD_MS = 5 * 60_000;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const isMeal = (m: unknown): m is Meal => typeof m === 'string' && (MEALS as readonly string[]).includes(m);
const person = (by: unknown) => (typeof by === 'string' && by.trim() !== '' && by.length <= 40 ? by.trim() : undefined);

/** The path's kitchen: well-formed, existing, in the user's scope, and (for a change) the user's role allows `action`. */
function kitchenParam(req: Request, res: Response, deps: SampleApiDeps, action?: string): string {
  const id = req.params.kitchenId;
  if (typeof id !== 'string' || !isValidId(id)) fail('invalid_id', 'kitchenId must match [A-Za-z0-9_-]{1,64}');
  const who = access(deps.accounts, res);
  who.kitchen(id as string);
  if (!deps.registry.getKitchen(id as string)) fail('kitchen_not_found', `no kitchen ${id}`);
  if (action) who.must(action, id as string);
  return id as string;
}

export function createSampleRouter(deps: SampleApiDeps): Router {
  const r = Router();
  /** A sample the user may see (else 404 as if there were none), and may act on with `action`. */
  const sampleOr404 = (req: Request, res: Response, action: string) => {
    const id = Number(req.params.sampleId);
    if (!Number.isSafeInteger(id) || id <= 0) fail('invalid_id', 'sampleId must be a positive integer');
    const sample = deps.samples.get(id);
    const who = access(deps.accounts, res);
    if (!sample || !who.sees(sample.kitchenId)) fail('sample_not_found', 'no such sample');
    who.must(action, sample!.kitchenId);
    return { sample: sample!, by: who.user.displayName };
  };
  /** Runs a change and records it in the audit log, in one transaction. */
  const audited = <T>(res: Response, what: { action: string; subject: string; kitchenId: string; data: Record<string, unknown> }, change: () => T): T =>
    deps.audit.atomically(() => {
      const result = change();
      const { displayName, role } = access(deps.accounts, res).user;
      deps.audit.record({ actor: displayName, role, ...what });
      return result;
    });

  r.get('/kitchens/:kitchenId/samples', (req, res) => {
    const kitchenId = kitchenParam(req, res, deps);
    const date = req.query.date;
    if (date !== undefined && (typeof date !== 'string' || !DATE.test(date))) fail('invalid_query', 'date must be YYYY-MM-DD');
    res.json(deps.sampleLedger.dayBoard(kitchenId, date as string | undefined));
  });
  r.put('/kitchens/:kitchenId/meal-times', (req, res) => {
    const kitchenId = kitchenParam(req, res, deps, 'kitchen:meal-times');
    const times = req.body as Array<{ meal?: unknown; starts?: unknown; ends?: unknown }>;
    const valid = (t: unknown) => typeof t === 'object' && t !== null && isMeal((t as { meal?: unknown }).meal)
      && HHMM.test(String((t as { starts?: unknown }).starts)) && HHMM.test(String((t as { ends?: unknown }).ends))
      && String((t as { starts: unknown }).starts) < String((t as { ends: unknown }).ends);
    if (!Array.isArray(times) || times.length > 3 || !times.every(valid)) {
      fail('invalid_body', 'expected [{"meal":"lunch","starts":"11:30","ends":"13:00"}, …] with starts before ends');
    }
    // Only the checked fields, so the audit log records what was set, not whatever else the body carried.
    const mealTimes = (times as Array<{ meal: Meal; starts: string; ends: string }>).map(({ meal, starts, ends }) => ({ meal, starts, ends }));
    audited(res, { action: 'kitchen.meal-times', subject: `kitchen:${kitchenId}`, kitchenId, data: { mealTimes } },
      () => deps.samples.setMealTimes(kitchenId, mealTimes));
    res.json(deps.samples.mealTimes(kitchenId));
  });
  r.put('/kitchens/:kitchenId/menus/:date/:meal', (req, res) => {
    const kitchenId = kitchenParam(req, res, deps, 'kitchen:meal-times');
    const { date, meal } = req.params;
    if (!DATE.test(String(date)) || !isMeal(meal)) fail('invalid_id', 'path must be …/menus/YYYY-MM-DD/breakfast|lunch|dinner');
    const dishes = (req.body as { dishes?: unknown })?.dishes;
    if (!Array.isArray(dishes) || dishes.length > 40 || !dishes.every((d) => typeof d === 'string' && d.trim() !== '' && d.length <= 40)) {
      fail('invalid_body', 'expected {"dishes": ["红烧肉", …]} (at most 40 names of at most 40 characters)');
    }
    const menu = { date: String(date), meal: meal as Meal, dishes: (dishes as string[]).map((d) => d.trim()) };
    audited(res, { action: 'kitchen.menu', subject: `kitchen:${kitchenId}`, kitchenId, data: menu },
      () => deps.samples.setMenu(kitchenId, { date: menu.date, meal: menu.meal }, menu.dishes));
    res.json({ date, meal, dishes });
  });
  // [FS-SAMPLE-RECORD] a sample recorded by hand (no scale event, or one rejected for lacking a scan).
  r.post('/kitchens/:kitchenId/samples', (req, res) => {
    const kitchenId = kitchenParam(req, res, deps, 'sample:record');
    const b = (req.body ?? {}) as Record<string, unknown>;
    const service = isMeal(b.meal) && typeof b.date === 'string' && DATE.test(b.date) ? { date: b.date, meal: b.meal } : undefined;
    const placedAt = typeof b.placedAt === 'string' ? Date.parse(b.placedAt) : undefined;
    const input = { dish: typeof b.dish === 'string' ? b.dish : undefined, service, placedAt: Number.isNaN(placedAt) ? undefined : placedAt,
      placedBy: person(b.placedBy), netWeightG: typeof b.netWeightG === 'number' ? b.netWeightG : undefined };
    const check = checkSampleRecord(input);
    if (!check.ok) fail('sample_record_incomplete', check.message);
    if (typeof b.cabinet !== 'string' || !isValidId(b.cabinet) || !Number.isInteger(b.slot) || (b.slot as number) < 1 || (b.slot as number) > 64) {
      fail('invalid_body', 'cabinet (id) and slot (1–64) are required');
    }
    // The same limits as a scale's event (contracts/samples.ts).
    if (input.dish!.trim().length > 40 || input.netWeightG! > 5000) fail('invalid_body', 'dish at most 40 characters, netWeightG at most 5000');
    if (b.scaleSerial !== undefined && (typeof b.scaleSerial !== 'string' || b.scaleSerial.length > 40)) fail('invalid_body', 'scaleSerial: at most 40 characters');
    if (input.placedAt! > deps.now() + MAX_AHEAD_MS) fail('invalid_body', 'placedAt is in the future');
    // placedBy is who put the sample in the cabinet (it may be someone else); the audit entry names
    // the logged-in person who entered the record.
    const entered = { dish: input.dish!.trim(), placedBy: input.placedBy!, netWeightG: input.netWeightG!, cabinet: b.cabinet as string, slot: b.slot as number };
    const record = audited(res, { action: 'sample.recorded-by-hand', subject: `kitchen:${kitchenId}`, kitchenId, data: entered }, () => {
      const placed = deps.samples.place({
        kitchenId, service: service!, ...entered, placedAt: input.placedAt!,
        scaleSerial: typeof b.scaleSerial === 'string' ? b.scaleSerial : 'manual', photoRef: typeof b.photoRef === 'string' ? b.photoRef : null,
      });
      // Nothing recorded, nothing audited: failing inside rolls the transaction back.
      if (!placed) fail('invalid_transition', 'this sample was recorded already');
      return placed;
    });
    const profile = profileById(deps.registry.getKitchen(kitchenId)?.profile ?? DEFAULT_PROFILE_ID);
    deps.sampleLedger.raiseEvents(kitchenId, placementEvents(record!, profile));
    res.status(201).json(deps.sampleLedger.publish(record));
  });
  // [FS-SAMPLE-SEAL] sealed after a suspected food-borne illness: handed to the regulator, never disposed.
  r.post('/samples/:sampleId/seal', (req, res) => {
    // Who sealed is the logged-in person (a regulator), not a name typed in.
    const { sample, by } = sampleOr404(req, res, 'sample:seal');
    const verdict = canSeal(sample);
    if (!verdict.ok) fail('invalid_transition', `cannot seal a sample that is ${verdict.reason.replace('_', ' ')}`);
    const sealed = audited(res, { action: 'sample.sealed', subject: `sample:${sample.id}`, kitchenId: sample.kitchenId, data: { dish: sample.dish } },
      () => deps.samples.seal(sample.id, deps.now(), by));
    res.json(deps.sampleLedger.publish(sealed));
  });
  r.post('/samples/:sampleId/dispose', (req, res) => {
    const { sample, by } = sampleOr404(req, res, 'sample:dispose');
    const profile = profileById(deps.registry.getKitchen(sample.kitchenId)?.profile ?? DEFAULT_PROFILE_ID);
    const verdict = canDispose(sample, deps.now(), profile);
    if (!verdict.ok) {
      if (verdict.reason === 'sealed') fail('sample_sealed', 'a sealed sample must not be disposed (FS-SAMPLE-SEAL)');
      if (verdict.reason === 'too_early') fail('sample_retention_running', 'the sample must be kept for its full retention period');
      fail('invalid_transition', `cannot dispose: ${verdict.reason.replace('_', ' ')}`);
    }
    const disposed = audited(res, { action: 'sample.disposed', subject: `sample:${sample.id}`, kitchenId: sample.kitchenId, data: { dish: sample.dish } },
      () => deps.samples.dispose(sample.id, deps.now(), by));
    res.json(deps.sampleLedger.publish(disposed));
  });
  return r;
}
