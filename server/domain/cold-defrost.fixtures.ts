// The defrost timeline the threshold tests share: a normal defrost and a flag stuck on for 3 h.
import { CN_GB31654 } from './profiles.ts';

// A defrost excuses FS-COLD-ALARM and FS-FRZ-ALARM from its start until its end or
// start + the unit's defrostMaxMin (else the profile's defrostMaxDefaultMin), whichever
// is earlier, plus the recovery. The stuck-flag cases hold the flag on for 3 h.
export const P = CN_GB31654;
export const STUCK_FROM = 5;
export const STUCK_TO = STUCK_FROM + 3 * 60 - 1;
/** First minute the temperature rules judge again after a flag stuck on since STUCK_FROM. */
export const stuckExcuseEnd = (maxMin: number): number => STUCK_FROM + maxMin + P.defrostRecoveryMin;
/** With the CN-GB31654 default (60 min) and 30 min recovery: minute 95. */
export const STUCK_JUDGED_FROM = stuckExcuseEnd(P.defrostMaxDefaultMin);
export const NORMAL_DEFROST_END = 25; // a 20-min defrost reported from minute 5 to 24

