// Scheduled camera scenarios, played on an edge box by an injected clock, so a
// test with a manual clock runs an hour of lunch service in a second and the
// demo runs them in real time. Each is data (steps at minutes after a start);
// the parameters say which camera, when, and for how long.
import type { AiCategory } from '../../contracts/cameras.ts';
import type { Clock } from '../../contracts/clock.ts';
import type { EdgeBox } from './edge-box.ts';

export type CameraScenarioId = 'camera-offline-at-lunch' | 'retention-drops' | 'smoking' | 'false-rodent';

export type CameraStep =
  | { atMin: number; action: 'offline' | 'online'; camera: string }
  | { atMin: number; action: 'recorder-days'; days: number }
  | { atMin: number; action: 'detect'; camera: string; category: AiCategory; confidence: number };

export interface CameraScenarioParams {
  camera: string;
  /** Minutes after the start when it happens. */
  offsetMin: number;
  /** How long it lasts, where that means anything (the outage). */
  forMin: number;
}

export interface CameraScenario {
  id: CameraScenarioId;
  description: string;
  defaults: { offsetMin: number; forMin: number };
  plan(p: CameraScenarioParams): CameraStep[];
}

const detection = (category: AiCategory, confidence: number) => (p: CameraScenarioParams): CameraStep[] => [
  { atMin: p.offsetMin, action: 'detect', camera: p.camera, category, confidence },
];

export const CAMERA_SCENARIOS: Readonly<Record<CameraScenarioId, CameraScenario>> = {
  'camera-offline-at-lunch': {
    id: 'camera-offline-at-lunch',
    description: 'a camera drops off during lunch service (30 min in, for 20 min), then comes back (FS-CAM-OFFLINE)',
    defaults: { offsetMin: 30, forMin: 20 },
    plan: (p) => [
      { atMin: p.offsetMin, action: 'offline', camera: p.camera },
      { atMin: p.offsetMin + p.forMin, action: 'online', camera: p.camera },
    ],
  },
  'retention-drops': {
    id: 'retention-drops',
    description: 'the recorder is reconfigured to keep only 5 days of video (FS-CAM-RETENTION)',
    defaults: { offsetMin: 0, forMin: 0 },
    plan: (p) => [{ atMin: p.offsetMin, action: 'recorder-days', days: 5 }],
  },
  smoking: {
    id: 'smoking',
    description: 'the edge AI sees someone smoking in the kitchen, confidence 0.9 (FS-AI-EVENT)',
    defaults: { offsetMin: 10, forMin: 0 },
    plan: detection('smoking', 0.9),
  },
  'false-rodent': {
    id: 'false-rodent',
    description: 'the edge AI reports a rodent at 0.6 that is really a cat: a reviewer should reject it (FS-AI-EVENT)',
    defaults: { offsetMin: 10, forMin: 0 },
    plan: detection('rodent', 0.6),
  },
};

export interface PlayOptions extends Partial<CameraScenarioParams> {
  clock: Clock;
  /** Time 0 of the scenario (default clock.now()). */
  startAt?: number;
  /** How often the clock is looked at (default 250 ms); 0: only when tick() is called. */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface CameraScenarioRun {
  readonly steps: readonly CameraStep[];
  /** Steps not played yet. */
  readonly pending: number;
  /** Plays every step due at clock.now(), in order, and resolves with them. */
  tick(): Promise<CameraStep[]>;
  /** Resolves when the last step has played (or on stop()). */
  readonly done: Promise<void>;
  stop(): void;
}

type Target = Pick<EdgeBox, 'cameras' | 'setCameraOnline' | 'setRecorderDays' | 'detect'>;

/** Plays scenario `id` on `box`; a step whose time has come runs at the next look at the clock. */
export function playCameraScenario(box: Target, id: CameraScenarioId, opts: PlayOptions): CameraScenarioRun {
  const scenario = CAMERA_SCENARIOS[id];
  const camera = opts.camera ?? box.cameras()[0]?.camera;
  if (camera === undefined) throw new Error(`scenario ${id}: the edge box has no camera`);
  const { offsetMin = scenario.defaults.offsetMin, forMin = scenario.defaults.forMin } = opts;
  const startAt = opts.startAt ?? opts.clock.now();
  const steps = scenario.plan({ camera, offsetMin, forMin }).sort((a, b) => a.atMin - b.atMin);
  const log = opts.log ?? (() => {});
  let next = 0;
  let chain: Promise<CameraStep[]> = Promise.resolve([]);
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));

  async function playDue(): Promise<CameraStep[]> {
    const played: CameraStep[] = [];
    for (let step = steps[next]; step && startAt + step.atMin * 60_000 <= opts.clock.now(); step = steps[next]) {
      next++;
      try {
        await apply(box, step);
      } catch (err) {
        log(`scenario ${id}: ${step.action} at minute ${step.atMin} failed: ${(err as Error).message}`);
      }
      played.push(step);
    }
    if (next >= steps.length) stop();
    return played;
  }

  // Serialised: a poll and an explicit tick never play the same step twice.
  const tick = () => (chain = chain.then(playDue, playDue));
  const timer = opts.pollMs === 0 ? undefined : setInterval(() => void tick(), opts.pollMs ?? 250);
  timer?.unref();
  function stop(): void {
    clearInterval(timer);
    finish();
  }
  if (steps.length === 0) stop();
  return { steps, get pending() { return steps.length - next; }, tick, done, stop };
}

async function apply(box: Target, step: CameraStep): Promise<void> {
  switch (step.action) {
    case 'offline': return box.setCameraOnline(step.camera, false);
    case 'online': return box.setCameraOnline(step.camera, true);
    case 'recorder-days': return box.setRecorderDays(step.days);
    case 'detect': await box.detect(step.camera, step.category, step.confidence);
  }
}
