// The one place that runs ffmpeg: spawning with every child tracked so none
// outlives the simulator (killed on stop, and on process exit or a signal),
// stopping politely then firmly, and grabbing one JPEG from an RTSP stream.
import { spawn, type ChildProcess } from 'node:child_process';

export const FFMPEG = process.env.FFMPEG ?? 'ffmpeg';
/** Debian's fonts-dejavu-core: monospaced, so the time in the label does not jitter. */
export const LABEL_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

const children = new Set<ChildProcess>();
let hooked = false;

/** Kills what is left when this process goes: 'exit' cannot wait, so SIGKILL at once. */
function hookProcessExit(): void {
  if (hooked) return;
  hooked = true;
  const killAll = () => children.forEach((c) => c.kill('SIGKILL'));
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      // Ours was the only handler: dying of the signal is what the user asked for.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** ffmpeg with stdin closed, stdout piped (or ignored), stderr piped. */
export function spawnFfmpeg(args: readonly string[], stdout: 'pipe' | 'ignore' = 'ignore', env: NodeJS.ProcessEnv = process.env): ChildProcess {
  hookProcessExit();
  const child = spawn(FFMPEG, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', stdout, 'pipe'], env });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
}

/** SIGTERM (ffmpeg then closes its output cleanly: a TEARDOWN), SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The last `max` characters of a child's stderr, for a log line when it dies. */
export function stderrTail(child: ChildProcess, max = 400): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-max);
  });
  return () => tail.trim();
}

/**
 * One frame of an RTSP stream as a JPEG, read as any client of the relay would.
 * The SDP carries the H.264 parameter sets, so a short probe is enough and the
 * grab costs about one keyframe interval.
 */
export function grabJpeg(rtspUrl: string, timeoutMs = 10_000): Promise<Buffer> {
  const child = spawnFfmpeg(
    ['-loglevel', 'error', '-rtsp_transport', 'tcp', '-analyzeduration', '500000', '-i', rtspUrl,
      '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '5', '-'],
    'pipe',
  );
  const tail = stderrTail(child);
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const jpeg = Buffer.concat(chunks);
      if (code === 0 && jpeg.length > 2 && jpeg[0] === 0xff && jpeg[1] === 0xd8) resolve(jpeg);
      else reject(new Error(`snapshot of ${rtspUrl} failed (${signal ?? `exit ${code}`}): ${tail() || 'no output'}`));
    });
  });
}
