import type { State } from '../store.ts';

/** A mounted page: told about every state change (batched per frame) and the clock tick. */
export interface Page {
  update(state: State, now: number): void;
  destroy(): void;
}
