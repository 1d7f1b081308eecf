// CPU and memory of process groups for the video benchmark. A group is a list of
// pids taken at the start of a window: a gateway process and its ffmpeg
// transcoders, the camera simulator and its encoders. The video path spreads its
// load over many processes, and the question is whose load it is.
import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds, machineSeconds } from './cpu-usage.ts';

export type Groups = Record<string, readonly number[]>;

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the parenthesised command name: state, then ppid.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // gone between readdir and read
  }
}

/** Every living descendant of `root` (children, grandchildren…), from /proc. */
export function descendantsOf(root: number | undefined): number[] {
  if (root === undefined) return [];
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid !== undefined) parents.set(Number(name), ppid);
  }
  const found: number[] = [];
  let frontier = new Set([root]);
  while (frontier.size > 0) {
    const next = [...parents].filter(([, ppid]) => frontier.has(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = new Set(next);
  }
  return found;
}

const groupSeconds = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);

/**
 * Starts measuring; the returned function gives each group's CPU in % of one core
 * since the start (200 % = both cores here), plus "other" (the machine's busy time
 * outside these groups: someone else's load, which the figures then suffer from)
 * and "machine" (all busy time). A process that exits in the window counts for
 * nothing, so take the groups while the load is steady.
 */
export function groupMeter(groups: Groups): () => Record<string, number> {
  const t0 = performance.now();
  const start = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, groupSeconds(pids)]));
  const machine0 = machineSeconds() ?? 0;
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const used: Record<string, number> = {};
    for (const [name, pids] of Object.entries(groups)) used[name] = (100 * (groupSeconds(pids) - start[name]!)) / seconds;
    const machine = (100 * ((machineSeconds() ?? 0) - machine0)) / seconds;
    const ours = Object.values(used).reduce((a, b) => a + b, 0);
    return { ...used, other: Math.max(0, machine - ours), machine };
  };
}

/** Resident set size in MB, from /proc/<pid>/status; undefined once the process is gone. */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs`; the returned function stops and gives the peak and the last sample. */
export function rssSampler(pid: number | undefined, everyMs = 250): () => { peakMb: number; lastMb: number } {
  let peakMb = 0;
  let lastMb = 0;
  const sample = () => {
    lastMb = rssMb(pid) ?? lastMb;
    peakMb = Math.max(peakMb, lastMb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return () => {
    clearInterval(timer);
    sample();
    return { peakMb, lastMb };
  };
}

