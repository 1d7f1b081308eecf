import { describe, expect, it } from 'vitest';
import type { Reading } from '../contracts/payloads.ts';
import { decodePayload } from '../contracts/validate.ts';
import { deviceInfo, toReading } from './convert.ts';
import type { RawSample } from './drivers/types.ts';

const TS = Date.UTC(2024, 5, 3, 8, 0);
const raw = (over: Partial<RawSample> = {}): RawSample => ({
  deviceId: 'chiller-1', ts: TS, tempC: 3.14159, door: false, defrost: false, ...over,
});
const meta = { kind: 'chiller', oid: 17, seq: 4 } as const;

function valid(reading: Reading): void {
  const decoded = decodePayload('reading', JSON.stringify({ v: 1, reading }));
  expect(decoded, JSON.stringify(decoded)).toMatchObject({ ok: true });
}

describe('toReading', () => {
  it.each<[string, Partial<RawSample>, Partial<Reading>]>([
    ['a normal sample, rounded to 0.1 °C', {}, { temp: 3.1, door: false, defrost: false }],
    ['door open during defrost', { tempC: 6.96, door: true, defrost: true }, { temp: 7, door: true, defrost: true }],
    ['a freezer temperature', { tempC: -18.25 }, { temp: -18.2 }],
    ['no negative zero', { tempC: -0.04 }, { temp: 0 }],
    ['probe open', { tempC: null, fault: 'probe_open', door: true }, { temp: null, fault: 'probe_open', door: true }],
    ['probe short', { tempC: null, fault: 'probe_short' }, { temp: null, fault: 'probe_short' }],
    ['a null temperature without a fault is a broken probe', { tempC: null }, { temp: null, fault: 'probe_open' }],
    ['above the plausible range is a shorted probe', { tempC: 300 }, { temp: null, fault: 'probe_short' }],
    ['below the plausible range is an open probe', { tempC: -140 }, { temp: null, fault: 'probe_open' }],
  ])('%s', (_name, over, expected) => {
    const reading = toReading(raw(over), meta);
    expect(reading).toEqual({
      oid: 17, device: 'chiller-1', kind: 'chiller', seq: 4, ts: TS, unit: 'Cel', door: false, defrost: false, ...expected,
    });
    valid(reading);
  });

  it('omits door and defrost for a unit that did not answer: they are unknown, not false', () => {
    const reading = toReading(raw({ tempC: null, fault: 'no_response', detail: 'timeout' }), meta);
    expect(reading).toEqual({
      oid: 17, device: 'chiller-1', kind: 'chiller', seq: 4, ts: TS, unit: 'Cel', temp: null, fault: 'no_response',
    });
    valid(reading);
  });

  it('keeps driver diagnostics off the wire (the schema allows no extra field)', () => {
    const reading = toReading(raw({ uptimeS: 100, counter: 9, detail: 'x' }), meta);
    expect(Object.keys(reading).sort()).toEqual(['defrost', 'device', 'door', 'kind', 'oid', 'seq', 'temp', 'ts', 'unit']);
    valid(reading);
  });

  it('is rejected by the contract when the ids are not valid ones (the gateway config must be)', () => {
    const reading = toReading(raw({ deviceId: 'bad/id' }), meta);
    expect(decodePayload('reading', JSON.stringify({ v: 1, reading }))).toMatchObject({ ok: false, reason: 'schema' });
  });
});

describe('deviceInfo', () => {
  it('describes a polled device with the defrost parameters read from the controller', () => {
    const info = deviceInfo(
      { deviceId: 'freezer-1', kind: 'freezer', name: 'Upright freezer', probe: 'air', reportIntervalS: 60 },
      { defrostIntervalMin: 360, defrostDurationMin: 25 },
    );
    expect(info).toEqual({
      device: 'freezer-1', kind: 'freezer', name: 'Upright freezer', probe: 'air', reportIntervalS: 60,
      defrostIntervalMin: 360, defrostMaxMin: 25,
    });
    const status = decodePayload('status', JSON.stringify({ v: 1, state: 'online', devices: [info] }));
    expect(status.ok).toBe(true);
  });

  it('leaves out what is unknown', () => {
    expect(deviceInfo({ deviceId: 'chiller-1', kind: 'chiller', reportIntervalS: 10 }, null)).toEqual({
      device: 'chiller-1', kind: 'chiller', reportIntervalS: 10,
    });
  });
});
