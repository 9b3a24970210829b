/**
 * Every failure Crossing reports has one of these codes. The CLI turns them into exit codes and the
 * IPC contract sends them to the UI as `{code, message}`: one vocabulary on both sides.
 */
export const ERROR_CODES = {
  usage: 1,
  auth: 2,
  rejected: 3,
  failure: 4,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class CrossingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CrossingError';
  }
}

/** Bad arguments: a missing option, an unknown command, an id that names no case. */
export const usageError = (message: string) => new CrossingError('usage', message);
/** Wrong passphrase or recovery key, or a file that is not a Crossing vault. */
export const authError = (message: string) => new CrossingError('auth', message);
/** Input refused: invalid data, a tampered or damaged vault or file. */
export const rejectedError = (message: string) => new CrossingError('rejected', message);
export const failureError = (message: string) => new CrossingError('failure', message);

export function toCrossingError(error: unknown): CrossingError {
  if (error instanceof CrossingError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') return failureError('the disk is full: nothing was written');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return rejectedError('the vault file is damaged');
  if (code === 'ENOSPC') return failureError('the disk is full: nothing was written');
  if (code === 'SQLITE_READONLY') return failureError('the vault is open for reading only: nothing was written');
  const message = error instanceof Error ? error.message : String(error);
  return failureError(message);
}
