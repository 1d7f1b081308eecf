// The demo district's bright kitchen (明厨亮灶): each kitchen's cameras (an RTSP relay,
// ffmpeg test cameras and the NVR/AI edge box its gateway polls) and the scripted camera
// trouble of a few kitchens, timed around the demo's lunch.
import type { Clock } from '../contracts/clock.ts';
import { createKitchenCameras, type KitchenCameraSpec, type KitchenCameras } from '../firmware-sim/cameras/kitchen-cameras.ts';
import { playCameraScenario, type CameraScenarioId, type CameraScenarioRun } from '../firmware-sim/cameras/scenarios.ts';

/** Small pictures: some 24 cameras encode on the demo's 2 cores beside everything else. */
const PICTURE = { width: 480, height: 272, fps: 15, bitrateKbps: 450 };

/** Every kitchen films its cooking; every fifth also its sample cabinet (the wall then shows mixed areas). */
export function demoCameras(kitchenNumber: number, kitchenId: string): KitchenCameraSpec[] {
  const cams: KitchenCameraSpec[] = [{ id: 'cam-1', name: '后厨 · 烹饪区', area: 'cooking', label: `${kitchenId} cam-1 cooking` }];
  if (kitchenNumber % 5 === 1 || kitchenNumber === 2) {
    cams.push({ id: 'cam-2', name: '留样柜', area: 'sample', label: `${kitchenId} cam-2 samples` });
  }
  return cams;
}

interface CameraTrouble { scenario: CameraScenarioId; camera: string; minutesAfterLunch: number; forMin?: number; description: string }

/** Which kitchens' cameras go wrong, by kitchen number (1-based). */
const CAMERA_TROUBLE: Record<number, CameraTrouble> = {
  1: { scenario: 'smoking', camera: 'cam-1', minutesAfterLunch: 1, description: 'AI: smoking in the kitchen 1 min into lunch (FS-AI-EVENT, to confirm)' },
  2: { scenario: 'camera-offline-at-lunch', camera: 'cam-2', minutesAfterLunch: 0, forMin: 20,
    description: 'sample-cabinet camera offline from lunch for 20 min (FS-CAM-OFFLINE after 10 min)' },
  6: { scenario: 'false-rodent', camera: 'cam-1', minutesAfterLunch: 3, description: 'AI: a "rodent" that is the cat, 3 min into lunch (FS-AI-EVENT, to reject)' },
  11: { scenario: 'retention-drops', camera: 'cam-1', minutesAfterLunch: -2, description: 'recorder keeps only 5 days of video (FS-CAM-RETENTION)' },
};

export function cameraTroubleOf(kitchenNumber: number): string | undefined {
  return CAMERA_TROUBLE[kitchenNumber]?.description;
}

export interface RunningCameras { cameras: KitchenCameras; scenario?: CameraScenarioRun; stop(): Promise<void> }

export async function startDemoCameras(kitchenNumber: number, kitchenId: string, opts: { clock: Clock; lunchStart: number }): Promise<RunningCameras> {
  const cameras = createKitchenCameras({ kitchenId, cameras: demoCameras(kitchenNumber, kitchenId), ...PICTURE, clock: opts.clock, readyTimeoutMs: 60_000 });
  await cameras.start();
  const trouble = CAMERA_TROUBLE[kitchenNumber];
  const scenario = trouble && playCameraScenario(cameras.edgeBox, trouble.scenario, {
    clock: opts.clock, startAt: opts.lunchStart, camera: trouble.camera, offsetMin: trouble.minutesAfterLunch, forMin: trouble.forMin,
    pollMs: 1000,
  });
  return {
    cameras,
    scenario,
    async stop() {
      scenario?.stop();
      await cameras.stop();
    },
  };
}
