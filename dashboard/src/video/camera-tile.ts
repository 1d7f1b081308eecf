// One camera as a 16:9 tile: its name and area, online or offline (a red mark), and its live
// picture while someone wants it (a click on the kitchen page, being on screen on the wall).
// The stream runs only while the camera is online and the page is visible; otherwise the
// player is destroyed and its socket closed, so the server can stop the camera's stream.
import type { CameraDto } from '../../../contracts/camera-api.ts';
import { areaName, formatBitrate, formatFps, formatUptime, retentionShort, videoUrl } from '../bright-kitchen.ts';
import { h, icon } from '../dom.ts';
import { formatTime } from '../format.ts';
import { getLang, t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import type { LivePlayer } from './player.ts';

type PlayerModule = typeof import('./player.ts');
let playerModule: PlayerModule | null = null;
let playerLoad: Promise<void> | null = null;

/** The player (JSMpeg) is its own chunk, fetched when a camera is first watched. */
function loadPlayer(then: () => void): void {
  playerLoad ??= import('./player.ts').then(
    (m) => {
      playerModule = m;
    },
    (err: unknown) => {
      playerLoad = null; // try again on the next play
      throw err;
    },
  );
  playerLoad.then(then, () => undefined);
}

export interface CameraTileOptions {
  /** On the wall: the kitchen's name, linking to its page. */
  kitchen?: { name: string; href: string };
  /** The health list under the picture (kitchen page). */
  health: boolean;
  /** A click on the picture starts the stream (kitchen page); on the wall visibility does. */
  clickToPlay: boolean;
  latency: boolean;
  timeZone: string;
}

export interface CameraTile {
  readonly el: HTMLElement;
  update(camera: CameraDto, now: number): void;
  /** Whether someone wants the picture; it plays while the camera is online and the page visible. */
  setWanted(wanted: boolean): void;
  destroy(): void;
}

export function createCameraTile(initial: CameraDto, opts: CameraTileOptions): CameraTile {
  let camera = initial;
  let wanted = false;
  let player: LivePlayer | null = null;
  let playingPath = '';
  let sig = '';
  const screen = h('div', { class: 'camera-screen' });
  const idle = h('div', { class: 'camera-idle' });
  const offline = h('div', { class: 'camera-offline-note' });
  const stop = h(
    'button',
    {
      type: 'button',
      class: 'camera-stop',
      hidden: true,
      onclick: (ev) => {
        ev.stopPropagation(); // not a click on the picture, which would start it again
        tile.setWanted(false);
      },
    },
    icon(ICONS.stop),
    t('video.stop'),
  );
  const caption = h('div', { class: 'camera-caption' });
  const health = h('dl', { class: 'camera-health' });
  screen.append(idle, offline, stop);
  if (opts.clickToPlay) {
    screen.addEventListener('click', () => {
      if (camera.online) tile.setWanted(true);
    });
  }
  const el = h(
    'article',
    { class: 'camera-tile', 'data-kitchen': camera.kitchenId, 'data-camera': camera.cameraId },
    screen,
    caption,
    opts.health ? health : null,
  );

  const setState = (state: string): void => {
    el.dataset.state = state;
  };

  const sync = (): void => {
    const play = wanted && camera.online && document.visibilityState !== 'hidden';
    if (player && (!play || playingPath !== camera.streamPath)) {
      player.destroy();
      player = null;
    }
    if (play && !player && !playerModule) loadPlayer(sync);
    if (play && !player && playerModule) {
      playingPath = camera.streamPath;
      player = playerModule.createLivePlayer({
        url: videoUrl(camera.streamPath, window.location.href),
        label: camera.name,
        latency: opts.latency,
        onState: setState,
      });
      screen.prepend(player.el);
      setState('connecting');
    }
    if (!player) setState(!camera.online ? 'offline' : play ? 'connecting' : 'idle');
    idle.hidden = !!player || !camera.online || play;
    offline.hidden = camera.online;
    stop.hidden = !player || !opts.clickToPlay;
  };

  const tile: CameraTile = {
    el,
    update(next, now) {
      camera = next;
      const nextSig = JSON.stringify([getLang(), next, formatTime(next.since, { timeZone: opts.timeZone, now })]);
      if (nextSig !== sig) {
        sig = nextSig;
        el.classList.toggle('is-offline', !next.online);
        caption.replaceChildren(...renderCaption(next, opts));
        idle.replaceChildren(...renderIdle(next, opts));
        offline.replaceChildren(...renderOffline(next, opts.timeZone, now));
        if (opts.health) health.replaceChildren(...renderHealth(next));
      }
      sync();
    },
    setWanted(next) {
      if (next === wanted) return;
      wanted = next;
      sync();
    },
    destroy() {
      document.removeEventListener('visibilitychange', sync);
      player?.destroy();
      player = null;
    },
  };
  document.addEventListener('visibilitychange', sync);
  tile.update(camera, Date.now());
  return tile;
}

function renderCaption(c: CameraDto, opts: CameraTileOptions): HTMLElement[] {
  return [
    h(
      'div',
      { class: 'camera-title' },
      opts.kitchen ? h('a', { class: 'camera-kitchen', href: opts.kitchen.href }, opts.kitchen.name) : null,
      h('span', { class: 'camera-name' }, c.name),
      h('span', { class: 'camera-area muted' }, areaName(c.area)),
    ),
    c.online
      ? h('span', { class: 'chip state-ok camera-online' }, icon(ICONS.ok), t('camera.online'))
      : h('span', { class: 'chip state-alarm camera-offline' }, icon(ICONS.offline), t('camera.offline')),
  ];
}

function renderIdle(c: CameraDto, opts: CameraTileOptions): HTMLElement[] {
  if (!opts.clickToPlay) return [h('span', { class: 'camera-wait' }, t('video.connecting'))];
  return [
    h(
      'button',
      { type: 'button', class: 'camera-play', 'aria-label': t('video.playLabel', { name: c.name }) },
      icon(ICONS.play, 'play-mark'),
      h('span', null, t('video.play')),
    ),
  ];
}

function renderOffline(c: CameraDto, timeZone: string, now: number): HTMLElement[] {
  return [
    icon(ICONS.offline, 'offline-mark'),
    h('strong', null, t('video.offline')),
    h('span', null, c.lastSeenAt === null ? t('video.neverSeen') : t('video.offlineSince', { t: formatTime(c.since, { timeZone, now }) })),
  ];
}

function renderHealth(c: CameraDto): HTMLElement[] {
  const item = (label: Parameters<typeof t>[0], value: string, bad = false): HTMLElement =>
    h('div', { class: bad ? 'health-item is-bad' : 'health-item' }, h('dt', null, t(label)), h('dd', null, value));
  const short = retentionShort(c);
  const recorder =
    c.recorderDays === null
      ? '—'
      : short
        ? `${t('camera.recorderDays', { n: c.recorderDays, req: c.requiredRetentionDays })} · ${t('camera.recorderShort', { req: c.requiredRetentionDays })}`
        : t('camera.recorderDays', { n: c.recorderDays, req: c.requiredRetentionDays });
  return [
    item('camera.fps', formatFps(c.fps)),
    item('camera.bitrate', formatBitrate(c.bitrateKbps)),
    item('camera.recorder', recorder, short),
    item('camera.uptime', formatUptime(c.uptime.percent)),
  ];
}
