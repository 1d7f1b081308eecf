// The alerts the sample rules raise (rule book section 4, severities from its table),
// one function per act the server sees: a placement, a removal, a service's clock check,
// a cabinet excursion. Each returns [] under a profile without sample rules. Every
// event's `at` is when its condition became true, not when it was evaluated, so a
// re-evaluation after a restart yields the same events; the alert store keeps one active
// alert per rule and subject, as for the cold chain.
import type { Profile } from '../../../contracts/profiles.ts';
import { exposure } from './compromised.ts';
import { missingDishes } from './missing.ts';
import { MS_PER_H, MS_PER_MIN, SAMPLE_RULE_SEVERITY, fmt, missingDeadline, sampleParams } from './params.ts';
import { removalVerdict } from './retention.ts';
import type { CabinetExcursion, MealService, SampleAlertEvent, SampleRecord, ServiceRef } from './types.ts';
import { weightVerdict } from './weight.ts';

const serviceName = (ref: ServiceRef): string => `${ref.meal} ${ref.date}`;

/** [FS-SAMPLE-WEIGHT] A light sample raises an alarm when placed; a marginal one does not. */
export function placementEvents(record: SampleRecord, profile: Profile): SampleAlertEvent[] {
  const params = sampleParams(profile);
  if (params === null || weightVerdict(record.netWeightG, profile) !== 'light') return [];
  return [{
    type: 'raise',
    ruleId: 'FS-SAMPLE-WEIGHT',
    severity: SAMPLE_RULE_SEVERITY['FS-SAMPLE-WEIGHT'],
    subject: { sampleId: record.id },
    at: record.placedAt,
    message: `sample of ${record.dish} (${serviceName(record.service)}) weighs ${fmt(record.netWeightG)} g, ` +
      `below the ${params.minWeightG} g minimum [${profile.id}]`,
  }];
}

/** [FS-SAMPLE-EARLY] A removal before the retention ends, without a seal, raises an alarm. */
export function removalEvents(record: SampleRecord, removedAt: number, profile: Profile): SampleAlertEvent[] {
  const params = sampleParams(profile);
  if (params === null || removalVerdict(record, removedAt, profile) !== 'early') return [];
  const heldH = (removedAt - record.placedAt) / MS_PER_H;
  return [{
    type: 'raise',
    ruleId: 'FS-SAMPLE-EARLY',
    severity: SAMPLE_RULE_SEVERITY['FS-SAMPLE-EARLY'],
    subject: { sampleId: record.id },
    at: removedAt,
    message: `sample of ${record.dish} (${serviceName(record.service)}) removed after ${fmt(heldH)} h, ` +
      `before the ${params.retentionH} h retention, without a seal [${profile.id}]`,
  }];
}

/** [FS-SAMPLE-MISSING] One alarm per menu dish with no sample by the deadline, dated at the deadline. */
export function serviceCheckEvents(
  service: MealService,
  samples: readonly SampleRecord[],
  profile: Profile,
  now: number,
): SampleAlertEvent[] {
  const params = sampleParams(profile);
  if (params === null) return [];
  return missingDishes(service, samples, profile, now).map((dish) => ({
    type: 'raise',
    ruleId: 'FS-SAMPLE-MISSING',
    severity: SAMPLE_RULE_SEVERITY['FS-SAMPLE-MISSING'],
    subject: { service: service.service, dish },
    at: missingDeadline(service, params),
    message: `no sample of ${dish} (${serviceName(service.service)}) recorded within ` +
      `${params.missingAfterMin} min of service start [${profile.id}]`,
  }));
}

/**
 * [FS-SAMPLE-TEMP] One alarm per sample of the excursion's cabinet that sat through part
 * of it during its retention, dated when its exposure began.
 */
export function excursionEvents(
  excursion: CabinetExcursion,
  samples: readonly SampleRecord[],
  profile: Profile,
  now: number,
): SampleAlertEvent[] {
  const params = sampleParams(profile);
  if (params === null) return [];
  return samples.flatMap((record) => {
    const span = exposure(record, excursion, profile, now);
    if (span === null) return [];
    const event: SampleAlertEvent = {
      type: 'raise',
      ruleId: 'FS-SAMPLE-TEMP',
      severity: SAMPLE_RULE_SEVERITY['FS-SAMPLE-TEMP'],
      subject: { sampleId: record.id },
      at: span.from,
      message: `sample of ${record.dish} (${serviceName(record.service)}) compromised: cabinet ${record.cabinet} ` +
        `out of range for ${fmt((span.to - span.from) / MS_PER_MIN)} min${excursion.to === null ? ' so far' : ''} of its ${params.retentionH} h retention [${profile.id}]`,
    };
    return [event];
  });
}
