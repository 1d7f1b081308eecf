// [FS-SAMPLE-RECORD] a record lacking dish, time, person or weight is rejected, naming every missing field.
import { describe, expect, it } from 'vitest';
import { checkSampleRecord, type SampleRecordCheck, type SampleRecordField, type SampleRecordInput } from './samples.ts';
import { LUNCH, at } from './samples.fixtures.ts';

const COMPLETE: SampleRecordInput = { dish: '红烧肉', service: LUNCH.service, placedAt: at(10), placedBy: 'badge-wang', netWeightG: 130 };

const reject = (...missing: SampleRecordField[]): SampleRecordCheck =>
  ({ ok: false, missing, message: `sample record incomplete: missing ${missing.join(', ')}` });

const CASES: Array<{ name: string; input: Partial<SampleRecordInput>; expected: SampleRecordCheck }> = [
  { name: 'a complete record is accepted', input: COMPLETE, expected: { ok: true } },
  { name: 'no dish name is rejected', input: { ...COMPLETE, dish: undefined }, expected: reject('dish') },
  { name: 'a blank dish name counts as missing', input: { ...COMPLETE, dish: '  ' }, expected: reject('dish') },
  { name: 'no service is rejected', input: { ...COMPLETE, service: undefined }, expected: reject('service') },
  {
    name: 'a service without its meal is rejected',
    input: { ...COMPLETE, service: { date: '2025-01-06' } as SampleRecordInput['service'] },
    expected: reject('service'),
  },
  { name: 'no time is rejected', input: { ...COMPLETE, placedAt: undefined }, expected: reject('placedAt') },
  { name: 'a NaN time counts as missing', input: { ...COMPLETE, placedAt: Number.NaN }, expected: reject('placedAt') },
  { name: 'no person is rejected', input: { ...COMPLETE, placedBy: undefined }, expected: reject('placedBy') },
  { name: 'no weight is rejected', input: { ...COMPLETE, netWeightG: undefined }, expected: reject('netWeightG') },
  { name: 'a 0 g weight counts as missing (the scale saw no sample)', input: { ...COMPLETE, netWeightG: 0 }, expected: reject('netWeightG') },
  { name: 'a light weight is still a weight: accepted, judged by FS-SAMPLE-WEIGHT', input: { ...COMPLETE, netWeightG: 20 }, expected: { ok: true } },
  {
    name: 'an empty record names all five fields in a fixed order',
    input: {},
    expected: reject('dish', 'service', 'placedAt', 'placedBy', 'netWeightG'),
  },
  {
    name: 'dish and person missing are named together',
    input: { ...COMPLETE, placedBy: '', dish: '' },
    expected: reject('dish', 'placedBy'),
  },
];

describe('checkSampleRecord', () => {
  for (const c of CASES) {
    it(`[FS-SAMPLE-RECORD] ${c.name}`, () => {
      expect(checkSampleRecord(c.input)).toEqual(c.expected);
    });
  }
});
