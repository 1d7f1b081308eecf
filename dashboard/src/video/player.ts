// A live player for one camera: JSMpeg decoding the server's MPEG-TS WebSocket into a canvas,
// with a "connecting" state until the first decoded frame, a LIVE badge with the decoded frame
// rate and, on request, the glass-to-glass latency read from the simulated cameras' clock stripe.
// For tests and the benchmark the canvas carries data-frames, data-first-frame-ms,
// data-latency-ms and data-renderer.
import JSMpeg, { type JSMpegPlayer, type JSMpegRenderer } from '@cycjimmy/jsmpeg-player';
import { readStripe, stripeLatencyMs } from '../../../contracts/clock-stripe.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { createFrameStats } from './frame-stats.ts';
import { holdWebGl, webGlSlotFree } from './webgl.ts';

export type PlayerState = 'connecting' | 'live' | 'stalled';

export interface LivePlayerOptions {
  /** ws:// or wss:// address of the camera's stream. */
  url: string;
  /** The camera's name, for the canvas's accessible label. */
  label: string;
  /** Read the clock stripe of every frame and show the latency. */
  latency?: boolean;
  onState?: (state: PlayerState) => void;
}

export interface LivePlayer {
  readonly el: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  destroy(): void;
}

/** No frame for this long after the first: the stream stalled (the source reconnects by itself). */
const STALL_MS = 4000;
const BADGE_REFRESH_MS = 500;
/** Seconds between attempts to reopen a dropped stream socket. */
const RECONNECT_S = 3;
/** JSMpeg decodes one picture per animation frame; more than this many waiting is a backlog. */
const MAX_CATCH_UP = 8;

export function createLivePlayer(opts: LivePlayerOptions): LivePlayer {
  const startedAt = performance.now();
  const stats = createFrameStats(startedAt);
  const status = h('div', { class: 'player-status', role: 'status' }, t('video.connecting'));
  const liveBadge = h('span', { class: 'live-badge' }, t('video.live'));
  const latencyBadge = h('span', { class: 'latency-badge', hidden: true });
  let state: PlayerState = 'connecting';
  let latencyMs: number | null = null;
  // The luma plane handed to the renderer for the frame being decoded (see watchRenderedLuma).
  let shownY: Uint8Array | null = null;
  let player: JSMpegPlayer | undefined;

  const makeCanvas = (): HTMLCanvasElement => h('canvas', { class: 'camera-canvas', 'aria-label': opts.label, 'data-frames': 0 });
  const start = (canvas: HTMLCanvasElement, disableGl: boolean): JSMpegPlayer =>
    new JSMpeg.Player(opts.url, {
      canvas,
      audio: false,
      autoplay: true,
      disableGl,
      pauseWhenHidden: false, // the tile closes the player instead: a hidden page must not hold the stream
      reconnectInterval: RECONNECT_S,
      onVideoDecode: (decoder) => onFrame(player?.renderer, decoder.codedWidth),
    });
  let canvas = makeCanvas();
  try {
    player = start(canvas, !webGlSlotFree());
  } catch {
    // No WebGL context for this canvas after all (too many on the page): draw with Canvas2D.
    canvas = makeCanvas();
    player = start(canvas, true);
  }
  const el = h('div', { class: 'live-player', 'data-state': 'connecting' }, canvas, status, h('div', { class: 'player-badges' }, liveBadge, latencyBadge));
  const gl = player.renderer?.gl;
  const releaseGl = gl ? holdWebGl(gl) : () => undefined;
  canvas.dataset.renderer = gl ? 'webgl' : 'canvas2d';
  if (opts.latency) watchRenderedLuma(player.renderer, (y) => (shownY = y));
  drainBacklog(player);

  function setState(next: PlayerState): void {
    if (next === state) return;
    state = next;
    el.dataset.state = next;
    status.textContent = next === 'stalled' ? t('video.stalled') : t('video.connecting');
    opts.onState?.(next);
  }

  function onFrame(renderer: JSMpegRenderer | undefined, codedWidth: number | undefined): void {
    stats.onFrame(performance.now());
    canvas.dataset.frames = String(stats.frames);
    if (stats.frames === 1) canvas.dataset.firstFrameMs = String(Math.round(stats.firstFrameMs ?? 0));
    if (state !== 'live') setState('live');
    if (!opts.latency || !shownY || !renderer) return;
    const value = readStripe(shownY, codedWidth ?? ((renderer.width + 15) >> 4) << 4);
    shownY = null;
    if (value === null) return;
    latencyMs = stripeLatencyMs(value, Date.now());
    canvas.dataset.latencyMs = String(latencyMs);
  }

  const timer = setInterval(() => {
    const now = performance.now();
    const since = stats.sinceLastMs(now);
    if (since !== null && since > STALL_MS) setState('stalled');
    const fps = stats.fps(now);
    liveBadge.textContent = fps === null ? t('video.live') : t('video.liveFps', { n: Math.round(fps) });
    latencyBadge.hidden = latencyMs === null;
    if (latencyMs !== null) latencyBadge.textContent = t('video.latency', { n: latencyMs });
  }, BADGE_REFRESH_MS);

  return {
    el,
    get canvas() {
      return canvas;
    },
    destroy() {
      clearInterval(timer);
      if (player) closePlayer(player);
      player = undefined;
      releaseGl();
      el.remove();
    },
  };
}

/**
 * The decoded picture is the Y plane the decoder hands to the renderer, just before it calls
 * onVideoDecode. (The JS decoder's `currentY` is not it by then: after a reference picture it
 * swaps currentY and forwardY. The WASM decoder keeps its planes in its heap.) The stride is the
 * coded width, ((width + 15) >> 4) << 4, for both.
 */
function watchRenderedLuma(renderer: JSMpegRenderer | undefined, seen: (y: Uint8Array) => void): void {
  if (!renderer) return;
  const render = renderer.render.bind(renderer);
  renderer.render = (y, cr, cb, clamped) => {
    seen(y);
    render(y, cr, cb, clamped);
  };
}

/** Decodes every complete picture waiting, not one per animation frame, so a slow paint never builds latency. */
function drainBacklog(player: JSMpegPlayer): void {
  const video = player.video;
  if (!video) return;
  player.updateForStreaming = () => {
    for (let i = 0; i < MAX_CATCH_UP && video.decode(); i++);
  };
}

/** Closes the socket and frees the decoder, also before the WASM decoder finished compiling. */
function closePlayer(player: JSMpegPlayer): void {
  const source = player.source;
  source.shouldAttemptReconnect = false;
  clearTimeout(source.reconnectTimeoutId);
  // A start still waiting for WASM must not open a socket or a render loop after this.
  source.start = () => undefined;
  player.play = () => undefined;
  source.destroy = () => {
    if (!source.socket) return;
    source.socket.onclose = source.socket.onerror = source.socket.onmessage = null;
    source.socket.close();
  };
  player.destroy();
}
