// Parts 1 and 2 of the video benchmark, in Chromium: time to first frame, cold (the
// click starts the stream: server → MQTT command → gateway → ffmpeg → first keyframe)
// and warm (a second viewer joins a running stream and starts from the server's
// sequence-header cache); then the glass-to-glass latency of a playing viewer, with the
// camera + RTSP part alone (a direct ffmpeg client) measured over the same seconds.
import type { Browser, Page } from 'playwright-core';
import { startDirectClient } from './video-baseline.ts';
import { canvasOf, latencySamples, openPlayer } from './video-browser.ts';
import type { VideoStack } from './video-stack.ts';
import { sleep, until } from './video-viewers.ts';

export interface PlaybackOptions {
  kitchenId: string;
  cameraId: string;
  rtspUrl: string;
  width: number;
  trials: number;
  latencyMs: number;
}

export interface Trial { clickMs: number; openMs: number }

export interface PlaybackResult {
  cold: Trial[];
  warm: Trial[];
  /** data-latency-ms of the dashboard's player, one per decoded picture. */
  dashboardMs: number[];
  /** Pictures the player decoded per second over the same window. */
  decodedFps: number;
  /** The same stripe read by a direct RTSP client of the camera, over the same seconds. */
  directMs: number[];
  renderer: string;
}

/** No viewer, no session on the server, and the gateway reports its transcoder stopped. */
async function untilStopped(stack: VideoStack, kitchenId: string, cameraId: string): Promise<void> {
  await until(`${kitchenId}/${cameraId} to stop streaming`, async () => {
    const camera = (await stack.listCameras(kitchenId)).find((c) => c.cameraId === cameraId);
    return camera !== undefined && !camera.streaming && camera.viewers === 0 && (await stack.videoStats()).sessions === 0;
  }, 30_000, 100);
}

export async function measurePlayback(stack: VideoStack, browser: Browser, o: PlaybackOptions): Promise<PlaybackResult> {
  const cold: Trial[] = [];
  const warm: Trial[] = [];
  let playing: Page | undefined;
  let renderer = '?';
  let direct: ReturnType<typeof startDirectClient> | undefined;
  try {
    // Cold: each trial waits for the previous stream to be gone; the last one keeps playing.
    for (let i = 0; i < o.trials; i++) {
      await untilStopped(stack, o.kitchenId, o.cameraId);
      const f = await openPlayer(browser, stack.httpUrl, stack.cookie, o.kitchenId, o.cameraId);
      cold.push({ clickMs: f.clickMs, openMs: f.openMs });
      renderer = f.renderer;
      if (i < o.trials - 1) await f.page.close();
      else playing = f.page;
    }
    // Warm: a second viewer joins while the first one plays.
    for (let i = 0; i < o.trials; i++) {
      const f = await openPlayer(browser, stack.httpUrl, stack.cookie, o.kitchenId, o.cameraId);
      warm.push({ clickMs: f.clickMs, openMs: f.openMs });
      await f.page.close();
      await sleep(300 + 150 * i); // land at different points of the 1 s GOP
    }
    // Latency: both readers sample the same seconds. The direct client starts only now (its
    // decoding would load the trials above) and gets 2 s to settle past its connection.
    direct = startDirectClient(o.rtspUrl, o.width);
    await sleep(2000);
    direct.take();
    const dashboard = await latencySamples(playing!, canvasOf(o.kitchenId, o.cameraId), o.latencyMs);
    const directMs = direct.take();
    return { cold, warm, dashboardMs: dashboard.samples, decodedFps: dashboard.frames / (o.latencyMs / 1000), directMs, renderer };
  } finally {
    await direct?.stop();
    await playing?.close();
  }
}
