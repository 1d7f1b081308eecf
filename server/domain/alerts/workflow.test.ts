// The alert workflow's rules as tables (rule book section 6): which step each status allows,
// which roles may take it, who may verify, and what a corrective action must say.
import { describe, expect, it } from 'vitest';
import type { AlertStatus } from '../../../contracts/api.ts';
import type { Role } from '../../../contracts/auth.ts';
import { can } from '../access/permissions.ts';
import { mayComment, mayVerify, stepActs, type AlertStep } from './workflow.ts';
import { checkCloseRequest, checkCommentRequest, checkResolveRequest } from './requests.ts';

const TRANSITIONS: Array<[AlertStatus, AlertStep, string[] | 'refused']> = [
  ['active', 'acknowledge', ['acknowledged']],
  ['active', 'resolve', ['acknowledged', 'resolved']], // implicit acknowledge by the same person
  ['active', 'close', 'refused'],
  ['acknowledged', 'acknowledge', 'refused'],
  ['acknowledged', 'resolve', ['resolved']],
  ['acknowledged', 'close', 'refused'],
  ['resolved', 'acknowledge', 'refused'],
  ['resolved', 'resolve', 'refused'],
  ['resolved', 'close', ['closed']],
  ['closed', 'acknowledge', 'refused'],
  ['closed', 'resolve', 'refused'],
  ['closed', 'close', 'refused'],
];

describe('alert transitions', () => {
  it.each(TRANSITIONS)('%s → %s: %j', (status, step, expected) => {
    const d = stepActs(status, step);
    if (expected === 'refused') expect(d).toMatchObject({ ok: false, code: 'invalid_transition', message: `cannot ${step} an alert that is ${status}` });
    else expect(d).toEqual({ ok: true, value: expected });
  });
});

const ROLES: Array<[Role, { ack: boolean; resolve: boolean; close: boolean; comment: boolean }]> = [
  ['kitchen_staff', { ack: true, resolve: true, close: false, comment: true }],
  ['kitchen_manager', { ack: true, resolve: true, close: true, comment: true }],
  ['inspector', { ack: false, resolve: false, close: true, comment: true }],
  ['auditor', { ack: false, resolve: false, close: false, comment: false }],
  ['admin', { ack: true, resolve: true, close: true, comment: true }],
];

describe('who may act on an alert', () => {
  it.each(ROLES)('%s: %j', (role, may) => {
    const scope = new Set(['k1']);
    expect(can({ role }, 'alert:ack', 'k1', scope)).toBe(may.ack);
    expect(can({ role }, 'alert:resolve', 'k1', scope)).toBe(may.resolve);
    expect(can({ role }, 'alert:close', 'k1', scope)).toBe(may.close);
    expect(mayComment(role).ok).toBe(may.comment);
  });

  it.each<[string, string | null, string, Role, boolean]>([
    ['a second manager verifies', 'wang', 'li', 'kitchen_manager', true],
    ['an inspector verifies', 'wang', 'zhao', 'inspector', true],
    ['the resolver may not verify their own action', 'li', 'li', 'kitchen_manager', false],
    ['usernames match whatever their case', 'Li', 'li', 'inspector', false],
    ['an administrator may verify their own', 'root', 'root', 'admin', true],
    ['nobody recorded as resolver (resolved by a review)', null, 'li', 'kitchen_manager', true],
  ])('%s', (_name, resolver, verifier, role, ok) => {
    const d = mayVerify(resolver === null ? null : { username: resolver }, { username: verifier, role });
    expect(d.ok).toBe(ok);
    if (!d.ok) expect(d).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/second person must verify/) });
  });
});

const resolveBody = (disposition: object) => ({ cause: 'door', correctiveAction: '关好门，检查门封', disposition });

describe('corrective action bodies', () => {
  it.each<[string, unknown, string | true]>([
    ['kept with a reason', resolveBody({ kind: 'kept', reason: '门开不足 10 分钟，温度未超 8 °C' }), true],
    ['kept without a reason', resolveBody({ kind: 'kept' }), 'disposition kept needs a reason'],
    ['kept with a blank reason', resolveBody({ kind: 'kept', reason: '  ' }), 'disposition kept needs a reason'],
    ['discarded with a quantity', resolveBody({ kind: 'discarded', quantity: '3 kg' }), true],
    ['discarded without a quantity', resolveBody({ kind: 'discarded' }), 'disposition discarded needs a quantity'],
    ['moved without a quantity', resolveBody({ kind: 'moved', reason: 'to chiller-2' }), 'disposition moved needs a quantity'],
    ['reheated', resolveBody({ kind: 'reheated' }), true],
    ['none affected', resolveBody({ kind: 'none' }), true],
    ['an unknown cause', { ...resolveBody({ kind: 'none' }), cause: 'ghosts' }, '/cause'],
    ['an unknown disposition', resolveBody({ kind: 'eaten' }), '/disposition'],
    ['no corrective action', { cause: 'door', disposition: { kind: 'none' } }, '/correctiveAction'],
    ['a blank corrective action', { ...resolveBody({ kind: 'none' }), correctiveAction: ' ' }, 'correctiveAction must say what was done'],
    ['a name typed in', { ...resolveBody({ kind: 'none' }), by: '李经理' }, 'expected'],
    ['no body', undefined, 'expected'],
  ])('resolve: %s', (_name, body, expected) => {
    const checked = checkResolveRequest(body);
    if (expected === true) expect(checked.ok).toBe(true);
    else expect(checked).toMatchObject({ ok: false, message: expect.stringContaining(expected) });
  });

  it.each<[unknown, boolean]>([[undefined, true], [{}, true], [{ note: '已核实记录与现场一致' }, true], [{ note: 3 }, false], [{ by: 'x' }, false]])(
    'close: %j → %s', (body, ok) => expect(checkCloseRequest(body).ok).toBe(ok),
  );

  it.each<[unknown, boolean]>([[{ text: '已通知维修' }, true], [{ text: '' }, false], [{ text: '   ' }, false], [{}, false], [{ text: 'x'.repeat(501) }, false]])(
    'comment: %j → %s', (body, ok) => expect(checkCommentRequest(body).ok).toBe(ok),
  );
});
