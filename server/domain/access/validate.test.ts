// What an admin may register: users whose role, kitchen and jurisdictions fit; jurisdictions that fit the tree.
import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../../contracts/auth.ts';
import { checkJurisdiction, checkUser, type UserInput } from './validate.ts';

const PW = 'ten chars!';
const TREE: Jurisdiction[] = [
  { id: 'sh', name: '上海', level: 'city', parentId: null, videoRetentionDays: 30 },
  { id: 'xh', name: '徐汇', level: 'district', parentId: 'sh', videoRetentionDays: null },
  { id: 'tl', name: '田林', level: 'street', parentId: 'xh', videoRetentionDays: null },
];

describe('checkUser', () => {
  const CASES: Array<{ name: string; input: UserInput; expected: string | null }> = [
    { name: 'an admin', input: { username: 'adm', displayName: 'A', role: 'admin', password: PW }, expected: null },
    { name: 'a 64-character username', input: { username: 'a'.repeat(64), displayName: 'A', role: 'auditor', password: PW }, expected: null },
    { name: 'a 65-character username', input: { username: 'a'.repeat(65), displayName: 'A', role: 'auditor', password: PW }, expected: 'invalid_user' },
    { name: 'dots, dashes and underscores', input: { username: 'li.si-2_x', displayName: 'A', role: 'admin', password: PW }, expected: null },
    { name: 'a Chinese username', input: { username: '王师傅', displayName: 'A', role: 'admin', password: PW }, expected: 'invalid_user' },
    { name: 'a blank display name', input: { username: 'adm', displayName: '  ', role: 'admin', password: PW }, expected: 'invalid_user' },
    { name: 'staff with a kitchen', input: { username: 'wang', displayName: '王', role: 'kitchen_staff', kitchenId: 'k1', password: PW }, expected: null },
    { name: 'staff with a malformed kitchen id', input: { username: 'wang', displayName: '王', role: 'kitchen_staff', kitchenId: 'k/1', password: PW }, expected: 'invalid_user' },
    { name: 'staff with a jurisdiction', input: { username: 'wang', displayName: '王', role: 'kitchen_staff', kitchenId: 'k1', jurisdictions: ['xh'], password: PW }, expected: 'invalid_user' },
    { name: 'an inspector with a kitchen', input: { username: 'insp', displayName: 'I', role: 'inspector', kitchenId: 'k1', jurisdictions: ['xh'], password: PW }, expected: 'invalid_user' },
    { name: 'a 9-character password', input: { username: 'adm', displayName: 'A', role: 'admin', password: PW.slice(1) }, expected: 'weak_password' },
    { name: 'a 257-character password', input: { username: 'adm', displayName: 'A', role: 'admin', password: 'x'.repeat(257) }, expected: 'invalid_user' },
  ];
  for (const c of CASES) it(`${c.name}: ${c.expected ?? 'ok'}`, () => expect(checkUser(c.input)?.code ?? null).toBe(c.expected));
});

describe('checkJurisdiction', () => {
  const j = (over: Partial<Jurisdiction>): Jurisdiction => ({ id: 'new', name: 'N', level: 'street', parentId: 'xh', videoRetentionDays: null, ...over });
  const CASES: Array<{ name: string; input: Jurisdiction; expected: boolean }> = [
    { name: 'a street under a district', input: j({}), expected: true },
    { name: 'a street under a city (a level skipped)', input: j({ parentId: 'sh' }), expected: true },
    { name: 'a root street office', input: j({ parentId: null }), expected: true },
    { name: 'a district under a district', input: j({ level: 'district' }), expected: false },
    { name: 'an unknown parent', input: j({ parentId: 'nope' }), expected: false },
    { name: 'a city moved under its own street', input: { ...TREE[0]!, parentId: 'tl' }, expected: false },
    { name: 'a district demoted below its streets', input: { ...TREE[1]!, level: 'street' }, expected: false },
    { name: 'an unknown level', input: j({ level: 'province' as never }), expected: false },
    { name: 'zero days of video', input: j({ videoRetentionDays: 0 }), expected: false },
    { name: '7.5 days of video', input: j({ videoRetentionDays: 7.5 }), expected: false },
    { name: 'a blank name', input: j({ name: ' ' }), expected: false },
    { name: 'an id with a slash', input: j({ id: 'a/b' }), expected: false },
  ];
  for (const c of CASES) it(`${c.name}: ${c.expected ? 'ok' : 'refused'}`, () => expect(checkJurisdiction(c.input, TREE) === null).toBe(c.expected));
});
