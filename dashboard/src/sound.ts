// The kitchen's buzzer in the browser: a short two-tone alarm made by a WebAudio oscillator (no
// audio files), sounded when buzzer.ts says so — an alarm or critical alert raised, then every
// 30 s while it stays unacknowledged. Browsers keep audio off until the user touches the page,
// so the control says "tap to enable sound" until then; a mute is remembered on the device.
// Each beep played is counted on window.__kcwBeeps, so a browser test can see it.
import type { Alert } from '../../contracts/api.ts';
import { SILENT, decideBeep, type BuzzerMemory } from './buzzer.ts';
import { h, icon } from './dom.ts';
import { t } from './i18n.ts';
import { ICONS } from './icons.ts';

declare global {
  interface Window {
    __kcwBeeps?: number;
    webkitAudioContext?: typeof AudioContext;
  }
}

const MUTE_KEY = 'kcw.soundMuted';
const TICK_MS = 1000;
/** Two tones, three times: loud enough to cut through a kitchen, short enough not to annoy. */
const PATTERN: ReadonlyArray<{ hz: number; at: number; len: number }> = [0, 1, 2].flatMap((i) => [
  { hz: 988, at: i * 0.36, len: 0.15 },
  { hz: 784, at: i * 0.36 + 0.17, len: 0.15 },
]);

export interface KitchenBuzzer {
  el: HTMLElement;
  /** The kitchen's alerts as they are now (live). */
  update(alerts: Iterable<Alert>): void;
  destroy(): void;
}

function readMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

function createContext(): AudioContext | null {
  const Ctor = window.AudioContext ?? window.webkitAudioContext;
  try {
    return Ctor ? new Ctor() : null;
  } catch {
    return null; // no audio on this device: the control says so by staying "tap to enable"
  }
}

function play(ctx: AudioContext): void {
  const start = ctx.currentTime + 0.02;
  for (const tone of PATTERN) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = tone.hz;
    // A short ramp at both ends: a hard edge clicks.
    gain.gain.setValueAtTime(0, start + tone.at);
    gain.gain.linearRampToValueAtTime(0.18, start + tone.at + 0.01);
    gain.gain.setValueAtTime(0.18, start + tone.at + tone.len - 0.02);
    gain.gain.linearRampToValueAtTime(0, start + tone.at + tone.len);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + tone.at);
    osc.stop(start + tone.at + tone.len + 0.01);
  }
}

export function createKitchenBuzzer(kitchenId: string): KitchenBuzzer {
  const ctx = createContext();
  let muted = readMuted();
  let memory: BuzzerMemory = SILENT;
  let alerts: Alert[] = [];
  let sounding = false;
  const button = h('button', { type: 'button', class: 'btn sound-btn' });
  const status = h('span', { class: 'sound-status', role: 'status' });
  const el = h('div', { class: 'sound-control', 'aria-label': t('sound.label') }, status, button);

  const running = (): boolean => ctx?.state === 'running';
  const unlock = (): void => {
    if (ctx && ctx.state !== 'running') void ctx.resume().catch(() => undefined);
  };
  let shown = '';
  const render = (): void => {
    const locked = !running();
    const sig = `${locked}${muted}${sounding}`;
    if (sig === shown) return;
    shown = sig;
    el.className = `sound-control${locked ? ' is-locked' : ''}${muted ? ' is-muted' : ''}${sounding ? ' is-sounding' : ''}`;
    if (locked) {
      status.replaceChildren(sounding ? t('sound.alarming') : '');
      button.replaceChildren(icon(ICONS.bell), t('sound.enable'));
      button.setAttribute('aria-pressed', 'false');
      return;
    }
    status.replaceChildren(icon(ICONS.bell), sounding && !muted ? t('sound.alarming') : t(muted ? 'sound.muted' : 'sound.on'));
    button.replaceChildren(t(muted ? 'sound.unmute' : 'sound.mute'));
    button.setAttribute('aria-pressed', String(muted));
  };
  button.addEventListener('click', () => {
    if (!running()) {
      unlock();
      return;
    }
    muted = !muted;
    try {
      globalThis.localStorage?.setItem(MUTE_KEY, muted ? '1' : '0');
    } catch {
      // not remembered; applies to this page
    }
    if (!muted) memory = { ...memory, lastBeepAt: null }; // sound again at once, so they hear it works
    tick();
  });
  // Any touch of the page counts as the gesture that lets audio start.
  const gestures = ['pointerdown', 'keydown'] as const;
  for (const g of gestures) document.addEventListener(g, unlock, { capture: true });
  ctx?.addEventListener('statechange', () => {
    // Unlocked while an alarm is on: sound it now rather than at the next repeat.
    if (running()) memory = { ...memory, lastBeepAt: null };
    tick();
  });

  function tick(): void {
    const d = decideBeep(memory, alerts, kitchenId, Date.now());
    memory = d.memory;
    sounding = d.sounding;
    if (d.beep && !muted && ctx && running()) {
      play(ctx);
      window.__kcwBeeps = (window.__kcwBeeps ?? 0) + 1;
    }
    render();
  }
  const timer = setInterval(tick, TICK_MS);
  render();

  return {
    el,
    update(next) {
      alerts = [...next];
      tick();
    },
    destroy() {
      clearInterval(timer);
      for (const g of gestures) document.removeEventListener(g, unlock, { capture: true });
      void ctx?.close().catch(() => undefined);
    },
  };
}
