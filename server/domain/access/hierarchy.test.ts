import { describe, expect, it } from 'vitest';
import { kitchensUnder, withAncestors, withDescendants, wouldCycle } from './hierarchy.ts';
import { strictestRetentionDays } from './retention.ts';
import { LINKS, NODES } from './access.fixtures.ts';
import type { JurisdictionNode } from './types.ts';

const sorted = (s: Set<string>) => [...s].sort();

describe('the kitchens under a jurisdiction', () => {
  const CASES: Array<{ name: string; roots: string[]; expected: string[] }> = [
    { name: 'the city sees every kitchen below it', roots: ['sh-samr'], expected: ['k-kangjian', 'k-pudong', 'k-tianlin'] },
    { name: 'a district sees its streets\' kitchens', roots: ['xh-samr'], expected: ['k-kangjian', 'k-tianlin'] },
    { name: 'a street station sees its own', roots: ['xh-samr-tianlin'], expected: ['k-tianlin'] },
    { name: 'the street office sees the same kitchen through the other authority', roots: ['tianlin-jd'], expected: ['k-tianlin'] },
    { name: 'the district government reaches it through its street office', roots: ['xh-gov'], expected: ['k-tianlin'] },
    { name: 'several jurisdictions: the union', roots: ['xh-samr-kangjian', 'pd-samr'], expected: ['k-kangjian', 'k-pudong'] },
    { name: 'no jurisdiction: nothing', roots: [], expected: [] },
    { name: 'an unknown jurisdiction: nothing', roots: ['nowhere'], expected: [] },
  ];
  for (const c of CASES) {
    it(c.name, () => expect(sorted(kitchensUnder(NODES, LINKS, c.roots))).toEqual(c.expected));
  }

  it('ends on a cycle in bad data instead of hanging', () => {
    const loop: JurisdictionNode[] = [
      { id: 'a', parentId: 'c' }, { id: 'b', parentId: 'a' }, { id: 'c', parentId: 'b' },
    ];
    expect(sorted(withDescendants(loop, ['a']))).toEqual(['a', 'b', 'c']);
    expect(sorted(withAncestors(loop, ['a']))).toEqual(['a', 'b', 'c']);
    expect(sorted(kitchensUnder(loop, [{ kitchenId: 'k', jurisdictionId: 'c' }], ['b']))).toEqual(['k']);
  });

  it('a self-parented node is its own only descendant', () => {
    expect(sorted(withDescendants([{ id: 'a', parentId: 'a' }], ['a']))).toEqual(['a']);
  });
});

describe('ancestors', () => {
  it('walks up to the root', () => {
    expect(sorted(withAncestors(NODES, ['xh-samr-tianlin']))).toEqual(['sh-samr', 'xh-samr', 'xh-samr-tianlin']);
  });
});

describe('wouldCycle', () => {
  const CASES: Array<{ name: string; id: string; parentId: string | null; expected: boolean }> = [
    { name: 'a root', id: 'xh-samr', parentId: null, expected: false },
    { name: 'a move to another branch', id: 'xh-samr-tianlin', parentId: 'pd-samr', expected: false },
    { name: 'its own parent', id: 'xh-samr', parentId: 'xh-samr', expected: true },
    { name: 'a parent below it', id: 'sh-samr', parentId: 'xh-samr-tianlin', expected: true },
    { name: 'a new node under an existing one', id: 'new', parentId: 'sh-samr', expected: false },
  ];
  for (const c of CASES) it(c.name, () => expect(wouldCycle(NODES, c.id, c.parentId)).toBe(c.expected));
});

describe('strictestRetentionDays', () => {
  const CASES: Array<{ name: string; links: string[]; nodes?: JurisdictionNode[]; expected: number | null }> = [
    { name: 'inherited from the city when the street sets none', links: ['xh-samr-tianlin'], expected: 30 },
    { name: 'the street\'s 45 beats the city\'s 30', links: ['xh-samr-kangjian'], expected: 45 },
    { name: 'two authorities: the street office\'s 60 beats SAMR\'s 30', links: ['xh-samr-tianlin', 'tianlin-jd'], expected: 60 },
    { name: 'a stricter ancestor beats a laxer child', links: ['c'], nodes: [{ id: 'p', parentId: null, videoRetentionDays: 90 }, { id: 'c', parentId: 'p', videoRetentionDays: 15 }], expected: 90 },
    { name: 'none set anywhere: null', links: ['c'], nodes: [{ id: 'c', parentId: null, videoRetentionDays: null }], expected: null },
    { name: 'a kitchen in no jurisdiction: null', links: [], expected: null },
  ];
  for (const c of CASES) {
    it(`[FS-CAM-RETENTION] ${c.name}`, () => expect(strictestRetentionDays(c.nodes ?? NODES, c.links)).toBe(c.expected));
  }
});
