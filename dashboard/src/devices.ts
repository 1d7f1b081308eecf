// The snapshot names units only by id; their names and kinds come from REST,
// fetched once per kitchen in the background, a few at a time.
import type { Device } from '../../contracts/api.ts';
import { api } from './api.ts';
import type { Store } from './store.ts';

const CONCURRENCY = 4;
const RETRY_MS = 30_000;

export function startDeviceLoader(
  store: Store,
  fetchDevices: (kitchenId: string) => Promise<Device[]> = (id) => api.devices(id),
): () => void {
  const requested = new Set<string>();
  const queue: string[] = [];
  let active = 0;
  const pump = (): void => {
    while (active < CONCURRENCY && queue.length) {
      const id = queue.shift()!;
      active += 1;
      fetchDevices(id)
        .then((list) => store.devices(list))
        .catch(() => setTimeout(() => requested.delete(id), RETRY_MS))
        .finally(() => {
          active -= 1;
          pump();
        });
    }
  };
  return store.subscribe((state) => {
    if (!state.ready) return;
    for (const id of state.kitchens.keys()) {
      if (requested.has(id)) continue;
      requested.add(id);
      queue.push(id);
    }
    pump();
  });
}
