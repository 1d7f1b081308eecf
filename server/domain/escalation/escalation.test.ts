// Escalation as a table (rule book section 6): to the manager when still unacknowledged 15 min
// after the raise (or after the server stored it, if later), to the inspector's board when
// critical and unresolved 4 h after its first raise or at that day's site-local midnight if that
// comes first, never without the manager first; once per level, never downwards; reminders never.
// Clearing by the data is not in the rule's input: server/app/escalation.test.ts shows it on a store.
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
  severity: 'warning', status: 'active', raisedAt: iso(T0), firstRaisedAt: iso(T0), storedAt: iso(T0), escalatedTo: null, ...a,
});

type Case = [name: string, subject: EscalationSubject, now: number, expected: Array<[Alert['escalatedTo'], string]>];

const CASES: Case[] = [
  ['(§6) unacknowledged at 14:59: not yet', alert(), min(14) + 59_000, []],
  ['(§6) unacknowledged at 15:00: to the manager', alert(), min(15), [['manager', 'unacknowledged']]],
  ['(§6) acknowledged before 15 min: never to the manager', alert({ status: 'acknowledged' }), min(600), []],
  ['(§6) at the manager already: not again', alert({ escalatedTo: 'manager' }), min(60), []],
  ['(§6) at the manager already and re-alarmed: not again, levels only go up', alert({ escalatedTo: 'manager', raisedAt: iso(min(60)), storedAt: iso(min(60)) }), min(120), []],
  ['(§6) a re-alarm (raisedAt moved, active again) starts the ack clock again', alert({ raisedAt: iso(min(60)), storedAt: iso(min(60)) }), min(74), []],
  ['(§6) … and escalates 15 min after the re-alarm', alert({ raisedAt: iso(min(60)), storedAt: iso(min(60)) }), min(75), [['manager', 'unacknowledged']]],
  ['(§6) raised 50 min before a gateway\'s backlog reached the server: not yet 14:59 after it was stored', alert({ storedAt: iso(min(50)) }), min(64) + 59_000, []],
  ['(§6) … to the manager 15 min after it was stored', alert({ storedAt: iso(min(50)) }), min(65), [['manager', 'unacknowledged']]],
  ['(§6) critical, acknowledged, unresolved at 3 h 59: not yet', alert({ severity: 'critical', status: 'acknowledged' }), min(239), []],
  ['(§6) critical, acknowledged, unresolved at 4 h: the manager, then the inspector\'s board', alert({ severity: 'critical', status: 'acknowledged' }), min(240), [['manager', 'critical_unresolved'], ['inspector', 'critical_unresolved']]],
  ['(§6) critical, acknowledged, at the manager already, unresolved at 4 h: the inspector\'s board', alert({ severity: 'critical', status: 'acknowledged', escalatedTo: 'manager' }), min(240), [['inspector', 'critical_unresolved']]],
  ['(§6) critical, never acknowledged, found at 4 h: manager then inspector', alert({ severity: 'critical' }), min(240), [['manager', 'unacknowledged'], ['inspector', 'critical_unresolved']]],
  ['(§6) critical re-alarmed: the board clock runs from the first raise, not the re-alarm', alert({ severity: 'critical', status: 'acknowledged', escalatedTo: 'manager', raisedAt: iso(min(180)), storedAt: iso(min(180)) }), min(240), [['inspector', 'critical_unresolved']]],
  ['(§6) critical from a gateway\'s backlog: the board clock runs from its first raise, not from when it was stored', alert({ severity: 'critical', status: 'acknowledged', escalatedTo: 'manager', storedAt: iso(min(200)) }), min(240), [['inspector', 'critical_unresolved']]],
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
    const subject = alert({ severity: 'critical', status: 'acknowledged', escalatedTo: 'manager', raisedAt: iso(raised), firstRaisedAt: iso(raised), storedAt: iso(raised) });
    const midnight = Date.UTC(2026, 10, 20, 16, 0, 0); // 00:00 on the 21st in Shanghai, 16:00 UTC
    expect(escalationsDue(subject, P, midnight - 1, SHANGHAI)).toEqual([]);
    expect(escalationsDue(subject, P, midnight, SHANGHAI)).toEqual([{ level: 'inspector', reason: 'day_end', dueAt: midnight }]);
  });

  it('(§6) a critical alert raised at 23:55 and unacknowledged at midnight goes to the manager first, then the board', () => {
    const raised = Date.UTC(2026, 10, 20, 15, 55, 0); // 23:55 in Shanghai
    const subject = alert({ severity: 'critical', raisedAt: iso(raised), firstRaisedAt: iso(raised), storedAt: iso(raised) });
    const midnight = Date.UTC(2026, 10, 20, 16, 0, 0);
    expect(escalationsDue(subject, P, midnight, SHANGHAI)).toEqual([
      { level: 'manager', reason: 'day_end', dueAt: midnight },
      { level: 'inspector', reason: 'day_end', dueAt: midnight },
    ]);
  });

  it('(§6) first out of range at 23:00 but raised at 01:00: the board\'s clock starts at the raise (not at once), the manager gets his 15 min', () => {
    const firstOut = Date.UTC(2026, 10, 20, 15, 0, 0); // 23:00 in Shanghai
    const raised = Date.UTC(2026, 10, 20, 17, 0, 0); // 01:00 on the 21st
    const subject = { ...alert({ severity: 'critical', raisedAt: iso(raised), firstRaisedAt: iso(raised), storedAt: iso(raised) }), firstOutAt: iso(firstOut) };
    expect(escalationsDue(subject, P, raised, SHANGHAI)).toEqual([]);
    expect(escalationsDue(subject, P, raised + 15 * 60_000, SHANGHAI)).toEqual([{ level: 'manager', reason: 'unacknowledged', dueAt: raised + 15 * 60_000 }]);
    const board = escalationsDue({ ...subject, escalatedTo: 'manager' }, P, raised + 4 * 3_600_000, SHANGHAI);
    expect(board).toEqual([{ level: 'inspector', reason: 'critical_unresolved', dueAt: raised + 4 * 3_600_000 }]);
  });

  it('(§6) the day ends at the kitchen\'s midnight, not the server\'s (UTC midnight is 08:00 in Shanghai)', () => {
    const raised = Date.UTC(2026, 10, 20, 23, 0, 0); // 07:00 on the 21st in Shanghai
    const subject = alert({ severity: 'critical', status: 'acknowledged', raisedAt: iso(raised), firstRaisedAt: iso(raised), storedAt: iso(raised) });
    expect(escalationsDue(subject, P, Date.UTC(2026, 10, 21, 0, 0, 0), SHANGHAI)).toEqual([]); // UTC midnight: nothing
    expect(escalationsDue(subject, P, raised + 4 * 3_600_000, SHANGHAI)).toMatchObject([{ level: 'manager' }, { level: 'inspector', reason: 'critical_unresolved' }]);
  });
});
