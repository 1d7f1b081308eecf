// Two authorities over the same kitchens (rule book section 1): market supervision
// (city → district → street station) and the district government's street offices.
import type { JurisdictionNode, KitchenLink } from './types.ts';

export const NODES: JurisdictionNode[] = [
  { id: 'sh-samr', parentId: null, videoRetentionDays: 30 },
  { id: 'xh-samr', parentId: 'sh-samr', videoRetentionDays: null },
  { id: 'xh-samr-tianlin', parentId: 'xh-samr', videoRetentionDays: null },
  { id: 'xh-samr-kangjian', parentId: 'xh-samr', videoRetentionDays: 45 },
  { id: 'pd-samr', parentId: 'sh-samr', videoRetentionDays: null },
  { id: 'xh-gov', parentId: null, videoRetentionDays: null },
  { id: 'tianlin-jd', parentId: 'xh-gov', videoRetentionDays: 60 },
];

export const LINKS: KitchenLink[] = [
  // One canteen, two authorities: the SAMR street station and the street office.
  { kitchenId: 'k-tianlin', jurisdictionId: 'xh-samr-tianlin' },
  { kitchenId: 'k-tianlin', jurisdictionId: 'tianlin-jd' },
  { kitchenId: 'k-kangjian', jurisdictionId: 'xh-samr-kangjian' },
  { kitchenId: 'k-pudong', jurisdictionId: 'pd-samr' },
];
