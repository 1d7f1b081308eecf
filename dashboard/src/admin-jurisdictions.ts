// The jurisdiction tree (city → district → street, rule book section 1) for the administration
// pages, without the DOM: rows in tree order with their depth, a new jurisdiction checked as
// the server checks it (a parent must exist and sit above), and ids named for tables.
import { JURISDICTION_LEVELS, type Jurisdiction, type JurisdictionLevel } from '../../contracts/auth.ts';
import { isValidId } from '../../contracts/topics.ts';
import type { Checked } from './admin-sites.ts';

export interface TreeRow {
  jurisdiction: Jurisdiction;
  depth: number;
}

const levelRank = (l: JurisdictionLevel): number => JURISDICTION_LEVELS.indexOf(l);

/**
 * Every jurisdiction once, each under its parent, siblings by level then name. One whose parent
 * is unknown is shown as a root; bad data with a loop still ends (each node visited once).
 */
export function jurisdictionTree(list: readonly Jurisdiction[]): TreeRow[] {
  const ids = new Set(list.map((j) => j.id));
  const children = new Map<string | null, Jurisdiction[]>();
  for (const j of list) {
    const parent = j.parentId !== null && ids.has(j.parentId) && j.parentId !== j.id ? j.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), j]);
  }
  const order = (a: Jurisdiction, b: Jurisdiction) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name, 'zh-CN');
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number): void => {
    for (const j of [...(children.get(parent) ?? [])].sort(order)) {
      if (seen.has(j.id)) continue;
      seen.add(j.id);
      rows.push({ jurisdiction: j, depth });
      walk(j.id, depth + 1);
    }
  };
  walk(null, 0);
  // Members of a loop never hang from a root: list them flat rather than lose them.
  for (const j of list) if (!seen.has(j.id)) rows.push({ jurisdiction: j, depth: 0 });
  return rows;
}

/** The parents a new jurisdiction of `level` may have: those of a level above it. */
export function parentChoices(list: readonly Jurisdiction[], level: JurisdictionLevel): Jurisdiction[] {
  return list.filter((j) => levelRank(j.level) < levelRank(level));
}

export interface JurisdictionValues {
  id: string;
  name: string;
  level: string;
  parentId: string;
  videoRetentionDays: string;
}

const isLevel = (s: string): s is JurisdictionLevel => (JURISDICTION_LEVELS as readonly string[]).includes(s);

export function checkJurisdiction(v: JurisdictionValues, existing: readonly Jurisdiction[]): Checked<Jurisdiction> {
  const id = v.id.trim();
  if (!isValidId(id)) return { ok: false, field: 'id', error: 'admin.err.jurisdictionId' };
  if (existing.some((j) => j.id === id)) return { ok: false, field: 'id', error: 'admin.err.jurisdictionExists' };
  const name = v.name.trim();
  if (!name) return { ok: false, field: 'name', error: 'admin.err.required' };
  if (!isLevel(v.level)) return { ok: false, field: 'level', error: 'admin.err.level' };
  const parent = v.parentId ? existing.find((j) => j.id === v.parentId) : null;
  if (parent === undefined || (parent && levelRank(parent.level) >= levelRank(v.level))) {
    return { ok: false, field: 'parentId', error: 'admin.err.parent' };
  }
  const days = v.videoRetentionDays.trim();
  const retention = days ? Number(days) : null;
  if (retention !== null && !(Number.isInteger(retention) && retention >= 1)) {
    return { ok: false, field: 'videoRetentionDays', error: 'admin.err.retention' };
  }
  return { ok: true, value: { id, name, level: v.level, parentId: parent?.id ?? null, videoRetentionDays: retention } };
}

/** Jurisdiction ids as their names (an unknown id as itself), for tables. */
export function jurisdictionNames(ids: readonly string[], list: readonly Jurisdiction[]): string[] {
  const byId = new Map(list.map((j) => [j.id, j.name]));
  return ids.map((id) => byId.get(id) ?? id);
}
