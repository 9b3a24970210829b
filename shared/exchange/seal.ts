import { Decrypter, Encrypter, armor, type Identity as AgeIdentity, type Stanza } from 'age-encryption';
import { padmeLength } from '../crypto/padding.js';
import { loadSodium } from '../crypto/sodium.js';
import { memorySource, type ByteSource } from '../files/byteSource.js';
import { AgeHeaderError, MAX_HEADER_BYTES, readAgeHeader } from './ageHeader.js';
import { decryptAgePayload } from './ageStream.js';

/**
 * The age layer of a `.crossing` file. Encrypting pads the plaintext to a size bucket so that a
 * file's size does not tell how many cases it holds; decrypting refuses, in this order: a file over
 * the size limit, a malformed armor or header, a passphrase (scrypt) stanza — before any key is
 * tried, so no scrypt work is ever done on an imported file — no stanza for this identity, a bad
 * header MAC, a payload that does not authenticate to its end (chunk by chunk, see ageStream.ts).
 * The limit is on the whole file, evidence files included (a case may carry several 100 MB scans);
 * the bundle text inside has its own, smaller limit (openBundle.ts).
 */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024 * 1024;
/** No export is smaller than this once padded: one case and twenty look the same. */
export const MIN_PADDED_BYTES = 16 * 1024;
/** A space: the plaintext after the bundle and its files, up to the padded size (bundle.ts). */
export const PAD_BYTE = 0x20;

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
/** An armored file is decoded whole, in memory: only small ones are accepted. */
export const MAX_ARMORED_BYTES = 256 * 1024 * 1024;

/** An age file whose header opened: its payload is read from `source`, starting at `payloadStart`. */
export interface OpenedAgeFile {
  source: ByteSource;
  payloadStart: number;
  /** The header as it was read, MAC line included: a second read must find it unchanged. */
  header: Uint8Array;
  fileKey: Uint8Array;
}

/**
 * Opens the header of an age file (binary or armored) with one identity (AGE-SECRET-KEY-…), in
 * the order of checks above; the payload is left to be read chunk by chunk (ageStream.ts).
 */
export async function openAgeFile(
  file: ByteSource,
  identity: string,
  options: { maxBytes?: number } = {},
): Promise<OpenedAgeFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  await loadSodium(); // the payload may be decrypted by libsodium (inside Electron it always is)
  if (file.size > maxBytes) {
    throw new AgeOpenError('size', `the file is ${file.size} bytes, over the limit of ${maxBytes}`);
  }
  const source = isArmored(file) ? dearmor(file) : file;
  let stanzaTypes: string[];
  let headerLength: number;
  const start = source.read(0, MAX_HEADER_BYTES);
  try {
    const header = readAgeHeader(start);
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
  if (source.size < headerLength + 16) {
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
  const header = Uint8Array.from(start.subarray(0, headerLength));
  try {
    const fileKey = await decrypter.decryptHeader(header);
    return { source, payloadStart: headerLength, header, fileKey };
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
}

/** Decrypts a whole age file held in memory: the test vectors, tests and benchmarks. */
export async function decryptAgeFile(
  file: Uint8Array,
  identity: string,
  options: { maxBytes?: number } = {},
): Promise<Uint8Array> {
  const opened = await openAgeFile(memorySource(file), identity, {
    maxBytes: Math.min(options.maxBytes ?? MAX_ARMORED_BYTES, MAX_ARMORED_BYTES),
  });
  try {
    return decryptAgePayload(opened.fileKey, opened.source.read(opened.payloadStart, opened.source.size));
  } catch (error) {
    throw new AgeOpenError('payload', `the encrypted payload does not authenticate: ${(error as Error).message}`);
  } finally {
    opened.fileKey.fill(0);
  }
}

function isArmored(file: ByteSource): boolean {
  const start = Buffer.from(file.read(0, 64 + ARMOR_BEGIN.length))
    .toString('latin1')
    .trimStart();
  return start.startsWith(ARMOR_BEGIN);
}

function dearmor(file: ByteSource): ByteSource {
  if (file.size > MAX_ARMORED_BYTES) {
    throw new AgeOpenError('size', `an armored file may be up to ${MAX_ARMORED_BYTES} bytes; this one is ${file.size}`);
  }
  try {
    return memorySource(armor.decode(new TextDecoder('utf-8', { fatal: true }).decode(file.read(0, file.size))));
  } catch (error) {
    throw new AgeOpenError('armor', `the ASCII armor is not valid: ${(error as Error).message}`);
  }
}
