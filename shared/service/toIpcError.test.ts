import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejectedError } from '../errors.js';
import { toIpcError } from './toIpcError.js';

describe('errors crossing to the UI', () => {
  it('keeps the code and message, never a stack', () => {
    const error = new TypeError('x is undefined');
    expect(error.stack).toContain('at ');
    expect(toIpcError(error)).toEqual({ code: 'failure', message: 'x is undefined', reason: 'unexpected' });
  });

  it('drops stack frames that slipped into a message but keeps other lines', () => {
    const inner = new Error('boom');
    const message = `wrapped: ${inner.stack ?? ''}`;
    const ipc = toIpcError(new Error(message));
    expect(ipc.message).not.toMatch(/^\s*at\s/m);
    expect(toIpcError(rejectedError('compare this number\n12345 67890', 'keyChanged')).message).toBe(
      'compare this number\n12345 67890',
    );
  });

  it('describes a stray validation error by field', () => {
    const parsed = z.object({ a: z.number() }).safeParse({ a: 'x' });
    expect(toIpcError(parsed.error)).toMatchObject({
      code: 'rejected',
      message: expect.stringMatching(/^not valid: a: /),
    });
  });
});
