import { readFileBounded } from '../shared/files/boundedRead.js';
import { rejectedError, usageError } from '../shared/errors.js';

/** Far above any real case; stops a wrong file (a video, a disk image) from being read whole. */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Reads FILE, or stdin for `-`. */
export async function readTextInput(source: string): Promise<string> {
  if (source === '-') return readStdin();
  let read;
  try {
    // Counted while reading: a device or a pipe (/dev/zero) has no size to check beforehand.
    read = readFileBounded(source, MAX_INPUT_BYTES);
  } catch (error) {
    throw usageError(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'cannotRead');
  }
  if (!read.ok)
    throw rejectedError(
      `${source} is too large for a case (over 16 MiB): give the JSON file of one case`,
      'inputTooLarge',
    );
  return read.bytes.toString('utf8');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw rejectedError('the input is too large for a case (over 16 MiB)', 'inputTooLarge');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses JSON input. The parser's own message quotes the input, which may be personal data bound
 * for a log: only the position is kept.
 */
export async function readJsonInput(source: string): Promise<unknown> {
  const text = await readTextInput(source);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw rejectedError(`the input is not valid JSON${position ? ` (at character ${position})` : ''}`, 'invalidData');
  }
}
