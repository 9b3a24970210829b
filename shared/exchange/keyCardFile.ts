import { rejectedError, usageError } from '../errors.js';
import { readFileBounded } from '../files/boundedRead.js';

/** A key card is a few lines (a post-quantum one about 2 KiB); anything far larger is the wrong file. */
const MAX_CARD_BYTES = 64 * 1024;

/** Reads a key card a person chose (a file, or the CLI's stdin as 0) as text; parsing comes after. */
export function readKeyCardFile(file: string | 0, shownAs: string = String(file)): string {
  let read;
  try {
    read = readFileBounded(file, MAX_CARD_BYTES);
  } catch (error) {
    throw usageError(
      `cannot read the key card ${shownAs}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'cannotRead',
    );
  }
  if (!read.ok)
    throw rejectedError(
      `${shownAs} is over 64 KiB: it is not a key card; give the file a colleague's crossing identity wrote`,
      'badKeyCard',
    );
  return read.bytes.toString('utf8');
}
