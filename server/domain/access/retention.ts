// [FS-CAM-RETENTION] How many days of video a kitchen's recorder must keep, as its
// jurisdictions require. A kitchen sits in several authorities' jurisdictions, and each
// inherits its ancestors' requirements (a city's rule binds its districts' kitchens);
// "the strictest applicable value wins" (rule book, preamble): the largest number.
// The profile's floor and default are applied by the camera rules, not here.
import { withAncestors } from './hierarchy.ts';
import type { JurisdictionNode } from './types.ts';

/** [FS-CAM-RETENTION] The largest requirement on the kitchen's jurisdictions and their ancestors; null: none set. */
export function strictestRetentionDays(nodes: readonly JurisdictionNode[], kitchenJurisdictions: Iterable<string>): number | null {
  const applicable = withAncestors(nodes, kitchenJurisdictions);
  let strictest: number | null = null;
  for (const n of nodes) {
    const days = n.videoRetentionDays ?? null;
    if (days !== null && applicable.has(n.id) && (strictest === null || days > strictest)) strictest = days;
  }
  return strictest;
}
