// The baseline for glass-to-glass latency: the camera and its RTSP relay alone. A direct
// ffmpeg client of the camera (the same low-delay input flags as the gateway's, see
// gateway/cameras/ffmpeg-rtsp-in.sh) decodes every frame, and each frame's clock stripe
// is read against Date.now() as it arrives on a pipe. What the dashboard adds on top
// (gateway transcode, MQTT, server, WebSocket, JSMpeg) is the difference. Only the
// stripe's rows leave ffmpeg: whole raw frames (230 KB at 640x360) take several pipe
// round trips each, which on a loaded machine added ~70 ms that were not the camera's.
import { readStripe, STRIPE_BLOCK_PX, stripeLatencyMs } from '../contracts/clock-stripe.ts';
import { spawnFfmpeg, stderrTail, stopChild } from '../firmware-sim/cameras/ffmpeg.ts';

export interface DirectClient {
  /** Latencies (ms) of the frames read since the last call. */
  take(): number[];
  stop(): Promise<void>;
}

/** Starts reading `rtspUrl` (a picture `width` wide); frames without a stripe are skipped. */
export function startDirectClient(rtspUrl: string, width: number): DirectClient {
  const child = spawnFfmpeg([
    '-loglevel', 'error', '-rtsp_transport', 'tcp', '-fflags', 'nobuffer', '-flags', 'low_delay',
    '-fpsprobesize', '0', '-analyzeduration', '0', '-probesize', '32', '-i', rtspUrl,
    '-vf', `crop=iw:${STRIPE_BLOCK_PX}:0:0`, '-f', 'rawvideo', '-pix_fmt', 'gray', '-flush_packets', '1', '-',
  ], 'pipe');
  const tail = stderrTail(child);
  const frame = Buffer.alloc(width * STRIPE_BLOCK_PX);
  let filled = 0;
  let samples: number[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      const n = chunk.copy(frame, filled, at);
      filled += n;
      at += n;
      if (filled < frame.length) continue;
      filled = 0; // a whole frame has arrived: this is when a viewer of the camera would have it
      const value = readStripe(frame, width);
      if (value !== null) samples.push(stripeLatencyMs(value, Date.now()));
    }
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping && code !== 0 && signal === null) console.error(`direct RTSP client exited with ${code}: ${tail()}`);
  });
  return {
    take() {
      const taken = samples;
      samples = [];
      return taken;
    },
    stop() {
      stopping = true;
      return stopChild(child);
    },
  };
}
