// The food-sample ledger's use cases: sample events from cabinets' scales, the
// missing-sample check of each service, cabinets going out of range, and the
// day's board. Rules come from server/domain/samples; alerts share the
// cold chain's alert store (the subject goes in the alert's device column).
import type { Alert, SampleDay, SampleDto } from '../../contracts/api.ts';
import type { GatewayAddress } from '../../contracts/topics.ts';
import type { SampleEvent } from '../../contracts/samples.ts';
import { DEFAULT_PROFILE_ID, profileById, type Profile } from '../../contracts/profiles.ts';
import {
  checkSampleRecord, excursionEvents, ledgerForDay, placementEvents, removalEvents, sampleStatus, serviceCheckEvents,
  type CabinetExcursion, type MealService, type SampleAlertEvent, type SampleRecord,
} from '../domain/samples/samples.ts';
import type { AlertsRepo } from '../adapters/sql/alerts-repo.ts';
import type { RegistryRepo } from '../adapters/sql/registry-repo.ts';
import type { SamplesRepo } from '../adapters/sql/samples-repo.ts';
import { localDate, localTimeToUtc } from './site-time.ts';

const COLD_EXCURSION_RULES = new Set(['FS-COLD-ALARM', 'FS-COLD-CRIT', 'FS-COLD-LOW']);

export interface SampleLedgerDeps {
  samples: SamplesRepo;
  registry: RegistryRepo;
  alerts: AlertsRepo;
  now(): number;
  emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert): void;
  emitSample(sample: SampleDto): void;
  onRaised?(ruleId: string): void;
  onCheckFailed?(kitchenId: string, err: Error): void;
}

export type SampleEventOutcome = { stored: true } | { stored: false; reason: string };

/** The alert's subject, in the alert's device column: a sample, or a dish of a service. */
export function subjectOf(e: SampleAlertEvent): string {
  return 'sampleId' in e.subject ? `sample-${e.subject.sampleId}` : `menu:${e.subject.service.date}:${e.subject.service.meal}:${e.subject.dish}`;
}

