// Downlink commands, answered with the command's correlation id.
import type { CommandMessage, ReplyMessage } from '../contracts/payloads.ts';
import type { showNotice } from './display/display.ts';

export interface CommandTarget {
  depth(): number;
  setPollInterval(ms: number): void;
  resend(): void;
  /** Starts (or keeps alive) a camera's live relay; false when the camera is unknown. */
  startStream(cameraId: string): boolean;
  stopStream(cameraId: string): boolean;
  /** Shows an alert on the kitchen display (gateway/display/display.ts). */
  notify(args: CommandMessage['args']): ReturnType<typeof showNotice>;
}

export async function handleCommand(cmd: CommandMessage, target: CommandTarget): Promise<ReplyMessage> {
  const ok = (result: Record<string, unknown>): ReplyMessage => ({ v: 1, id: cmd.id, ok: true, result });
  const error = (code: string, message: string): ReplyMessage => ({ v: 1, id: cmd.id, ok: false, error: { code, message } });
  switch (cmd.name) {
    case 'ping':
      return ok({ outboxDepth: target.depth() });
    case 'set-interval': {
      const seconds = cmd.args?.seconds;
      if (typeof seconds !== 'number' || seconds < 1 || seconds > 3600) return error('bad_args', 'seconds must be 1..3600');
      target.setPollInterval(seconds * 1000);
      return ok({ seconds });
    }
    case 'resend':
      target.resend();
      return ok({ outboxDepth: target.depth() });
    case 'stream-start':
    case 'stream-stop': {
      const camera = cmd.args?.camera;
      if (typeof camera !== 'string') return error('bad_args', 'camera is required');
      const known = cmd.name === 'stream-start' ? target.startStream(camera) : target.stopStream(camera);
      return known ? ok({ camera, streaming: cmd.name === 'stream-start' }) : error('unknown_camera', `no camera ${camera}`);
    }
    case 'notify': {
      // The reply is the server's proof of delivery: ok only once the display took the notice.
      const shown = await target.notify(cmd.args);
      return shown.ok ? ok(shown.result) : error(shown.code, shown.message);
    }
  }
}
