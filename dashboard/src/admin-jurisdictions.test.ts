import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../contracts/auth.ts';
import { checkJurisdiction, jurisdictionNames, jurisdictionTree, parentChoices } from './admin-jurisdictions.ts';

const j = (id: string, level: Jurisdiction['level'], parentId: string | null, name = id): Jurisdiction => ({ id, name, level, parentId, videoRetentionDays: null });
const DEMO = [j('west', 'street', 'district', '西街道'), j('city', 'city', null, '示范市'), j('east', 'street', 'district', '东街道'),
  j('district', 'district', 'city', '示范区'), j('civil', 'district', 'city', '民政局')];

describe('the jurisdiction tree', () => {
  it('lists each under its parent, with its depth', () => {
    expect(jurisdictionTree(DEMO).map((r) => `${'  '.repeat(r.depth)}${r.jurisdiction.id}`)).toEqual(['city', '  civil', '  district', '    east', '    west']);
  });

  it('shows an orphan as a root and still ends on a loop, losing nobody', () => {
    const rows = jurisdictionTree([j('a', 'street', 'b'), j('b', 'district', 'a'), j('lost', 'street', 'gone')]);
    expect(rows.map((r) => r.jurisdiction.id).sort()).toEqual(['a', 'b', 'lost']);
    expect(rows.find((r) => r.jurisdiction.id === 'lost')?.depth).toBe(0);
  });

  it('offers as parents only levels above', () => {
    expect(parentChoices(DEMO, 'street').map((x) => x.id).sort()).toEqual(['city', 'civil', 'district']);
    expect(parentChoices(DEMO, 'district').map((x) => x.id)).toEqual(['city']);
    expect(parentChoices(DEMO, 'city')).toEqual([]);
  });

  it('names ids, an unknown one as itself', () => {
    expect(jurisdictionNames(['east', 'nope'], DEMO)).toEqual(['东街道', 'nope']);
  });
});

describe('a new jurisdiction', () => {
  const v = { id: 'north', name: '北街道', level: 'street', parentId: 'district', videoRetentionDays: '' };

  it('is sent with its parent and retention', () => {
    expect(checkJurisdiction(v, DEMO)).toEqual({ ok: true, value: { id: 'north', name: '北街道', level: 'street', parentId: 'district', videoRetentionDays: null } });
    expect(checkJurisdiction({ ...v, level: 'city', parentId: '', videoRetentionDays: '60' }, DEMO)).toMatchObject({ ok: true, value: { parentId: null, videoRetentionDays: 60 } });
  });

  it('is refused with a taken id, a parent not above it, or a bad retention', () => {
    expect(checkJurisdiction({ ...v, id: 'east' }, DEMO)).toMatchObject({ ok: false, field: 'id', error: 'admin.err.jurisdictionExists' });
    expect(checkJurisdiction({ ...v, id: 'a b' }, DEMO)).toMatchObject({ ok: false, field: 'id' });
    expect(checkJurisdiction({ ...v, parentId: 'east' }, DEMO)).toMatchObject({ ok: false, field: 'parentId' });
    expect(checkJurisdiction({ ...v, parentId: 'gone' }, DEMO)).toMatchObject({ ok: false, field: 'parentId' });
    expect(checkJurisdiction({ ...v, level: 'town' }, DEMO)).toMatchObject({ ok: false, field: 'level' });
    expect(checkJurisdiction({ ...v, videoRetentionDays: '0' }, DEMO)).toMatchObject({ ok: false, field: 'videoRetentionDays' });
    expect(checkJurisdiction({ ...v, videoRetentionDays: '7.5' }, DEMO)).toMatchObject({ ok: false, field: 'videoRetentionDays' });
  });
});
