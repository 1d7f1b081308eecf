// Keeps a container's camera tiles in step with a list of cameras: makes a tile for a new
// camera, updates the others in place (a playing picture is never rebuilt), keeps the order,
// and destroys the tile of a camera that went away.
import type { CameraDto } from '../../../contracts/camera-api.ts';
import { cameraKey } from '../bright-kitchen.ts';
import type { CameraTile } from './camera-tile.ts';

export interface TileSet {
  sync(cameras: readonly CameraDto[], now: number): void;
  get(kitchenId: string, cameraId: string): CameraTile | undefined;
  destroy(): void;
}

export function createTileSet(
  container: HTMLElement,
  make: (camera: CameraDto) => CameraTile,
  onRemove: (tile: CameraTile) => void = () => undefined,
): TileSet {
  const tiles = new Map<string, CameraTile>();
  const remove = (key: string, tile: CameraTile): void => {
    onRemove(tile);
    tile.destroy();
    tile.el.remove();
    tiles.delete(key);
  };
  return {
    sync(cameras, now) {
      const wanted = new Set<string>();
      cameras.forEach((camera, i) => {
        const key = cameraKey(camera.kitchenId, camera.cameraId);
        wanted.add(key);
        let tile = tiles.get(key);
        if (tile) tile.update(camera, now);
        else tiles.set(key, (tile = make(camera)));
        if (container.children[i] !== tile.el) container.insertBefore(tile.el, container.children[i] ?? null);
      });
      for (const [key, tile] of tiles) if (!wanted.has(key)) remove(key, tile);
    },
    get: (kitchenId, cameraId) => tiles.get(cameraKey(kitchenId, cameraId)),
    destroy() {
      for (const [key, tile] of tiles) remove(key, tile);
    },
  };
}
