// The district's headline numbers; a non-zero problem count is coloured and says so in words.
import { h } from '../dom.ts';
import { t, type Key } from '../i18n.ts';
import type { DistrictCounts } from '../summary.ts';

const TILES: ReadonlyArray<{ field: keyof DistrictCounts; label: Key; tone?: string }> = [
  { field: 'kitchens', label: 'stats.kitchens' },
  { field: 'units', label: 'stats.units' },
  { field: 'inAlarm', label: 'stats.inAlarm', tone: 'alarm' },
  { field: 'offline', label: 'stats.offline', tone: 'offline' },
  { field: 'openAlerts', label: 'stats.openAlerts', tone: 'warning' },
];

/** `null` before the first snapshot: dashes, not zeros that would look like an all-clear. */
export function renderStats(counts: DistrictCounts | null): HTMLElement {
  return h(
    'dl',
    { class: 'stats' },
    TILES.map(({ field, label, tone }) =>
      h(
        'div',
        { class: `stat${tone && counts && counts[field] > 0 ? ` stat-${tone}` : ''}` },
        h('dt', null, t(label)),
        h('dd', null, counts ? String(counts[field]) : '—'),
      ),
    ),
  );
}
