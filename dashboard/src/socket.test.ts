import { describe, expect, it } from 'vitest';
import { isUnauthenticated } from './socket.ts';

describe('socket refusals', () => {
  it('tells a refusal for want of a session from a lost connection', () => {
    expect(isUnauthenticated(new Error('unauthenticated'))).toBe(true);
    expect(isUnauthenticated(new Error('xhr poll error'))).toBe(false);
    expect(isUnauthenticated(new Error('websocket error'))).toBe(false);
    expect(isUnauthenticated(null)).toBe(false);
  });
});
