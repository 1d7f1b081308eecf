// [FS-SAMPLE-WEIGHT] std: at least minWeightG per dish per meal (125 g under CN-GB31654),
// judged with the scale's tolerance (±scaleToleranceG, 2 g) so that a scale's own error
// neither raises a false alarm nor hides a short sample:
//
//   net < min − tol               light     alarm          (CN-GB31654: below 123 g)
//   min − tol ≤ net ≤ min + tol   marginal  shown, no alarm (123 g … 127 g, both ends included)
//   net > min + tol               ok                        (above 127 g)
//
// Marginal includes readings just above the minimum too: a 126 g reading may be a 124 g
// sample, and the board shows it so the cook adds a spoonful next time.
import type { Profile } from '../../../contracts/profiles.ts';
import { sampleParams } from './params.ts';

export type WeightVerdict = 'ok' | 'marginal' | 'light';

/** [FS-SAMPLE-WEIGHT] A profile without sample rules judges no weight: 'ok'. */
export function weightVerdict(netWeightG: number, profile: Profile): WeightVerdict {
  const params = sampleParams(profile);
  if (params === null) return 'ok';
  const { minWeightG, scaleToleranceG } = params;
  // Written as "not at least" so that a NaN weight fails toward the alarm, never to 'ok'.
  if (!(netWeightG >= minWeightG - scaleToleranceG)) return 'light';
  if (netWeightG <= minWeightG + scaleToleranceG) return 'marginal';
  return 'ok';
}
