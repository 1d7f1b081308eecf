// Escalation as a table (rule book section 6): to the manager when still unacknowledged 15 min
// after the raise, to the inspector's board when critical and unresolved after 4 h or at the
// site-local midnight if that comes first; once per level, never downwards; reminders never.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../contracts/api.ts';
import { CN_GB31654 } from '../../../contracts/profiles.ts';
import { siteCalendar } from '../../app/site-calendar.ts';
import { escalationsDue, type EscalationSubject } from './escalation.ts';

const P = CN_GB31654.escalation;
const SHANGHAI = siteCalendar('Asia/Shanghai');
/** 2026-11-20 10:00 in Shanghai (02:00 UTC). */
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);
const min = (m: number) => T0 + m * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const alert = (a: Partial<EscalationSubject> = {}): EscalationSubject => ({
  severity: 'warning', status: 'active', raisedAt: iso(T0), firstOutAt: iso(T0), escalatedTo: null, ...a,
});

type Case = [name: string, subject: EscalationSubject, now: number, expected: Array<[Alert['escalatedTo'], string]>];

const CASES: Case[] = [
  ['(§6) unacknowledged at 14:59: not yet', alert(), min(14) + 59_000, []],
  ['(§6) unacknowledged at 15:00: to the manager', alert(), min(15), [['manager', 'unacknowledged']]],
  ['(§6) acknowledged before 15 min: never to the manager', alert({ status: 'acknowledged' }), min(600), []],
  ['(§6) cleared by the data but nobody acknowledged: still to the manager', alert({ status: 'active' }), min(20), [['manager', 'unacknowledged']]],
  ['(§6) at the manager already: not again', alert({ escalatedTo: 'manager' }), min(60), []],
  ['(§6) a re-alarm (raisedAt moved, active again) starts the ack clock again', alert({ raisedAt: iso(min(60)) }), min(74), []],
  ['(§6) … and escalates 15 min after the re-alarm', alert({ raisedAt: iso(min(60)) }), min(75), [['manager', 'unacknowledged']]],
  ['(§6) critical, acknowledged, unresolved at 3 h 59: not yet', alert({ severity: 'critical', status: 'acknowledged' }), min(239), []],
  ['(§6) critical, acknowledged, unresolved at 4 h: the inspector\'s board', alert({ severity: 'critical', status: 'acknowledged' }), min(240), [['inspector', 'critical_unresolved']]],
  ['(§6) critical, never acknowledged, found at 4 h: manager then inspector', alert({ severity: 'critical' }), min(240), [['manager', 'unacknowledged'], ['inspector', 'critical_unresolved']]],
  ['(§6) critical re-alarmed: the board clock runs from the first time out, not the re-alarm', alert({ severity: 'critical', status: 'acknowledged', raisedAt: iso(min(180)) }), min(240), [['inspector', 'critical_unresolved']]],
  ['(§6) alarm (not critical) unresolved for a day: never the board', alert({ severity: 'alarm', status: 'acknowledged' }), min(24 * 60), []],
  ['(§6) at the inspector already: nothing more, never back to the manager', alert({ severity: 'critical', escalatedTo: 'inspector' }), min(600), []],
  ['(§6) resolved: no escalation', alert({ severity: 'critical', status: 'resolved' }), min(600), []],
  ['(§6) closed: no escalation', alert({ status: 'closed' }), min(600), []],
  ['[FS-CAL-DUE] a reminder never escalates', alert({ severity: 'reminder' }), min(600), []],
];

describe('escalation', () => {
  it.each(CASES)('%s', (_name, subject, now, expected) => {
    expect(escalationsDue(subject, P, now, SHANGHAI).map((d) => [d.level, d.reason])).toEqual(expected);
  });

  it('(§6) a critical alert raised at 22:00 in Shanghai reaches the board at the site-local midnight, before its 4 h', () => {
    const raised = Date.UTC(2026, 10, 20, 14, 0, 0); // 22:00 in Shanghai
    const subject = alert({ severity: 'critical', status: 'acknowledged', raisedAt: iso(raised), firstOutAt: iso(raised) });
    const midnight = Date.UTC(2026, 10, 20, 16, 0, 0); // 00:00 on the 21st in Shanghai, 16:00 UTC
    expect(escalationsDue(subject, P, midnight - 1, SHANGHAI)).toEqual([]);
    expect(escalationsDue(subject, P, midnight, SHANGHAI)).toEqual([{ level: 'inspector', reason: 'day_end', dueAt: midnight }]);
  });

  it('(§6) the day ends at the kitchen\'s midnight, not the server\'s (UTC midnight is 08:00 in Shanghai)', () => {
    const raised = Date.UTC(2026, 10, 20, 23, 0, 0); // 07:00 on the 21st in Shanghai
    const subject = alert({ severity: 'critical', status: 'acknowledged', raisedAt: iso(raised), firstOutAt: iso(raised) });
    expect(escalationsDue(subject, P, Date.UTC(2026, 10, 21, 0, 0, 0), SHANGHAI)).toEqual([]); // UTC midnight: nothing
    expect(escalationsDue(subject, P, raised + 4 * 3_600_000, SHANGHAI)).toMatchObject([{ level: 'inspector', reason: 'critical_unresolved' }]);
  });
});
