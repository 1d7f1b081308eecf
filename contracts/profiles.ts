// Rule profiles are data (shared by the server's rules and the dashboard's charts) (food-safety-rules.md section 2): every threshold and
// timing a rule uses comes from here, never from a literal in rule code.

export interface Profile {
  id: string;
  chilled: {
    minC: number; // FS-COLD-LOW below this
    targetC: number; // FS-COLD-WARN above this
    maxC: number; // FS-COLD-ALARM above this
    critOverC: number; // FS-COLD-CRIT when above maxC + critOverC ...
    critOverMin: number; // ... for this long
    critCumulativeMin: number; // FS-COLD-CRIT when above maxC this long in critWindowMin
    critWindowMin: number;
    warnDelayMin: number;
    alarmDelayBufferedMin: number;
    alarmDelayAirMin: number;
    lowDelayMin: number;
  };
  frozen: { maxC: number; alarmDelayMin: number };
  /** Clear conditions: back inside by this margin, for this long, so alarms do not flap. */
  hysteresisC: number;
  clearDelayMin: number;
  /** After a reported defrost ends, temperature rules stay quiet this long. */
  defrostRecoveryMin: number;
  /**
   * The longest a reported defrost excuses FS-COLD-ALARM and FS-FRZ-ALARM when the unit
   * declares no defrostMaxMin, so a defrost flag stuck on cannot silence them for good.
   */
  defrostMaxDefaultMin: number;
  /** FS-DEFROST-MISS: no defrost within this factor × the unit's interval. */
  defrostMissFactor: number;
  doorOpenMaxMin: number;
  /** FS-OFFLINE: no reading for max(factor × interval, floor). */
  offlineIntervalFactor: number;
  offlineFloorMin: number;
  /** An acknowledged alert whose condition persists is raised again after this. */
  realarmMin: number;
  /** Food samples (rule book section 4). */
  samples: {
    minWeightG: number; // FS-SAMPLE-WEIGHT: below this a sample is light ...
    scaleToleranceG: number; // ... and within this of it, marginal
    retentionH: number; // FS-SAMPLE-EARLY: kept at least this long
    missingAfterMin: number; // FS-SAMPLE-MISSING: no sample this long after the service starts
  } | null;
  /** Bright kitchen (rule book section 5). */
  cameras: {
    offlineAlarmMin: number; // FS-CAM-OFFLINE: offline this long within service hours
    prepLeadMin: number; // service hours start this long before each meal (preparation) ...
    mealTailMin: number; // ... and end this long after the meal's end (clearing up)
    retentionFloorDays: number; // FS-CAM-RETENTION: no jurisdiction may require less ...
    retentionDefaultDays: number; // ... and this is required where a jurisdiction sets nothing
    aiDedupMin: number; // FS-AI-EVENT: repeats of a camera + category within this are one event
  };
  /** The registry's reminders (rule book sections 3 and 8). */
  registry: {
    calibrationIntervalMonths: number; // FS-CAL-DUE: a unit's calibration is due this long after the last ...
    calibrationLeadDays: number; // ... and reminded this long ahead
    calibrationToleranceC: number; // FS-CAL-DUE: a field check off the reference probe by more than this
    healthCertLeadDays: number; // FS-REG-HEALTH-CERT: a staff health certificate reminded this long before it lapses
    licenceLeadDays: number; // FS-REG-LICENCE: the food-business licence reminded this long before it lapses
  };
  /** Escalation of the alert workflow (rule book section 6). */
  escalation: {
    ackMin: number; // unacknowledged this long: escalate to the site manager
    criticalBoardHours: number; // a critical alert unresolved this long (or at the site's day end): the inspector's board
  };
}

export const CN_GB31654: Profile = Object.freeze({
  id: 'CN-GB31654',
  chilled: {
    minC: 0,
    targetC: 5,
    maxC: 8,
    critOverC: 4,
    critOverMin: 30,
    critCumulativeMin: 120,
    critWindowMin: 24 * 60,
    warnDelayMin: 30,
    alarmDelayBufferedMin: 15,
    alarmDelayAirMin: 30,
    lowDelayMin: 60,
  },
  frozen: { maxC: -12, alarmDelayMin: 60 },
  hysteresisC: 1,
  clearDelayMin: 5,
  defrostRecoveryMin: 30,
  defrostMaxDefaultMin: 60,
  defrostMissFactor: 1.33,
  doorOpenMaxMin: 5,
  offlineIntervalFactor: 3,
  offlineFloorMin: 30,
  realarmMin: 60,
  samples: { minWeightG: 125, scaleToleranceG: 2, retentionH: 48, missingAfterMin: 30 },
  cameras: { offlineAlarmMin: 10, prepLeadMin: 120, mealTailMin: 30, retentionFloorDays: 7, retentionDefaultDays: 30, aiDedupMin: 10 },
  registry: { calibrationIntervalMonths: 12, calibrationLeadDays: 30, calibrationToleranceC: 1, healthCertLeadDays: 30, licenceLeadDays: 60 },
  escalation: { ackMin: 15, criticalBoardHours: 4 },
}) as Profile;

export const US_FDA_2022: Profile = Object.freeze({
  ...CN_GB31654,
  id: 'US-FDA-2022',
  chilled: { ...CN_GB31654.chilled, targetC: 4, maxC: 5 },
  samples: null, // the Food Code has no retained-sample rule
}) as Profile;

export const UK_FSA: Profile = Object.freeze({
  ...CN_GB31654,
  id: 'UK-FSA',
  samples: null,
  chilled: { ...CN_GB31654.chilled, targetC: 5, maxC: 8 },
  frozen: { ...CN_GB31654.frozen, maxC: -18 },
}) as Profile;

export const PROFILES: Readonly<Record<string, Profile>> = Object.freeze({
  [CN_GB31654.id]: CN_GB31654,
  [US_FDA_2022.id]: US_FDA_2022,
  [UK_FSA.id]: UK_FSA,
});

export const DEFAULT_PROFILE_ID = CN_GB31654.id;

/** A profile's own id, never an inherited key: PROFILES['constructor'] is Object, not a profile. */
export const isProfileId = (id: string): boolean => Object.hasOwn(PROFILES, id);

export function profileById(id: string): Profile {
  if (!isProfileId(id)) throw new Error(`unknown rule profile ${id}`);
  return PROFILES[id]!;
}
