import fs from 'node:fs';
import { failureError, type CrossingError } from '../shared/errors.js';

/**
 * Everything the commands print goes through here: results on stdout, nothing else.
 *
 * Writes are synchronous and checked: a full disk (`> /dev/full`, ENOSPC) or a reader that went
 * away (`| head`, EPIPE) is a CrossingError the command sees at the line that failed — so `init`
 * can refuse to create a vault whose recovery key was never shown — and never a stack trace from
 * a stream's 'error' event after the work is done.
 */
export function printLine(line = ''): void {
  writeStdout(`${line}\n`);
}

export function printLines(lines: readonly string[]): void {
  if (lines.length > 0) writeStdout(`${lines.join('\n')}\n`);
}

export function printJson(value: unknown): void {
  writeStdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Text as it is, no newline added (a key card ends with its own). */
export function printRaw(text: string): void {
  writeStdout(text);
}

/** Notes for the person at the terminal (warnings, hints): stderr, so stdout stays machine-readable. */
export function printNotice(line: string): void {
  writeStderr(`${line}\n`);
}

/** stderr is the last channel there is: if it fails too, there is no one left to tell. */
export function writeStderr(text: string): void {
  try {
    writeAll(2, text);
  } catch {
    // Nothing to do: the exit code still says what happened.
  }
}

function writeStdout(text: string): void {
  try {
    writeAll(1, text);
  } catch (error) {
    throw outputError(error);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      // A non-blocking pipe whose reader is slower than us: wait for it, do not drop output.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

/** What a failed write to stdout means, in words, as exit code 4. */
export function outputError(error: unknown): CrossingError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EPIPE')
    return failureError('the output was closed before everything was written (EPIPE)', 'outputFailed');
  if (code === 'ENOSPC') return failureError('the output could not be written: the disk is full (ENOSPC)', 'diskFull');
  return failureError(`the output could not be written (${code ?? (error as Error).message})`, 'outputFailed');
}
