// The jurisdiction tree: an inspector of a district sees every kitchen of its streets too.
// The tree is stored as parent links that an admin edits, so every walk visits a node at
// most once: a cycle in bad data ends the walk instead of hanging the server.
import type { JurisdictionNode, KitchenLink } from './types.ts';

/** The given jurisdictions and every one below them. */
export function withDescendants(nodes: readonly JurisdictionNode[], roots: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const seen = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return seen;
}

/** The given jurisdictions and every one above them. */
export function withAncestors(nodes: readonly JurisdictionNode[], ids: Iterable<string>): Set<string> {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const seen = new Set<string>();
  for (const start of ids) {
    for (let id: string | null | undefined = start; id != null && !seen.has(id); id = parentOf.get(id)) seen.add(id);
  }
  return seen;
}

/** Every kitchen linked to any of `roots` or to any jurisdiction below them. */
export function kitchensUnder(
  nodes: readonly JurisdictionNode[],
  links: readonly KitchenLink[],
  roots: Iterable<string>,
): Set<string> {
  const area = withDescendants(nodes, roots);
  return new Set(links.filter((l) => area.has(l.jurisdictionId)).map((l) => l.kitchenId));
}

/** Would giving `id` the parent `parentId` close a loop (its own parent, or a parent below it)? */
export function wouldCycle(nodes: readonly JurisdictionNode[], id: string, parentId: string | null): boolean {
  return parentId !== null && withDescendants(nodes, [id]).has(parentId);
}
