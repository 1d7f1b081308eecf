// One simulated IP camera: ffmpeg draws a test picture with the machine-readable
// clock stripe (contracts/clock-stripe.ts) and a human-readable label, encodes
// H.264 as a camera's encoder would (one keyframe a second, no B-frames), and
// pushes it to the relay over RTSP/TCP. If ffmpeg dies while the camera should
// run (the relay restarted, say) it comes back after a short backoff.
import type { ChildProcess } from 'node:child_process';
import { STRIPE_BITS, STRIPE_BLOCK_PX, STRIPE_BLOCKS, STRIPE_MIN_WIDTH } from '../../contracts/clock-stripe.ts';
import { LABEL_FONT, spawnFfmpeg, stderrTail, stopChild } from './ffmpeg.ts';

export interface CameraSourceOptions {
  /** Where to publish: the relay's URL of this camera's path. */
  url: string;
  /** Burned into the picture; ASCII (anything else is shown as `?`). */
  name: string;
  width?: number;
  height?: number;
  fps?: number;
  bitrateKbps?: number;
  /** First restart delay after an unexpected exit; doubles up to 10 s while it keeps failing. */
  restartDelayMs?: number;
  /** The camera's configured zone: its burned-in label shows local time, as kitchen cameras do. */
  timeZone?: string;
  log?: (line: string) => void;
}

export interface CameraSource {
  readonly name: string;
  readonly url: string;
  /** Switched on and its encoder running (whether the relay took the stream is the relay's to say). */
  readonly online: boolean;
  /** The running ffmpeg's process id (diagnostics, and tests that kill it). */
  readonly pid: number | undefined;
  start(): void;
  stop(): Promise<void>;
}

/** A run this long counts as healthy: the next failure is logged and retried quickly again. */
const STABLE_MS = 10_000;
const MAX_BACKOFF_MS = 10_000;

export function createCameraSource(opts: CameraSourceOptions): CameraSource {
  const picture = { name: opts.name, width: opts.width ?? 640, height: opts.height ?? 360, fps: opts.fps ?? 15 };
  const args = cameraArgs({ ...picture, url: opts.url, bitrateKbps: opts.bitrateKbps ?? 600 });
  const log = opts.log ?? (() => {});
  const firstDelay = opts.restartDelayMs ?? 1000;
  let wanted = false;
  let child: ChildProcess | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;

  function run(): void {
    timer = undefined;
    const startedAt = Date.now();
    const proc = spawnFfmpeg(args, 'ignore', { ...process.env, TZ: opts.timeZone ?? 'Asia/Shanghai' });
    const tail = stderrTail(proc);
    child = proc;
    let ended = false;
    const onEnd = (why: string) => {
      if (ended || child !== proc) return;
      ended = true;
      child = undefined;
      if (!wanted) return;
      failures = Date.now() - startedAt > STABLE_MS ? 1 : failures + 1;
      const delay = Math.min(firstDelay * 2 ** (failures - 1), MAX_BACKOFF_MS);
      // Once per outage, not once per retry: a relay that is down would flood the log.
      if (failures === 1) log(`camera ${opts.name}: ffmpeg ${why}, restarting (${tail() || 'no message'})`);
      timer = setTimeout(run, delay);
    };
    proc.once('exit', (code, signal) => onEnd(signal ? `killed by ${signal}` : `exited with ${code}`));
    proc.once('error', (err) => onEnd(`failed: ${err.message}`));
  }

  return {
    name: opts.name,
    url: opts.url,
    get online() { return wanted && child !== undefined && child.exitCode === null; },
    get pid() { return child?.pid; },
    start() {
      if (wanted) return;
      wanted = true;
      failures = 0;
      run();
    },
    async stop() {
      wanted = false;
      clearTimeout(timer);
      timer = undefined;
      const proc = child;
      child = undefined;
      if (proc) await stopChild(proc);
    },
  };
}

export interface PictureOptions { name: string; width: number; height: number; fps: number }

/** The full ffmpeg command line (without the binary) of one camera. */
export function cameraArgs(o: PictureOptions & { url: string; bitrateKbps: number }): string[] {
  const kbps = Math.round(o.bitrateKbps);
  return [
    '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', `testsrc2=size=${o.width}x${o.height}:rate=${o.fps}`,
    '-vf', cameraFilter(o),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(o.fps), '-bf', '0', '-pix_fmt', 'yuv420p',
    '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`,
    '-f', 'rtsp', '-rtsp_transport', 'tcp', o.url,
  ];
}

/**
 * Stamps each frame with the wall clock at capture as its pts (ms), draws the
 * stripe and the label from it, then gives the encoder regular pts again.
 */
export function cameraFilter(o: PictureOptions): string {
  if (o.width < STRIPE_MIN_WIDTH) throw new RangeError(`a camera picture must be at least ${STRIPE_MIN_WIDTH} px wide, got ${o.width}`);
  if (o.width % 2 || o.height % 2) throw new RangeError(`yuv420p needs an even size, got ${o.width}x${o.height}`);
  return ['settb=1/1000', 'setpts=RTCTIME/1000', ...stripeFilters(), ...labelFilters(o), `setpts=N/(${o.fps}*TB)`].join(',');
}

/** contracts/clock-stripe.ts: block 0 white, block 1 black, block 2 + i white when bit i of the ms is set. */
export function stripeFilters(): string[] {
  const box = (x: number | string, color: string, enable?: string) =>
    `drawbox=x=${x}:y=0:w=${STRIPE_BLOCK_PX}:h=${STRIPE_BLOCK_PX}:color=${color}:t=fill${enable ? `:enable='${enable}'` : ''}`;
  const filters = [
    `drawbox=x=0:y=0:w=${STRIPE_BLOCKS * STRIPE_BLOCK_PX}:h=${STRIPE_BLOCK_PX}:color=black:t=fill`,
    box(0, 'white'),
  ];
  // t is the capture time in seconds; +0.5 rounds away the float error of t*1000.
  for (let bit = 0; bit < STRIPE_BITS; bit++) filters.push(box((2 + bit) * STRIPE_BLOCK_PX, 'white', `mod(floor((t*1000+0.5)/2^${bit}),2)`));
  return filters;
}

/** The camera's name and its local time to the millisecond, under the stripe, on a dark band. */
function labelFilters(o: PictureOptions): string[] {
  const size = Math.max(12, Math.round(o.height / 18));
  const top = STRIPE_BLOCK_PX + 4;
  const name = o.name.replace(/[^ -~]/g, '?').replace(/[\\%{}]/g, '?');
  // drawtext's own expansion syntax; the 0.5 ms offset keeps the second in step with the rounded ms.
  const text = `${name}  %{pts:localtime:0.0005:%Y-%m-%d %H\\:%M\\:%S}.%{eif:mod(round(t*1000),1000):d:3}`;
  const fontfile = escapeValue(LABEL_FONT);
  return [
    `drawbox=x=0:y=${top}:w=iw:h=${size + 8}:color=black@0.5:t=fill`,
    `drawtext=fontfile=${fontfile}:fontsize=${size}:fontcolor=white:x=6:y=${top + 4}:text=${escapeValue(text)}`,
  ];
}

/** Escapes a filter option value for both levels it passes: the option parser, then the graph parser. */
function escapeValue(value: string): string {
  const option = value.replace(/[\\':]/g, '\\$&');
  return option.replace(/[\\'[\],;]/g, '\\$&');
}
