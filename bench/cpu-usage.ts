// CPU time of the benchmark's processes over the measured window, from
// /proc/<pid>/stat (Linux; elsewhere the column stays empty). It answers "which
// process is the limit" in the same run as the figures, e.g. whether influxd,
// sharing the cores with everything else, is saturated.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ; 100 on every Linux we run on

export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the parenthesised command name: state is 3rd, utime 14th, stime 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineSeconds(): number | undefined {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = values.map(Number) as number[];
    return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export type Pids = Record<string, number | undefined>;

/** Starts measuring; the returned function gives each process's CPU use in
 *  percent of one core since the start (200 % = both cores of a 2-core machine),
 *  and "other": the machine's busy time not spent in these processes — other
 *  work on a shared machine, which the figures of that run suffer from. */
export function cpuMeter(pids: Pids): () => Record<string, string> {
  const t0 = performance.now();
  const read = (): Record<string, number | undefined> => ({
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)])), machine: machineSeconds(),
  });
  const start = read();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const end = read();
    const used: Record<string, number | undefined> = {};
    for (const name of Object.keys(end)) {
      const a = start[name];
      const b = end[name];
      used[name] = a === undefined || b === undefined ? undefined : (b - a) / seconds;
    }
    const ours = Object.keys(pids).reduce((sum, name) => sum + (used[name] ?? 0), 0);
    if (used.machine !== undefined) used.other = Math.max(0, used.machine - ours);
    delete used.machine;
    return Object.fromEntries(Object.entries(used).map(([name, v]) => [name, v === undefined ? '—' : `${Math.round(100 * v)} %`]));
  };
}
