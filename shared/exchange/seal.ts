import { Decrypter, Encrypter, armor, type Identity as AgeIdentity, type Stanza } from 'age-encryption';
import { padmeLength } from '../crypto/padding.js';
import { loadSodium } from '../crypto/sodium.js';
import { AgeHeaderError, readAgeHeader } from './ageHeader.js';
import { decryptAgePayload } from './ageStream.js';

/**
 * The age layer of a `.crossing` file. Encrypting pads the plaintext to a size bucket so that a
 * file's size does not tell how many cases it holds; decrypting refuses, in this order: a file over
 * the size limit, a malformed armor or header, a passphrase (scrypt) stanza — before any key is
 * tried, so no scrypt work is ever done on an imported file — no stanza for this identity, a bad
 * header MAC, a payload that does not authenticate to its end. Nothing is returned unless the
 * whole payload authenticated.
 */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
/** No export is smaller than this once padded: one case and twenty look the same. */
export const MIN_PADDED_BYTES = 16 * 1024;
const PAD_BYTE = 0x20;

export type AgeFailure = 'size' | 'armor' | 'header' | 'passphrase' | 'no match' | 'hmac' | 'payload';

export class AgeOpenError extends Error {
  constructor(
    readonly failure: AgeFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AgeOpenError';
  }
}

/** The padded size (Padmé: at most ~12% more, leaking O(log log n) bits of the size). */
export function paddedSize(length: number): number {
  return Math.max(MIN_PADDED_BYTES, padmeLength(length));
}

/** Pads with spaces: the bundle envelope states its own length, so it knows where they start. */
export function padPlaintext(plaintext: Uint8Array): Uint8Array {
  const out = new Uint8Array(paddedSize(plaintext.length));
  out.set(plaintext);
  out.fill(PAD_BYTE, plaintext.length);
  return out;
}

export async function encryptToRecipients(plaintext: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  if (recipients.length === 0) throw new Error('an export needs at least one recipient');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(plaintext);
}

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Decrypts an age file (binary or armored) with one identity (AGE-SECRET-KEY-…). */
export async function decryptAgeFile(
  file: Uint8Array,
  identity: string,
  options: { maxBytes?: number } = {},
): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  await loadSodium(); // the payload may be decrypted by libsodium (inside Electron it always is)
  if (file.length > maxBytes) {
    throw new AgeOpenError('size', `the file is ${file.length} bytes, over the limit of ${maxBytes}`);
  }
  const binary = isArmored(file) ? dearmor(file) : file;
  let stanzaTypes: string[];
  let headerLength: number;
  try {
    const header = readAgeHeader(binary);
    stanzaTypes = header.stanzas.map((s) => s.type);
    headerLength = header.headerLength;
  } catch (error) {
    if (error instanceof AgeHeaderError)
      throw new AgeOpenError('header', `the age header is not valid: ${error.message}`);
    throw error;
  }
  if (stanzaTypes.some((type) => type.toLowerCase() === 'scrypt')) {
    throw new AgeOpenError('passphrase', 'the file is encrypted with a passphrase, which Crossing never accepts');
  }

  // age's payload starts with a 16-byte nonce: a file that ends before it has no payload at all.
  if (binary.length < headerLength + 16) {
    throw new AgeOpenError('header', 'the file ends before its payload starts');
  }
  // An observer runs before the real identity (age tries identities in order): it sees the parsed
  // stanzas, refuses scrypt once more, and tells how far decryption got, so each failure is named.
  let reachedKeys = false;
  const observer: AgeIdentity = {
    unwrapFileKey(stanzas: Stanza[]) {
      if (stanzas.some((s) => s.args[0]?.toLowerCase() === 'scrypt'))
        throw new AgeOpenError('passphrase', 'passphrase stanza');
      reachedKeys = true;
      return null;
    },
  };
  const decrypter = new Decrypter();
  decrypter.addIdentity(observer);
  decrypter.addIdentity(identity);
  let fileKey: Uint8Array;
  try {
    fileKey = await decrypter.decryptHeader(binary.subarray(0, headerLength));
  } catch (error) {
    if (error instanceof AgeOpenError) throw error;
    const message = (error as Error).message;
    if (reachedKeys && message === "no identity matched any of the file's recipients") {
      throw new AgeOpenError('no match', 'the file is not encrypted to this vault');
    }
    if (reachedKeys && message === 'invalid header HMAC') {
      throw new AgeOpenError('hmac', 'the age header MAC does not match: the header was altered');
    }
    throw new AgeOpenError('header', `the age header is not valid: ${message}`);
  }
  try {
    return decryptAgePayload(fileKey, binary.subarray(headerLength));
  } catch (error) {
    throw new AgeOpenError('payload', `the encrypted payload does not authenticate: ${(error as Error).message}`);
  } finally {
    fileKey.fill(0);
  }
}

function isArmored(file: Uint8Array): boolean {
  const start = Buffer.from(file.subarray(0, 64 + ARMOR_BEGIN.length))
    .toString('latin1')
    .trimStart();
  return start.startsWith(ARMOR_BEGIN);
}

function dearmor(file: Uint8Array): Uint8Array {
  try {
    return armor.decode(new TextDecoder('utf-8', { fatal: true }).decode(file));
  } catch (error) {
    throw new AgeOpenError('armor', `the ASCII armor is not valid: ${(error as Error).message}`);
  }
}
