// The gateway's side of `notify`: the command's flat arguments become a notice on the kitchen
// display, the buzzer sounds for alarm and critical, and the reply says whether it was shown.
import { describe, expect, it } from 'vitest';
import { createKitchenDisplay } from '../../firmware-sim/kitchen-display.ts';
import { handleCommand, type CommandTarget } from '../commands.ts';
import { showNotice } from './display.ts';

const ARGS = { alertId: 42, step: 'raised', severity: 'alarm', ruleId: 'FS-DOOR', subject: '冷冻柜', text: '【报警】冷冻柜 柜门未关 10:02', buzzer: true };

function targetWith(display = createKitchenDisplay()): CommandTarget & { display: typeof display } {
  return {
    display, depth: () => 0, setPollInterval: () => undefined, resend: () => undefined, startStream: () => false, stopStream: () => false,
    notify: (args) => showNotice(display, args),
  };
}

describe('notify on the gateway', () => {
  it('shows the notice, sounds the buzzer and replies ok with the command\'s id', async () => {
    const target = targetWith();
    const reply = await handleCommand({ v: 1, id: 'c-1', name: 'notify', args: ARGS }, target);
    expect(reply).toEqual({ v: 1, id: 'c-1', ok: true, result: { alertId: 42, shown: true, buzzer: true } });
    expect(target.display.notices).toEqual([{ alertId: 42, step: 'raised', severity: 'alarm', ruleId: 'FS-DOOR', subject: '冷冻柜', text: ARGS.text, buzzer: true }]);
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
    expect(await showNotice(undefined, ARGS)).toMatchObject({ ok: false, code: 'no_display' });
    const target = targetWith();
    target.display.failNext(1);
    expect(await handleCommand({ v: 1, id: 'c-5', name: 'notify', args: ARGS }, target)).toMatchObject({ ok: false, error: { code: 'display_failed' } });
    expect([target.display.notices.length, target.display.buzzes]).toEqual([0, 0]);
  });
});
