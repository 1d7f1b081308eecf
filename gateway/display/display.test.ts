// The gateway's side of `notify`: the command's flat arguments become a notice on the kitchen
// display, the buzzer sounds for alarm and critical, and the reply says whether it was shown.
import { describe, expect, it } from 'vitest';
import { createKitchenDisplay } from '../../firmware-sim/kitchen-display.ts';
import { handleCommand, type CommandTarget } from '../commands.ts';
import { showNotice } from './display.ts';

/** The gateway's clock: 10:02:30 in Shanghai, half a minute after the server sent the notice. */
const NOW = Date.UTC(2026, 10, 20, 2, 2, 30);
const EXPIRES = Date.UTC(2026, 10, 20, 2, 7, 0);
const ARGS = { alertId: 42, step: 'raised', severity: 'alarm', ruleId: 'FS-DOOR', subject: '冷冻柜', text: '【报警】冷冻柜 柜门未关 10:02', buzzer: true, expiresAt: EXPIRES };

function targetWith(display = createKitchenDisplay(), now = NOW): CommandTarget & { display: typeof display } {
  return {
    display, depth: () => 0, setPollInterval: () => undefined, resend: () => undefined, startStream: () => false, stopStream: () => false,
    notify: (args) => showNotice(display, args, now),
  };
}

describe('notify on the gateway', () => {
  it('shows the notice, sounds the buzzer and replies ok with the command\'s id', async () => {
    const target = targetWith();
    const reply = await handleCommand({ v: 1, id: 'c-1', name: 'notify', args: ARGS }, target);
    expect(reply).toEqual({ v: 1, id: 'c-1', ok: true, result: { alertId: 42, shown: true, buzzer: true } });
    expect(target.display.notices).toEqual([{ alertId: 42, step: 'raised', severity: 'alarm', ruleId: 'FS-DOOR', subject: '冷冻柜', text: ARGS.text, buzzer: true, expiresAt: EXPIRES }]);
    expect(target.display.buzzing).toBe(true);
  });

  it('shows a warning without the buzzer', async () => {
    const target = targetWith();
    await handleCommand({ v: 1, id: 'c-2', name: 'notify', args: { ...ARGS, severity: 'warning', buzzer: false } }, target);
    expect([target.display.notices.length, target.display.buzzes]).toEqual([1, 0]);
  });

  it('refuses malformed arguments, a gateway without a display, and reports a display that fails', async () => {
    expect(await handleCommand({ v: 1, id: 'c-3', name: 'notify', args: { ...ARGS, text: '' } }, targetWith()))
      .toMatchObject({ ok: false, error: { code: 'bad_args' } });
    expect(await handleCommand({ v: 1, id: 'c-4', name: 'notify', args: { ...ARGS, buzzer: 'yes' } }, targetWith()))
      .toMatchObject({ ok: false, error: { code: 'bad_args' } });
    expect(await showNotice(undefined, ARGS, NOW)).toMatchObject({ ok: false, code: 'no_display' });
    const target = targetWith();
    target.display.failNext(1);
    expect(await handleCommand({ v: 1, id: 'c-5', name: 'notify', args: ARGS }, target)).toMatchObject({ ok: false, error: { code: 'display_failed' } });
    expect([target.display.notices.length, target.display.buzzes]).toEqual([0, 0]);
  });

  it('(§6) refuses a notice that waited past its expiresAt (a gateway back online after an outage): not shown, no buzzer', async () => {
    const late = targetWith(createKitchenDisplay(), EXPIRES + 1);
    const reply = await handleCommand({ v: 1, id: 'c-6', name: 'notify', args: ARGS }, late);
    expect(reply).toMatchObject({ v: 1, id: 'c-6', ok: false, error: { code: 'expired' } });
    expect([late.display.notices.length, late.display.buzzes, late.display.buzzing]).toEqual([0, 0, false]);
    const iso = await handleCommand({ v: 1, id: 'c-7', name: 'notify', args: { ...ARGS, expiresAt: new Date(EXPIRES).toISOString() } }, late);
    expect(iso).toMatchObject({ ok: false, error: { code: 'expired' } });
    const onTime = targetWith(createKitchenDisplay(), EXPIRES);
    expect(await handleCommand({ v: 1, id: 'c-8', name: 'notify', args: { ...ARGS, expiresAt: new Date(EXPIRES).toISOString() } }, onTime)).toMatchObject({ ok: true });
    expect(await handleCommand({ v: 1, id: 'c-9', name: 'notify', args: { ...ARGS, expiresAt: 'soon' } }, onTime)).toMatchObject({ ok: false, error: { code: 'bad_args' } });
  });
});
