// Benchmark child: the kitchens' simulated cameras (an RTSP relay, an edge box and one
// ffmpeg encoder per camera, firmware-sim/cameras), in their own process so their load
// is told apart from the gateways' and the server's. Kitchens start and stop on request,
// so a phase runs only the encoders it measures.
import { createKitchenCameras, type KitchenCameras } from '../firmware-sim/cameras/kitchen-cameras.ts';
import { childArgs } from './procs.ts';
import { CAMERA_ID, type CameraKitchenSpec, type CamerasRequest, type StartedKitchen } from './video-kitchens.ts';

childArgs();
const running = new Map<string, KitchenCameras>();

async function start(specs: CameraKitchenSpec[]): Promise<StartedKitchen[]> {
  const started = specs.map((s) => createKitchenCameras({
    kitchenId: s.kitchenId, width: s.width, height: s.height, fps: s.fps, bitrateKbps: s.bitrateKbps,
    cameras: [{ id: CAMERA_ID, name: `${s.kitchenId} ${CAMERA_ID}`, area: 'cooking' }],
    // Problems only (an encoder restarting, a dropped client), not every publish.
    log: (line) => !/: (publishing|publisher gone)$/.test(line) && console.error(`[cameras ${s.kitchenId}] ${line}`),
  }));
  started.forEach((c) => running.set(c.kitchenId, c));
  await Promise.all(started.map((c) => c.start()));
  return started.map((c) => ({ kitchenId: c.kitchenId, edgeBoxUrl: c.edgeBoxUrl, rtspUrl: c.rtspUrl(CAMERA_ID) }));
}

async function stop(ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map(async (id) => {
    await running.get(id)?.stop();
    running.delete(id);
  }));
}

process.send!({ ready: true });
process.on('message', (m: CamerasRequest) => {
  const done = m.op === 'start' ? start(m.kitchens) : stop(m.kitchenIds).then(() => []);
  done.then((kitchens) => process.send!({ kitchens }), (err: Error) => process.send!({ error: err.message }));
});
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void stop([...running.keys()]).finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
