/**
 * A strict reading of an age v1 header (age-encryption.org/v1), done before any key is tried: it
 * lets import refuse a passphrase (scrypt) file without running scrypt on it, refuse any other
 * format, and name what is wrong with a malformed file. The age library then parses it again.
 */
export const AGE_VERSION_LINE = 'age-encryption.org/v1';
/** Generous: a hybrid stanza is ~1.6 KB and a file names at most 64 recipients. */
export const MAX_HEADER_BYTES = 256 * 1024;

export interface AgeStanzaInfo {
  type: string;
  args: string[];
}

export interface AgeHeaderInfo {
  stanzas: AgeStanzaInfo[];
  /** Bytes up to and including the MAC line's newline. */
  headerLength: number;
}

export class AgeHeaderError extends Error {}

const ARG = /^[\x21-\x7e]+$/;
const BASE64_LINE = /^[A-Za-z0-9+/]{0,64}$/;
const MAC_LINE = /^--- [A-Za-z0-9+/]{43}$/;

export function readAgeHeader(file: Uint8Array): AgeHeaderInfo {
  let pos = 0;
  const nextLine = (): string => {
    const limit = Math.min(file.length, MAX_HEADER_BYTES);
    let end = pos;
    while (end < limit && file[end] !== 0x0a) end += 1;
    if (end >= limit)
      throw new AgeHeaderError(end >= MAX_HEADER_BYTES ? 'the header is too long' : 'the header is cut short');
    const line = Buffer.from(file.subarray(pos, end)).toString('latin1');
    pos = end + 1;
    return line;
  };
  const version = nextLine();
  if (version !== AGE_VERSION_LINE) {
    throw new AgeHeaderError(`it is not an age v1 file (first line must be ${AGE_VERSION_LINE})`);
  }
  const stanzas: AgeStanzaInfo[] = [];
  for (;;) {
    const line = nextLine();
    if (line.startsWith('---')) {
      if (!MAC_LINE.test(line) || !isCanonicalBase64(line.slice(4), 32))
        throw new AgeHeaderError('the header MAC line is malformed');
      if (stanzas.length === 0) throw new AgeHeaderError('the header has no recipient stanza');
      return { stanzas, headerLength: pos };
    }
    if (!line.startsWith('-> ')) throw new AgeHeaderError('a header line is neither a stanza nor the MAC line');
    const args = line.slice(3).split(' ');
    if (args.some((arg) => !ARG.test(arg))) throw new AgeHeaderError('a stanza has an empty or invalid argument');
    // Body: base64 lines of 64 characters, ended by the first shorter line (possibly empty).
    for (;;) {
      const body = nextLine();
      if (!BASE64_LINE.test(body) || !isCanonicalBase64(body))
        throw new AgeHeaderError('a stanza body is not canonical base64');
      if (body.length < 64) break;
    }
    stanzas.push({ type: args[0]!, args: args.slice(1) });
  }
}

/** Unpadded base64 that decodes and re-encodes to itself (no stray bits, no padding). */
function isCanonicalBase64(text: string, bytes?: number): boolean {
  if (text.length % 4 === 1) return false;
  const decoded = Buffer.from(text, 'base64');
  if (bytes !== undefined && decoded.length !== bytes) return false;
  return decoded.toString('base64').replace(/=+$/, '') === text;
}
