// Types of the pure food-sample core (rule book section 4). No I/O, no clock:
// every function takes `now` where it needs one.
import type { Meal, ServiceRef } from '../../../contracts/samples.ts';
import type { Severity } from '../../../contracts/api.ts';
import type { Profile } from '../../../contracts/profiles.ts';

export const SAMPLE_RULE_IDS = [
  'FS-SAMPLE-WEIGHT', 'FS-SAMPLE-MISSING', 'FS-SAMPLE-EARLY', 'FS-SAMPLE-TEMP', 'FS-SAMPLE-RECORD', 'FS-SAMPLE-SEAL',
] as const;
export type SampleRuleId = (typeof SAMPLE_RULE_IDS)[number];

export const SAMPLE_STATUSES = ['ok', 'light', 'marginal', 'missing', 'removed-early', 'compromised', 'sealed', 'disposed'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/** A meal service of a kitchen on a day: when it starts (UTC ms, from the site's local time) and its menu. */
export interface MealService {
  kitchenId: string;
  service: ServiceRef;
  startsAt: number;
  dishes: string[];
}

/** One sample in the ledger, as the rule book's record lists it. Times are UTC ms. */
export interface SampleRecord {
  id: number;
  kitchenId: string;
  service: ServiceRef;
  dish: string;
  netWeightG: number;
  scaleSerial: string;
  cabinet: string;
  slot: number;
  placedAt: number;
  placedBy: string;
  photoRef: string | null;
  removedAt: number | null;
  removedBy: string | null;
  /** Sealed (封存) after a suspected food-borne illness: handed to the regulator, never disposed. */
  sealedAt: number | null;
  sealedBy: string | null;
  disposedAt: number | null;
  disposedBy: string | null;
}

/** A span during which a cabinet was outside its range (from the cold-chain rules), UTC ms; `to` null: still out. */
export interface CabinetExcursion {
  cabinet: string;
  from: number;
  to: number | null;
}

export interface SampleAlertEvent {
  type: 'raise';
  ruleId: SampleRuleId;
  severity: Severity;
  /** What the alert is about: a sample id, or the dish of a service for FS-SAMPLE-MISSING. */
  subject: { sampleId: number } | { service: ServiceRef; dish: string };
  at: number;
  message: string;
}

export type { Meal, ServiceRef };

/** A profile's sample parameters; a profile whose `samples` is null has no sample rules. */
export type SampleParams = NonNullable<Profile['samples']>;

/**
 * A dish of a service with no sample yet while its FS-SAMPLE-MISSING deadline has not
 * passed (or the profile has no sample rules): not a defect, so not in SAMPLE_STATUSES.
 */
export type LedgerStatus = SampleStatus | 'pending';

/** The fields FS-SAMPLE-RECORD requires, in the order a rejection lists them. */
export const SAMPLE_RECORD_FIELDS = ['dish', 'service', 'placedAt', 'placedBy', 'netWeightG'] as const;
export type SampleRecordField = (typeof SAMPLE_RECORD_FIELDS)[number];
