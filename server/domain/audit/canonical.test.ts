import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';

describe('canonical JSON', () => {
  it.each([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['sorts nested keys, keeps array order', { z: [{ y: 1, x: 2 }, 3], a: { d: null, c: '冷藏' } }, '{"a":{"c":"冷藏","d":null},"z":[{"x":2,"y":1},3]}'],
    ['drops undefined like JSON', { a: undefined, b: 1 }, '{"b":1}'],
    ['writes a Date as its ISO text', { at: new Date(Date.UTC(2026, 0, 1)) }, '{"at":"2026-01-01T00:00:00.000Z"}'],
    ['passes scalars through', 'x', '"x"'],
    ['writes undefined as null', undefined, 'null'],
  ])('%s', (_name, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ seq: 1, data: { kind: 'kept', reason: 'r' } })).toBe(canonicalJson({ data: { reason: 'r', kind: 'kept' }, seq: 1 }));
  });
});