export function createSampleLedger(deps: SampleLedgerDeps) {
  const profileOf = (kitchenId: string): Profile => profileById(deps.registry.getKitchen(kitchenId)?.profile ?? DEFAULT_PROFILE_ID);
  const zoneOf = (kitchenId: string) => deps.registry.getKitchen(kitchenId)?.timezone ?? 'Asia/Shanghai';

  function raise(kitchenId: string, profile: Profile, events: SampleAlertEvent[]) {
    for (const e of events) {
      const deviceId = subjectOf(e);
      // A sample alert's subject is one sample, or one dish of one service: raised once, ever, so a
      // closed FS-SAMPLE-MISSING is not raised again by the next minute's check.
      if (deps.alerts.exists(kitchenId, deviceId, e.ruleId)) continue;
      const { alert, created } = deps.alerts.raise({
        kitchenId, deviceId, ruleId: e.ruleId, severity: e.severity, profile: profile.id,
        message: e.message, firstOutAt: e.at, raisedAt: e.at, value: null, storedAt: deps.now(),
      });
      if (created) deps.onRaised?.(e.ruleId);
      deps.emitAlert('alert:raised', alert);
    }
  }

  function excursionsOf(kitchenId: string): CabinetExcursion[] {
    // Every cold excursion of the kitchen (few: a handful a month), so an older day's board is right too.
    return deps.alerts.byRules(kitchenId, [...COLD_EXCURSION_RULES], 0)
      .map((a) => {
        // Back in range, or else closed by a person: a closed alert must not stay an endless excursion.
        const end = a.clearedAt ?? a.closedAt ?? a.resolvedAt;
        return { cabinet: a.deviceId, from: Date.parse(a.firstOutAt), to: end ? Date.parse(end) : null };
      });
  }

  function toDto(r: SampleRecord, profile: Profile, excursions: CabinetExcursion[]): SampleDto {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const retentionEnd = r.placedAt + (profile.samples?.retentionH ?? 48) * 3_600_000;
    return {
      id: r.id, kitchenId: r.kitchenId, date: r.service.date, meal: r.service.meal, dish: r.dish, netWeightG: r.netWeightG,
      scaleSerial: r.scaleSerial, cabinet: r.cabinet, slot: r.slot, placedAt: iso(r.placedAt)!, placedBy: r.placedBy,
      photoRef: r.photoRef, removedAt: iso(r.removedAt), removedBy: r.removedBy, sealedAt: iso(r.sealedAt), sealedBy: r.sealedBy,
      disposedAt: iso(r.disposedAt), disposedBy: r.disposedBy,
      retentionEndsAt: iso(retentionEnd)!,
      cabinetSeries: `/api/kitchens/${r.kitchenId}/devices/${r.cabinet}/series?from=${iso(r.placedAt)}&to=${iso(Math.min(r.removedAt ?? retentionEnd, retentionEnd))}`,
      status: sampleStatus(r, { excursions, profile, now: deps.now(), missing: false }),
    };
  }

  const publish = (r: SampleRecord | undefined) => {
    if (r) deps.emitSample(toDto(r, profileOf(r.kitchenId), excursionsOf(r.kitchenId)));
  };

  function placed(gw: GatewayAddress, e: SampleEvent, profile: Profile): SampleEventOutcome {
    // [FS-SAMPLE-RECORD] no dish, service, person or weight: not a record; the kitchen must record it by hand.
    const check = checkSampleRecord({ dish: e.label?.dish, service: e.label?.service, placedAt: e.ts, placedBy: e.badge, netWeightG: e.netWeightG });
    if (!check.ok) return { stored: false, reason: check.message };
    const record = deps.samples.place({
      kitchenId: gw.kitchenId, service: e.label!.service, dish: e.label!.dish.trim(), netWeightG: e.netWeightG,
      scaleSerial: e.scaleSerial, cabinet: e.cabinet, slot: e.slot, placedAt: e.ts, placedBy: e.badge!,
      // seq alone restarts with a new outbox file; with the time and slot a new act never collides.
      source: `${gw.kitchenId}/${gw.gatewayId}/${e.device}/${e.seq}/${e.ts}/${e.slot}`,
    });
    if (record) {
      raise(gw.kitchenId, profile, placementEvents(record, profile));
      // [FS-SAMPLE-TEMP] put into a cabinet that is out of range right now
      for (const x of excursionsOf(gw.kitchenId)) {
        if (x.cabinet === record.cabinet && x.to === null) raise(gw.kitchenId, profile, excursionEvents(x, [record], profile, e.ts));
      }
      publish(record);
    }
    return { stored: true }; // a re-sent event was recorded before
  }

  function removed(gw: GatewayAddress, e: SampleEvent, profile: Profile): SampleEventOutcome {
    const record = deps.samples.onSlot(gw.kitchenId, e.cabinet, e.slot);
    // Nothing on record there, or only a sample placed after this removal (a re-sent removal): a no-op.
    if (!record || record.placedAt > e.ts) return { stored: true };
    raise(gw.kitchenId, profile, removalEvents(record, e.ts, profile));
    const removed = deps.samples.remove(record.id, e.ts, e.badge ?? null);
    // Taken out after its full retention and not sealed: that is its disposal. A sealed sample
    // leaving the cabinet is handed to the regulator and stays sealed (FS-SAMPLE-SEAL).
    const retentionEnd = record.placedAt + (profile.samples?.retentionH ?? 48) * 3_600_000;
    const disposed = record.sealedAt === null && e.ts >= retentionEnd && e.badge ? deps.samples.dispose(record.id, e.ts, e.badge) : undefined;
    publish(disposed ?? removed);
    return { stored: true };
  }

  function servicesOf(kitchenId: string, date: string): MealService[] {
    const zone = zoneOf(kitchenId);
    const times = new Map(deps.samples.mealTimes(kitchenId).map((t) => [t.meal, t]));
    return deps.samples.menusForDay(kitchenId, date).flatMap(({ meal, dishes }) => {
      const time = times.get(meal);
      return time ? [{ kitchenId, service: { date, meal }, startsAt: localTimeToUtc(date, time.starts, zone), dishes }] : [];
    });
  }

  return {
    onEvent(gw: GatewayAddress, e: SampleEvent): SampleEventOutcome {
      if (!deps.registry.getKitchen(gw.kitchenId)) return { stored: false, reason: `kitchen ${gw.kitchenId} is not registered` };
      const profile = profileOf(gw.kitchenId); // saved kitchens have a known profile (registry checks it)
      return e.type === 'placed' ? placed(gw, e, profile) : removed(gw, e, profile);
    },
    /** [FS-SAMPLE-MISSING] for every kitchen's services of its local today, on the server's clock. */
    checkServices() {
      const now = deps.now();
      for (const kitchen of deps.registry.listKitchens()) {
        try {
          const profile = profileOf(kitchen.id);
          // Yesterday too: a late dinner's deadline can pass midnight (each alert is raised once, ever).
          for (const date of new Set([localDate(now - 24 * 3_600_000, kitchen.timezone), localDate(now, kitchen.timezone)])) {
            const samples = deps.samples.forDay(kitchen.id, date);
            for (const service of servicesOf(kitchen.id, date)) raise(kitchen.id, profile, serviceCheckEvents(service, samples, profile, now));
          }
        } catch (err) {
          deps.onCheckFailed?.(kitchen.id, err as Error); // one kitchen's bad data must not stop the others' checks
        }
      }
    },
    /** [FS-SAMPLE-TEMP] a cold-chain alarm on a cabinet compromises the samples it holds. */
    onColdAlert(alert: Alert) {
      if (!COLD_EXCURSION_RULES.has(alert.ruleId)) return;
      const excursion = { cabinet: alert.deviceId, from: Date.parse(alert.firstOutAt), to: null };
      const held = deps.samples.heldIn(alert.kitchenId, alert.deviceId, excursion.from);
      if (held.length === 0) return;
      const profile = profileOf(alert.kitchenId);
      // Judged when the alarm was raised, on device time: a replayed history must not count the hours since.
      raise(alert.kitchenId, profile, excursionEvents(excursion, held, profile, Date.parse(alert.raisedAt)));
      held.forEach(publish);
    },
    dayBoard(kitchenId: string, date?: string): SampleDay {
      const now = deps.now();
      const day = date ?? localDate(now, zoneOf(kitchenId));
      const profile = profileOf(kitchenId);
      const excursions = excursionsOf(kitchenId);
      const ledger = ledgerForDay(servicesOf(kitchenId, day), deps.samples.forDay(kitchenId, day), { excursions, profile, now });
      const dto = (r: SampleRecord) => toDto(r, profile, excursions);
      return {
        kitchenId, date: day,
        services: ledger.map((s) => ({
          meal: s.service.meal, startsAt: new Date(s.startsAt).toISOString(),
          dishes: s.dishes.map((d) => ({ dish: d.dish, status: d.status, sample: d.sample && dto(d.sample) })),
          extra: s.extra.map(dto),
        })),
      };
    },
    toDto: (r: SampleRecord) => toDto(r, profileOf(r.kitchenId), excursionsOf(r.kitchenId)),
    raiseEvents: (kitchenId: string, events: SampleAlertEvent[]) => raise(kitchenId, profileOf(kitchenId), events),
    /** Pushes a changed sample live and returns it as the API shows it. */
    publish(r: SampleRecord | undefined): SampleDto | undefined {
      if (!r) return undefined;
      const dto = toDto(r, profileOf(r.kitchenId), excursionsOf(r.kitchenId));
      deps.emitSample(dto);
      return dto;
    },
  };
}

export type SampleLedger = ReturnType<typeof createSampleLedger>;
