// A simulated kitchen display with a buzzer, as a gateway drives it (gateway/display/display.ts):
// it keeps the notices shown, newest last, and whether the buzzer sounds, so a test or the demo
// can read them; it can be told to fail the next notices (a display unplugged).
import { EventEmitter, once } from 'node:events';
import type { DisplayNotice, KitchenDisplay } from '../gateway/display/display.ts';

export interface SimulatedDisplay extends KitchenDisplay {
  /** What it shows, oldest first (at most `keep`). */
  readonly notices: readonly DisplayNotice[];
  /** The buzzer sounds until someone presses the button (silence). */
  readonly buzzing: boolean;
  readonly buzzes: number;
  silence(): void;
  /** The next `n` notices are refused. */
  failNext(n: number): void;
  /** Resolves with the next notice shown. */
  nextNotice(): Promise<DisplayNotice>;
}

export function createKitchenDisplay(opts: { keep?: number } = {}): SimulatedDisplay {
  const keep = opts.keep ?? 50;
  const notices: DisplayNotice[] = [];
  const events = new EventEmitter();
  let buzzing = false;
  let buzzes = 0;
  let failures = 0;
  return {
    get notices() {
      return notices;
    },
    get buzzing() {
      return buzzing;
    },
    get buzzes() {
      return buzzes;
    },
    async show(notice) {
      if (failures > 0) {
        failures--;
        throw new Error('display not responding');
      }
      notices.push(notice);
      if (notices.length > keep) notices.shift();
      events.emit('notice', notice);
    },
    async buzz() {
      buzzing = true;
      buzzes++;
    },
    silence() {
      buzzing = false;
    },
    failNext(n) {
      failures = n;
    },
    async nextNotice() {
      const [notice] = (await once(events, 'notice')) as [DisplayNotice];
      return notice;
    },
  };
}
