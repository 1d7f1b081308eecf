import { describe, expect, it } from 'vitest';
import { InspectionRequest } from '../../../contracts/registry.ts';
import { checkedBody } from './body.ts';
import { ApiFailure } from './errors.ts';

describe('checkedBody', () => {
  it('returns a body that matches its schema', () => {
    const body = { date: '2026-11-20', result: 'pass' };
    expect(checkedBody(InspectionRequest, body)).toBe(body);
  });
  it('refuses one that does not, as invalid_body naming the field', () => {
    const failure = (() => { try { checkedBody(InspectionRequest, { date: '20/11/2026', result: 'pass' }); } catch (e) { return e; } })();
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).code).toBe('invalid_body');
    expect((failure as ApiFailure).message).toMatch(/^\/date/);
  });
  it('refuses fields the schema does not know', () => {
    expect(() => checkedBody(InspectionRequest, { date: '2026-11-20', result: 'pass', by: 'me' })).toThrow(ApiFailure);
  });
});
