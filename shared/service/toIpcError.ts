import { z } from 'zod';
import { rejectedError, toCrossingError } from '../errors.js';
import type { IpcError } from '../ipc/contract.js';
import { describeIssues } from '../model/case.js';

const MAX_MESSAGE_CHARS = 2000;
const STACK_FRAME = /^\s*at\s|^\s*(Error|[A-Z]\w*Error):?\s*$/;

/**
 * What crosses to the UI for any failure: a code and one plain message. Never a stack, never an
 * error object: lines that look like stack frames are dropped, so a stack that slipped into a
 * message cannot cross either (a message may keep other lines, e.g. a safety number to compare).
 */
export function toIpcError(error: unknown): IpcError {
  const crossing =
    error instanceof z.ZodError
      ? rejectedError(`not valid: ${describeIssues(error)}`, 'invalidData')
      : toCrossingError(error);
  const lines = crossing.message.split('\n').filter((line) => !STACK_FRAME.test(line));
  const message = lines.join('\n').trim() || 'something went wrong';
  return {
    code: crossing.code,
    message: message.slice(0, MAX_MESSAGE_CHARS),
    ...(crossing.reason ? { reason: crossing.reason } : {}),
    ...(crossing.params ? { params: crossing.params } : {}),
  };
}
