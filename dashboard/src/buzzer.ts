// When the kitchen's buzzer sounds (rule book section 6: an alarm must reach the people at the
// unit). A pure decision, so it is tested without a browser or a clock: an alarm or critical
// alert of the kitchen that is still active (nobody has acknowledged it) sounds at once when it
// is raised, then again every 30 s, like a kitchen buzzer, until someone acknowledges it.
import type { Alert } from '../../contracts/api.ts';

export const REPEAT_MS = 30_000;

export interface BuzzerMemory {
  /** When we last sounded; null while nothing is sounding. */
  lastBeepAt: number | null;
  /** The alarming alerts already announced, by id and raise time (a re-alarm is news again). */
  heard: ReadonlySet<string>;
}

export interface BuzzerDecision {
  beep: boolean;
  /** Something is alarming now (the control shows it, even when muted). */
  sounding: boolean;
  memory: BuzzerMemory;
}

export const SILENT: BuzzerMemory = { lastBeepAt: null, heard: new Set() };

const heardKey = (a: Alert): string => `${a.id}@${a.raisedAt}`;

/** The kitchen's alerts that call for the buzzer: alarm or critical, and not yet acknowledged. */
export function alarmingAlerts(alerts: Iterable<Alert>, kitchenId: string): Alert[] {
  const out: Alert[] = [];
  for (const a of alerts) {
    if (a.kitchenId === kitchenId && a.status === 'active' && (a.severity === 'alarm' || a.severity === 'critical')) out.push(a);
  }
  return out;
}

export function decideBeep(
  memory: BuzzerMemory,
  alerts: Iterable<Alert>,
  kitchenId: string,
  now: number,
  repeatMs: number = REPEAT_MS,
): BuzzerDecision {
  const alarming = alarmingAlerts(alerts, kitchenId);
  if (!alarming.length) return { beep: false, sounding: false, memory: SILENT };
  const heard = new Set(alarming.map(heardKey));
  const news = [...heard].some((k) => !memory.heard.has(k));
  const due = memory.lastBeepAt === null || now - memory.lastBeepAt >= repeatMs;
  const beep = news || due;
  return { beep, sounding: true, memory: { lastBeepAt: beep ? now : memory.lastBeepAt, heard } };
}
