// The kitchen display and buzzer behind a gateway (issue 5): the `notify` command shows an alert
// where the kitchen can see it and sounds the buzzer for alarm and critical ones, so the kitchen
// learns of an alert without a phone or a dashboard open. The display is a port; a real one is a
// driver (a screen over HDMI or a sign over RS-485), the simulated one firmware-sim/kitchen-display.ts.

/** One notice, as the server sent it in the command's flat arguments. */
export interface DisplayNotice {
  alertId: number;
  step: string;
  severity: string;
  ruleId: string;
  subject: string;
  /** The line to show, already in the kitchen's language. */
  text: string;
  buzzer: boolean;
  /** After this (epoch ms, the gateway's clock) the notice is stale and refused; null: no limit. */
  expiresAt: number | null;
}

export interface KitchenDisplay {
  /** Shows the notice; rejects when the display cannot (then the server retries). */
  show(notice: DisplayNotice): Promise<void>;
  /** Sounds the buzzer until someone silences it at the display. */
  buzz(): Promise<void>;
}

type Args = Record<string, string | number | boolean> | undefined;

const MAX_TEXT = 500;

/** expiresAt as epoch ms (given as a number or an ISO time); null when absent, NaN when unreadable. */
function expiryOf(value: string | number | boolean | undefined): number | null {
  if (value === undefined) return null; // a server before expiresAt: no limit
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

/** The notice in a command's arguments, or why it is not one. */
export function parseNotice(args: Args): { ok: true; notice: DisplayNotice } | { ok: false; message: string } {
  const a = args ?? {};
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const { alertId, buzzer } = a;
  const text = str('text');
  const expiresAt = expiryOf(a.expiresAt);
  if (typeof alertId !== 'number' || !Number.isInteger(alertId) || alertId < 0) return { ok: false, message: 'alertId must be an integer ≥ 0' };
  if (!text || text.length > MAX_TEXT) return { ok: false, message: `text must be 1..${MAX_TEXT} characters` };
  if (buzzer !== undefined && typeof buzzer !== 'boolean') return { ok: false, message: 'buzzer must be a boolean' };
  if (Number.isNaN(expiresAt)) return { ok: false, message: 'expiresAt must be epoch ms or an ISO time' };
  return {
    ok: true,
    notice: {
      alertId, text, buzzer: buzzer === true, step: str('step') ?? 'raised', severity: str('severity') ?? 'warning', ruleId: str('ruleId') ?? '',
      subject: str('subject') ?? '', expiresAt,
    },
  };
}

/**
 * Shows the notice and, when asked, sounds the buzzer: the reply's result, or an error code. A
 * notice past its expiresAt by the gateway's clock `now` is refused (`expired`), neither shown nor
 * sounded: it waited in the broker while the gateway was offline, and its alert may be long dealt with.
 */
export async function showNotice(display: KitchenDisplay | undefined, args: Args, now: number):
  Promise<{ ok: true; result: Record<string, unknown> } | { ok: false; code: string; message: string }> {
  const parsed = parseNotice(args);
  if (!parsed.ok) return { ok: false, code: 'bad_args', message: parsed.message };
  const { expiresAt } = parsed.notice;
  if (expiresAt !== null && now > expiresAt) return { ok: false, code: 'expired', message: `the notice expired at ${new Date(expiresAt).toISOString()}` };
  if (!display) return { ok: false, code: 'no_display', message: 'this gateway has no kitchen display' };
  try {
    await display.show(parsed.notice);
    if (parsed.notice.buzzer) await display.buzz();
  } catch (err) {
    return { ok: false, code: 'display_failed', message: (err as Error).message || 'the display did not take the notice' };
  }
  return { ok: true, result: { alertId: parsed.notice.alertId, shown: true, buzzer: parsed.notice.buzzer } };
}
