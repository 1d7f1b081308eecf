// Live video on demand: on the server's stream-start command the gateway pulls the
// camera's RTSP stream through node-rtsp-stream's MPEG-1 muxer (ffmpeg) and publishes
// the MPEG-TS it makes, in whole TS packets, on the camera's video topic. Each
// stream-start also renews the stream's lease; without one for STREAM_IDLE_STOP_S
// (no one is watching any more, or the server is gone) the stream stops by itself.
import Mpeg1Muxer from 'node-rtsp-stream/mpeg1muxer.js';
import { fileURLToPath } from 'node:url';
import { STREAM_IDLE_STOP_S } from '../../contracts/cameras.ts';
import { createTsFramer, sequenceStart } from '../../contracts/mpeg-ts.ts';

/** MPEG-1 for JSMpeg: declared 25 fps (MPEG-1 allows only 23.976–60 fps; a 15 fps camera's
 *  pictures are sent as they come), no B-frames (they add a frame of delay), a sequence header
 *  every second whatever the camera's rate (a late or lagging viewer's wait), packets flushed as
 *  they are made (not in 32 KiB pipe buffers), no audio. */
export const MPEG1_OPTIONS: Record<string, string | number> = {
  '-r': 25, '-b:v': '900k', '-maxrate': '1200k', '-bufsize': '600k', '-bf': 0,
  '-g': 50, '-force_key_frames': 'expr:gte(t,n_forced*1)', '-an': '',
  '-flush_packets': 1, '-muxdelay': 0.001, '-loglevel': 'error',
};

/** ffmpeg with the gateway's input options in front (the muxer has no place for them). */
export const FFMPEG_RTSP_IN = fileURLToPath(new URL('./ffmpeg-rtsp-in.sh', import.meta.url));

export interface LiveStreamsOptions {
  /** The camera's RTSP address, or undefined when the gateway does not know it. */
  rtspUrlOf(cameraId: string): string | undefined;
  /** Publishes whole TS packets; false when the uplink is congested (the chunk was not sent). */
  publish(cameraId: string, packets: Buffer): boolean;
  onChange?(cameraId: string, streaming: boolean): void;
  idleStopMs?: number;
  ffmpegPath?: string;
  log?: { warn(obj: object, msg: string): void };
}

/** Only RTSP: ffmpeg would as readily open a file:, concat: or http: input named by the box. */
const RTSP_URL = /^rtsp:\/\/\S+$/;

interface Running {
  muxer: Mpeg1Muxer;
  lease: NodeJS.Timeout;
  /** Set after a chunk was dropped: send again only from the next sequence header. */
  skipping: boolean;
}

export function createLiveStreams(opts: LiveStreamsOptions) {
  const running = new Map<string, Running>();
  const idleStopMs = opts.idleStopMs ?? STREAM_IDLE_STOP_S * 1000;
  const stats = { chunksSent: 0, chunksDropped: 0, started: 0 };

  function send(cameraId: string, r: Running, packets: Buffer) {
    if (packets.length === 0) return;
    let data = packets;
    if (r.skipping) {
      const at = sequenceStart(packets);
      if (at < 0) return void stats.chunksDropped++;
      data = packets.subarray(at);
    }
    r.skipping = !opts.publish(cameraId, data);
    if (r.skipping) stats.chunksDropped++;
    else stats.chunksSent++;
  }

  function spawn(cameraId: string, url: string): Running {
    const muxer = new Mpeg1Muxer({ url, ffmpegPath: opts.ffmpegPath ?? FFMPEG_RTSP_IN, ffmpegOptions: MPEG1_OPTIONS });
    const framer = createTsFramer();
    const r: Running = { muxer, lease: setTimeout(() => stop(cameraId), idleStopMs), skipping: false };
    muxer.on('mpeg1data', (chunk) => send(cameraId, r, framer.push(chunk)));
    muxer.stream.on('exit', (code) => {
      if (running.get(cameraId) !== r) return;
      // The camera went away or ffmpeg failed: the stream ends; the server sees it stop and may ask again.
      opts.log?.warn({ camera: cameraId, code }, 'live stream ended');
      clearTimeout(r.lease);
      running.delete(cameraId);
      opts.onChange?.(cameraId, false);
    });
    muxer.stream.on('error', () => undefined); // spawn failure: 'exit' follows
    return r;
  }

  /** The camera's address when it may be streamed; otherwise start() refuses, which the command's reply says. */
  function rtspUrlOf(cameraId: string): string | undefined {
    const url = opts.rtspUrlOf(cameraId);
    return url !== undefined && RTSP_URL.test(url) ? url : undefined;
  }

  function start(cameraId: string): boolean {
    const url = rtspUrlOf(cameraId);
    if (!url) return false;
    const r = running.get(cameraId);
    if (r) {
      r.lease.refresh();
      return true;
    }
    running.set(cameraId, spawn(cameraId, url));
    stats.started++;
    opts.onChange?.(cameraId, true);
    return true;
  }

  function stop(cameraId: string): boolean {
    const r = running.get(cameraId);
    if (!r) return rtspUrlOf(cameraId) !== undefined;
    clearTimeout(r.lease);
    running.delete(cameraId);
    r.muxer.stream.kill('SIGKILL'); // a live transcode has nothing to flush
    opts.onChange?.(cameraId, false);
    return true;
  }

  return {
    start,
    stop,
    stats,
    isStreaming: (cameraId: string) => running.has(cameraId),
    stopAll() {
      for (const id of [...running.keys()]) stop(id);
    },
  };
}

export type LiveStreams = ReturnType<typeof createLiveStreams>;
