// npm run bench:video (and the second half of npm run bench): the live-video path on real
// parts — simulated cameras (ffmpeg, RTSP), gateways (node-rtsp-stream's MPEG-1 muxer),
// the broker, the server's WebSocket relay, and the dashboard's JSMpeg player in Debian's
// Chromium. Three figures, each beside a baseline measured in the same run:
//   1. time to first frame, cold (the click starts the stream) and warm (joins a running one);
//   2. glass-to-glass latency from the clock stripe in the picture, against a direct RTSP client;
//   3. the server's CPU and RSS with 1, 10, 50 viewers of a camera and with 20 cameras.
// Prints tables and whether the targets are met; exits non-zero only when something broke.
import { cpus, loadavg } from 'node:os';
import { percentile } from './publishers.ts';
import { launchChromium } from './video-browser.ts';
import { CAMERA_ID, type CameraKitchenSpec } from './video-kitchens.ts';
import { measureLoad, type LoadRow } from './video-load.ts';
import { measurePlayback, type PlaybackResult, type Trial } from './video-playback.ts';
import { startVideoStack, type VideoStack } from './video-stack.ts';

const TRIALS = Number(process.env.BENCH_VIDEO_TRIALS ?? 5);
const WINDOW_MS = Number(process.env.BENCH_VIDEO_SECONDS ?? 10) * 1000;
const LOAD_CAMERAS = Number(process.env.BENCH_VIDEO_CAMERAS ?? 20);
const SETTLE_MS = 2000;
/** How long the server keeps a stream after its last viewer (default 10 s): short, so cold trials follow quickly. */
const LINGER_MS = 300;
/** The playback camera: the simulator's default picture, a usual kitchen camera's substream. */
const LIVE: CameraKitchenSpec = { kitchenId: 'kv-live', width: 640, height: 360, fps: 15, bitrateKbps: 600 };
/** Small pictures for the load part: 20 encoders and 20 transcoders share 2 cores with everything else. */
const LOAD: CameraKitchenSpec[] = Array.from({ length: LOAD_CAMERAS }, (_, i) => ({
  kitchenId: `kv${String(i).padStart(2, '0')}`, width: 448, height: 256, fps: 15, bitrateKbps: 400,
}));
const TARGET = { firstFrameMs: 2000, latencyMs: 1000, viewerGrowth: 2 };

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const pct = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} %`);
const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const median = (xs: number[]) => percentile(xs, 50);

function firstFrameRow(trials: Trial[]) {
  const click = trials.map((t) => t.clickMs);
  return {
    trials: trials.length, 'median ms': f0(median(click)), 'max ms': f0(Math.max(...click)),
    'each trial ms': click.map(f0).join(' '), 'page open → frame, median ms': f0(median(trials.map((t) => t.openMs))),
  };
}

function latencyRow(samples: number[], fps: number) {
  return { samples: samples.length, 'pictures/s': f1(fps), 'p50 ms': f0(percentile(samples, 50)), 'p95 ms': f0(percentile(samples, 95)), 'max ms': f0(Math.max(...samples)) };
}

function printPlayback(p: PlaybackResult): void {
  console.log(`\n1. Time to first frame in Chromium (JSMpeg, ${p.renderer}); camera ${LIVE.width}x${LIVE.height} at ${LIVE.fps} fps, H.264 with a keyframe a second.`);
  console.log('   The player\'s own data-first-frame-ms: from its creation (the click) to its first decoded picture.');
  console.log('   cold: no stream runs, the click starts it (server → MQTT stream-start → gateway → ffmpeg → the next keyframe);');
  console.log('   warm: a second viewer joins a running stream and starts from the server\'s sequence-header cache (the baseline).');
  console.table({ cold: firstFrameRow(p.cold), 'warm (baseline)': firstFrameRow(p.warm) });
  console.log(`\n2. Glass-to-glass latency over ${WINDOW_MS / 1000} s of playing: the camera's clock stripe read from the picture vs this machine's clock.`);
  console.log('   baseline: the same camera read over the same seconds by a direct ffmpeg RTSP client (the camera + RTSP part alone).');
  console.table({
    'dashboard (Chromium, JSMpeg)': latencyRow(p.dashboardMs, p.decodedFps),
    'baseline: direct RTSP client': latencyRow(p.directMs, p.directMs.length / (WINDOW_MS / 1000)),
  });
  console.log(`   added by gateway transcode + MQTT + server + WebSocket + player, p50: ${f0(percentile(p.dashboardMs, 50) - percentile(p.directMs, 50))} ms`);
}

function printLoad(rows: LoadRow[]): void {
  const pic = LOAD[0]!;
  console.log(`\n3. Server CPU and memory with WebSocket viewers (ws clients counting bytes, no decoding). Small pictures so ${LOAD.length} cameras fit on`);
  console.log(`   ${cpus().length} cores: ${pic.width}x${pic.height} at ${pic.fps} fps, ${pic.bitrateKbps} kbps H.264; the gateway re-encodes to MPEG-1 at up to ~900 kbps whatever the camera sends.`);
  console.log('   CPU in % of one core over each window (200 % = both cores); RSS is the server\'s peak in the window; load average is 1 min.');
  console.log('   KB/s in: what the server got from the broker per stream. viewer skips: a viewer fell 512 KB behind and skipped to the next');
  console.log('   sequence header; stream restarts: a gateway transcoder died and was started again; gateway drops: chunks not published.');
  console.table(Object.fromEntries(rows.map((r) => [r.scenario, {
    'server CPU': pct(r.cpu.server), 'server RSS MB': f0(r.serverRssMb), viewers: r.viewers,
    'KB/s per viewer (mean)': f1(r.meanKBps), 'KB/s slowest viewer': f1(r.minKBps), 'KB/s in per stream': f1(r.inKBpsPerStream),
    'viewer skips': r.viewerSkips, 'stream restarts': r.streamStarts, 'gateway drops': r.gatewayDrops,
  }])));
  console.table(Object.fromEntries(rows.map((r) => [r.scenario, {
    ...Object.fromEntries(Object.entries(r.cpu).map(([k, v]) => [k, pct(v)])), 'load avg': r.load1.toFixed(2),
  }])));
  const ref = rows.find((r) => r.viewers === 1 && r.streams === 1);
  for (const r of rows.filter((x) => x.streams === 1 && x.viewers > 1)) {
    if (!ref) break;
    const extra = (r.cpu.server! - ref.cpu.server!) / (r.viewers - 1);
    const noise = extra < 0 ? ' (negative: below this run\'s noise)' : '';
    console.log(`   server CPU per extra viewer, 1 → ${r.viewers}: ${extra.toFixed(2)} % of a core${noise} (1 viewer: ${pct(ref.cpu.server)})`);
  }
  const many = rows.find((r) => r.streams > 1);
  if (many && ref) console.log(`   server CPU per stream with ${many.streams} streams: ${f1(many.cpu.server! / many.streams)} % (1 stream, 1 viewer: ${f1(ref.cpu.server!)} %)`);
}

function printTargets(p: PlaybackResult, rows: LoadRow[]): void {
  const coldMax = Math.max(...p.cold.map((t) => t.clickMs));
  const warmMax = Math.max(...p.warm.map((t) => t.clickMs));
  const p95 = percentile(p.dashboardMs, 95);
  const one = rows.find((r) => r.viewers === 1 && r.streams === 1)?.cpu.server ?? NaN;
  const fifty = rows.find((r) => r.viewers === 50)?.cpu.server ?? NaN;
  console.log('\nTargets');
  console.log(`  first frame within ${TARGET.firstFrameMs} ms, every trial: cold max ${f0(coldMax)} ms → ${met(coldMax <= TARGET.firstFrameMs)}; warm max ${f0(warmMax)} ms → ${met(warmMax <= TARGET.firstFrameMs)}`);
  console.log(`  glass-to-glass under ${TARGET.latencyMs} ms at p95: ${f0(p95)} ms → ${met(p95 < TARGET.latencyMs)}`);
  console.log(`  server CPU nearly flat in viewers (50 viewers ≤ ${TARGET.viewerGrowth}× 1 viewer): ${pct(fifty)} vs ${pct(one)} → ${met(fifty <= TARGET.viewerGrowth * one)}`);
}

let stack: VideoStack | undefined;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let cleaning: Promise<void> | undefined;
/** Once, whoever asks first (the end of the run or Ctrl-C): a second call waits for the first. */
const cleanUp = () => (cleaning ??= (async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
})());
// `on`, not `once`: ffmpeg.ts re-raises a signal nobody else listens to, which would end
// this process before the children are stopped.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

let failed = false;
try {
  const load0 = loadavg()[0]!;
  stack = await startVideoStack([LIVE.kitchenId, ...LOAD.map((k) => k.kitchenId)], { lingerMs: LINGER_MS });
  // Parts 1 and 2 alone on the machine: the load part's cameras are not running yet.
  const [live] = await stack.startKitchens([LIVE]);
  browser = await launchChromium();
  const playback = await measurePlayback(stack, browser, {
    kitchenId: LIVE.kitchenId, cameraId: CAMERA_ID, rtspUrl: live!.rtspUrl, width: LIVE.width, trials: TRIALS, latencyMs: WINDOW_MS,
  });
  await browser.close();
  browser = undefined;
  await stack.stopKitchens([LIVE.kitchenId]);
  const rows = await measureLoad(stack, { kitchens: LOAD, windowMs: WINDOW_MS, settleMs: SETTLE_MS });
  console.log(`\nVideo benchmark: ${TRIALS} trials per first-frame figure, ${WINDOW_MS / 1000} s windows, ${cpus().length} cores, load average at start ${load0.toFixed(2)}`);
  printPlayback(playback);
  printLoad(rows);
  printTargets(playback, rows);
} catch (err) {
  failed = true;
  console.error('video benchmark failed:', err);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
