// The composition root's wiring of the notifier (rule book section 6, decision 0011): every
// emitted alert and every escalation step passes the notifier, and a notifier that throws must not
// take the rules or the escalation down with it. Built, not started: no broker, no InfluxDB.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { manualClock } from '../contracts/clock.ts';
import { createServer } from './create-server.ts';

/** 2026-11-20 10:00 in Shanghai. */
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);

function builtServer() {
  const clock = manualClock(T0);
  const logged: Array<{ msg: string; alertId?: number }> = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line) as { msg: string }) });
  const server = createServer({
    httpPort: 0, mqtt: { url: 'mqtt://127.0.0.1:1', username: 'x', password: 'x' }, influx: { url: 'http://127.0.0.1:1', database: 'x' },
    sqlitePath: ':memory:', clock, logger,
  });
  server.registry.saveKitchen({ id: 'k007', name: '春晖社区长者饭堂', district: '示范区', address: '', siteType: '长者饭堂', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' });
  return { clock, server, logged };
}

describe('the notifier in the composition root', () => {
  it('(§6) a notifier that throws is logged, and neither the rules that raise alerts nor the escalation notice it', () => {
    const { clock, server, logged } = builtServer();
    const broken = () => {
      throw new Error('notifier down');
    };
    server.notifier.onAlert = broken;
    server.notifier.notify = broken;

    // The registry's rules raise FS-REG-LICENCE (no licence on file) and emit it: past the notifier, on to the end.
    expect(() => server.registryReminders.check('k007')).not.toThrow();
    expect(server.alerts.list({ kitchenId: 'k007' }).map((a) => a.ruleId)).toContain('FS-REG-LICENCE');

    const crit = server.alerts.raise({
      kitchenId: 'k007', deviceId: 'chiller-1', ruleId: 'FS-COLD-CRIT', severity: 'critical', profile: 'CN-GB31654',
      message: 'warm', firstOutAt: T0, raisedAt: T0, value: 13, storedAt: T0,
    }).alert;
    server.alerts.acknowledge(crit.id, '刘师傅', T0 + 60_000);
    clock.set(T0 + 4 * 3_600_000); // unresolved at 4 h: the manager, then the board, both announced, both failing
    expect(server.escalation.tick().map((a) => [a.id, a.escalatedTo])).toEqual([[crit.id, 'manager'], [crit.id, 'inspector']]);
    expect(server.alerts.get(crit.id)?.escalatedTo).toBe('inspector');
    expect(logged.map((l) => l.msg)).toEqual(expect.arrayContaining([
      'notifier failed on alert:raised', 'notifier failed on escalation to manager', 'notifier failed on escalation to inspector',
    ]));
  });
});
