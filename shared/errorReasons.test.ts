import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, failureError, toCrossingError } from './errors.js';
import { IMPORT_CHECKS, refuse } from './exchange/openBundle.js';
import { toIpcError } from './service/toIpcError.js';

describe('error reasons', () => {
  it('every import check refuses with a reason of its own that the UI can translate', () => {
    const reasons = IMPORT_CHECKS.map((check) => refuse(check, 'detail').reason);
    expect(reasons.every((r) => r !== undefined && (ERROR_REASONS as readonly string[]).includes(r))).toBe(true);
    expect(new Set(reasons).size).toBe(IMPORT_CHECKS.length);
  });

  it('cross to the UI with their parameters, beside the English message the CLI prints', () => {
    const error = failureError('the disk is full: nothing was written', 'diskFull');
    expect(toIpcError(error)).toEqual({ code: 'failure', message: error.message, reason: 'diskFull' });
    expect(toIpcError(toCrossingError(Object.assign(new Error('x'), { code: 'ENOSPC' })))).toMatchObject({
      reason: 'diskFull',
    });
    expect(toIpcError(new Error('something odd'))).toEqual({
      code: 'failure',
      message: 'something odd',
      reason: 'unexpected',
    });
  });
});
