// Canonical JSON: the same value always gives the same text, whatever order its keys were
// written in, so that a hash over it can be recomputed from the stored entry.

/** JSON.stringify with every object's keys sorted, recursively; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // toJSON first (a Date becomes its ISO text), as JSON.stringify would.
  const plain = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return sortKeys(plain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(plain).sort()) out[key] = sortKeys((plain as Record<string, unknown>)[key]);
  return out;
}
