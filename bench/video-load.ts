// Part 3 of the video benchmark: the server's CPU and memory as viewers are added to one
// camera (1, 10, 50: the relay hands every viewer the same buffers, so it should cost
// little per viewer), and with 20 cameras of 20 kitchens streaming, one viewer each.
// Viewers are WebSocket clients in this process (video-viewers.ts). CPU is read from
// /proc per process group over each window, so the broker's, the gateways' and the
// cameras' load is printed beside the server's.
import { loadavg } from 'node:os';
import { CAMERA_ID, type CameraKitchenSpec } from './video-kitchens.ts';
import { descendantsOf, groupMeter, rssSampler } from './video-meter.ts';
import type { VideoStack } from './video-stack.ts';
import { createViewerSet, sleep, until, type ViewerSet } from './video-viewers.ts';

export interface LoadRow {
  scenario: string;
  streams: number;
  viewers: number;
  /** % of one core per process group, plus other and machine. */
  cpu: Record<string, number>;
  serverRssMb: number;
  /** Per viewer, KB/s: mean and the slowest. */
  meanKBps: number;
  minKBps: number;
  /** What the server received from the broker, KB/s per stream. */
  inKBpsPerStream: number;
  viewerSkips: number;
  /** Streams the gateways started in the window: in a steady window, restarts (a transcoder died). */
  streamStarts: number;
  /** Chunks a gateway could not publish (its MQTT link congested). */
  gatewayDrops: number;
  load1: number;
}

export interface LoadOptions { kitchens: CameraKitchenSpec[]; windowMs: number; settleMs: number }

const target = (kitchenId: string) => ({ kitchenId, cameraId: CAMERA_ID });

/** One measured window over the steady state of whatever is running now. */
async function measure(stack: VideoStack, viewers: ViewerSet, scenario: string, streams: number, windowMs: number): Promise<LoadRow> {
  const gw = stack.gatewaysProc.proc.pid;
  const cams = stack.camerasProc.proc.pid;
  const stopCpu = groupMeter({
    server: [stack.server.proc.pid!], broker: [stack.broker.proc.pid!],
    'gateways (node)': [gw!], 'gateway ffmpeg': descendantsOf(gw),
    'cameras (sim)': [cams!, ...descendantsOf(cams)],
    'viewers (bench)': [process.pid], influxd: [stack.influxd.pid() ?? -1],
  });
  const stopRss = rssSampler(stack.server.proc.pid);
  const stats0 = await stack.videoStats();
  const gw0 = await stack.gatewayStats();
  const bytes0 = viewers.bytes();
  const t0 = performance.now();
  await sleep(windowMs);
  const seconds = (performance.now() - t0) / 1000;
  const bytes1 = viewers.bytes();
  const stats1 = await stack.videoStats();
  const gw1 = await stack.gatewayStats();
  const cpu = stopCpu();
  const rates = bytes1.map((b, i) => (b - bytes0[i]!) / 1024 / seconds);
  return {
    scenario, streams, viewers: viewers.size, cpu, serverRssMb: stopRss().peakMb,
    meanKBps: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : 0,
    minKBps: rates.length ? Math.min(...rates) : 0,
    inKBpsPerStream: streams ? (stats1.bytesIn - stats0.bytesIn) / 1024 / seconds / streams : 0,
    viewerSkips: stats1.viewerSkips - stats0.viewerSkips,
    streamStarts: gw1.started - gw0.started, gatewayDrops: gw1.chunksDropped - gw0.chunksDropped,
    load1: loadavg()[0]!,
  };
}

/** Adds viewers and waits until every viewer receives video, then lets the load settle. */
async function addViewers(viewers: ViewerSet, kitchenIds: string[], copies: number, settleMs: number): Promise<void> {
  await viewers.add(kitchenIds.flatMap((k) => Array.from({ length: copies }, () => target(k))));
  await until('every viewer to receive video', () => viewers.bytes().every((b) => b > 0), 30_000);
  await sleep(settleMs);
}

export async function measureLoad(stack: VideoStack, o: LoadOptions): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  const [first, ...rest] = o.kitchens;
  if (!first) return rows;
  const viewers = createViewerSet(stack.wsUrl, stack.cookie);
  const ids = o.kitchens.map((k) => k.kitchenId);
  try {
    // One camera only while the viewer count grows: the other encoders would only add noise.
    await stack.startKitchens([first]);
    await sleep(o.settleMs);
    rows.push(await measure(stack, viewers, '1 camera, 0 viewers (nothing streams)', 0, o.windowMs));
    for (const [n, label] of [[1, 'reference'], [10, ''], [50, '']] as const) {
      await addViewers(viewers, [first.kitchenId], n - viewers.size, o.settleMs);
      rows.push(await measure(stack, viewers, `1 camera, ${n} viewer${n > 1 ? 's' : ''}${label ? ` (${label})` : ''}`, 1, o.windowMs));
    }
    await viewers.close();
    await stack.startKitchens(rest);
    await addViewers(viewers, ids, 1, o.settleMs);
    rows.push(await measure(stack, viewers, `${ids.length} cameras (${ids.length} kitchens), 1 viewer each`, ids.length, o.windowMs));
    return rows;
  } finally {
    await viewers.close();
    await stack.stopKitchens(ids).catch((err: Error) => console.error(`stopping the load kitchens: ${err.message}`));
  }
}
