import { z } from 'zod';
import { rejectedError, toCrossingError } from '../errors.js';
import type { IpcError } from '../ipc/contract.js';
import { describeIssues } from '../model/case.js';

const MAX_MESSAGE_CHARS = 2000;

/**
 * What crosses to the UI for any failure: a code and one plain message. Never a stack, never an
 * error object: only the first line of the message survives, so a stack that slipped into a
 * message cannot cross either.
 */
export function toIpcError(error: unknown): IpcError {
  const crossing =
    error instanceof z.ZodError ? rejectedError(`not valid: ${describeIssues(error)}`) : toCrossingError(error);
  const firstLine = (crossing.message.split('\n')[0] ?? '').trim() || 'something went wrong';
  return { code: crossing.code, message: firstLine.slice(0, MAX_MESSAGE_CHARS) };
}
