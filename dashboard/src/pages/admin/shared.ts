// What the administration pages share: the context each is mounted with, a section's heading
// row, and a bounded parallel walk for per-site requests.
import type { Me } from '../../../../contracts/auth.ts';
import { h, type Child } from '../../dom.ts';

export interface AdminContext {
  me: Me;
  /** Aborted when the page goes away: late answers must not touch it. */
  signal: AbortSignal;
}

/** A section's title (with a count beside it, when given) and its buttons on the right. */
export function sectionHead(id: string, title: string, count: HTMLElement | null, ...tools: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'section-head admin-section-head' },
    h('div', { class: 'admin-title-wrap' }, h('h2', { id }, title), count),
    h('div', { class: 'admin-head-tools' }, ...tools),
  );
}

/** Runs `fn` over `items` with at most `limit` calls in flight; resolves when all have settled. */
export async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
