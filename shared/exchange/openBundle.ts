import crypto from 'node:crypto';
import { CrossingError, type ErrorReason } from '../errors.js';
import { CHUNK_BYTES } from '../evidence/chunks.js';
import { SNIFF_BYTES } from '../evidence/contentType.js';
import type { ByteSource } from '../files/byteSource.js';
import { fingerprintOf } from '../identity/identity.js';
import { describeIssues } from '../model/case.js';
import { AgeStreamError, decryptAgeChunks } from './ageStream.js';
import {
  BUNDLE_FORMAT_1,
  bundleSchema,
  decodeBundleJson,
  EnvelopeError,
  readEnvelopeHead,
  verifyBundleSignature,
  type Bundle,
  type BundleFile,
} from './bundle.js';
import { PlaintextReader } from './plaintextReader.js';
import { AgeOpenError, openAgeFile, PAD_BYTE, type AgeFailure, type OpenedAgeFile } from './seal.js';

/**
 * The checks every import shares, in order, each named so that a refusal says which one failed:
 * size → format (armor, age header) → passphrase → decrypt (addressed to this key) → integrity
 * (header MAC, payload) → format (envelope, bundle) → signature. Then the importer's own checks:
 * sender → recipients → sequence → ops → files (each evidence file against its description and
 * its SHA-256).
 *
 * The file is read twice, chunk by chunk, never whole. The first pass (also the whole of a dry
 * run) authenticates every chunk, reads the bundle and hashes each evidence file's bytes; it
 * writes nothing. The second pass runs inside the import's transaction and streams each file into
 * the vault, authenticating and hashing again: a file changed between the passes throws there,
 * and the transaction rolls back.
 */
export const IMPORT_CHECKS = [
  'size',
  'format',
  'passphrase',
  'decrypt',
  'integrity',
  'signature',
  'sender',
  'recipients',
  'sequence',
  'ops',
  'handoff',
  'receipt',
  'files',
] as const;
export type ImportCheck = (typeof IMPORT_CHECKS)[number];

/** The bundle text is parsed in memory: it has its own limit, whatever the files weigh. */
export const MAX_BUNDLE_JSON_BYTES = 256 * 1024 * 1024;

/** A refused file: exit code 3, and the check that refused it. Nothing was changed. */
export class ImportRefusedError extends CrossingError {
  constructor(
    readonly check: ImportCheck,
    detail: string,
  ) {
    super(
      'rejected',
      `refused by the ${check} check: ${detail}. Nothing was changed.`,
      `import${check[0]!.toUpperCase()}${check.slice(1)}` as ErrorReason,
    );
    this.name = 'ImportRefusedError';
  }
}

export const refuse = (check: ImportCheck, detail: string) => new ImportRefusedError(check, detail);

const CHECK_OF_FAILURE: Record<AgeFailure, ImportCheck> = {
  size: 'size',
  armor: 'format',
  header: 'format',
  passphrase: 'passphrase',
  'no match': 'decrypt',
  hmac: 'integrity',
  payload: 'integrity',
};

/** What an evidence file's bytes in the payload hashed to, in the bundle's order. */
export interface ReadFileDigest {
  sha256: string;
  /** Its first bytes, enough to tell its type from its content (the files check compares). */
  head: Uint8Array;
}

export interface OpenedBundle {
  bundle: Bundle;
  /** One per `bundle.files` entry: what its bytes hashed to (the files check compares). */
  contents: ReadFileDigest[];
  /**
   * The second pass, synchronous (for a transaction): `visit` is given each file's bytes in 64 KiB
   * pieces and may read them or not; each is authenticated and hashed again whatever it does, and
   * any difference from the first pass throws.
   */
  replayFiles(visit: (file: BundleFile, pieces: Iterable<Uint8Array>) => void): void;
  /** Wipes the file key. The caller closes the source. */
  close(): void;
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
/** Evidence files are handed out in the vault's own chunk size, so they are sealed as they come. */
const PIECE_BYTES = CHUNK_BYTES;

/** Decrypts with one age identity, checks the envelope, bundle shape and signature, and hashes the files. */
export async function openSignedBundle(
  source: ByteSource,
  ageIdentity: string,
  options: { maxBytes?: number; maxBundleBytes?: number } = {},
): Promise<OpenedBundle> {
  let age: OpenedAgeFile;
  try {
    age = await openAgeFile(source, ageIdentity, options);
  } catch (error) {
    if (error instanceof AgeOpenError) throw refuse(CHECK_OF_FAILURE[error.failure], error.message);
    throw error;
  }
  try {
    const first = firstPass(age, options.maxBundleBytes ?? MAX_BUNDLE_JSON_BYTES);
    const bundle = first.bundle;
    return {
      bundle,
      contents: first.contents,
      replayFiles: (visit) => replay(age, bundle, first.bodySha256, visit),
      close: () => age.fileKey.fill(0),
    };
  } catch (error) {
    age.fileKey.fill(0);
    throw error;
  }
}

const payloadRefusal = (error: AgeStreamError) =>
  refuse('integrity', `the encrypted payload does not authenticate: ${error.message}`);

/**
 * Reads the whole payload once. A chunk that does not authenticate is refused at once (integrity
 * comes before format and signature); a bundle found malformed or unsigned is refused only once
 * every chunk has been authenticated, so the refusal names the earliest check that failed.
 */
function firstPass(age: OpenedAgeFile, maxBundleBytes: number) {
  const reader = new PlaintextReader(decryptAgeChunks(age.fileKey, age.source, age.payloadStart));
  let later: Error | undefined;
  let bundle: Bundle | undefined;
  let bodySha256 = '';
  const contents: ReadFileDigest[] = [];
  try {
    const head = readEnvelopeHead(reader);
    if (head.length > maxBundleBytes) {
      throw refuse('size', `the bundle text is ${head.length} bytes, over the limit of ${maxBundleBytes}`);
    }
    // Checked before the text is read: a stated length is not a reason to set memory aside.
    if (head.length > age.source.size) throw new EnvelopeError('it is shorter than the length it states');
    const body = reader.read(head.length);
    if (body.length < head.length) throw new EnvelopeError('it is shorter than the length it states');
    bodySha256 = sha256(body);
    try {
      bundle = checkBundleText(body, head.signature);
    } finally {
      body.fill(0);
    }
    for (const [i, file] of (bundle.files ?? []).entries()) {
      const hash = crypto.createHash('sha256');
      const head = new Uint8Array(Math.min(SNIFF_BYTES, file.size));
      let size = 0;
      for (const piece of reader.pieces(file.size, PIECE_BYTES)) {
        if (size < head.length) head.set(piece.subarray(0, head.length - size), size);
        hash.update(piece);
        size += piece.length;
        piece.fill(0);
      }
      if (size < file.size)
        throw new EnvelopeError(`it ends inside file ${i + 1} of the ${bundle.files!.length} it lists`);
      contents.push({ sha256: hash.digest('hex'), head });
    }
    checkPadding(reader);
  } catch (error) {
    if (error instanceof AgeStreamError) throw payloadRefusal(error);
    if (error instanceof ImportRefusedError && error.check === 'size') throw error;
    later = error as Error;
  }
  try {
    for (const piece of reader.rest()) piece.fill(0);
  } catch (error) {
    if (error instanceof AgeStreamError) throw payloadRefusal(error);
    throw error;
  }
  if (later instanceof EnvelopeError)
    throw refuse('format', `the decrypted file is not a Crossing bundle: ${later.message}`);
  if (later) throw later;
  return { bundle: bundle!, bodySha256, contents };
}

/** After the last file, only the spaces that pad the plaintext to its size bucket. */
function checkPadding(reader: PlaintextReader): void {
  for (const piece of reader.rest()) {
    if (piece.some((byte) => byte !== PAD_BYTE))
      throw new EnvelopeError('something other than padding follows the bundle and its files');
  }
}

/** The bundle text: JSON, its shape, then the signature and the sender's fingerprint. */
function checkBundleText(body: Uint8Array, signature: Uint8Array): Bundle {
  let json: unknown;
  try {
    json = decodeBundleJson(body);
  } catch {
    throw refuse('format', 'the bundle is not valid JSON text');
  }
  const legacy = json as { format?: unknown; files?: unknown } | null;
  if (legacy?.format === BUNDLE_FORMAT_1 && Array.isArray(legacy.files) && legacy.files.length > 0) {
    throw refuse(
      'format',
      'the file was made by an earlier Crossing that carried evidence files inside the bundle text, which this version no longer reads; ask the sender to export it again',
    );
  }
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) throw refuse('format', `the bundle is malformed: ${describeIssues(parsed.error)}`);
  const bundle = parsed.data;
  const signKey = new Uint8Array(Buffer.from(bundle.sender.signPublicKey, 'base64'));
  if (!verifyBundleSignature({ body, signature }, signKey)) {
    throw refuse(
      'signature',
      'the signature does not match the bundle: it was altered or not made by its stated sender',
    );
  }
  if (fingerprintOf(signKey, bundle.sender.ageRecipient) !== bundle.sender.fingerprint) {
    throw refuse('signature', "the sender's fingerprint does not match the sender's keys");
  }
  return bundle;
}

/** The second pass: the same bytes again, each file handed to `visit` and checked once more. */
function replay(
  age: OpenedAgeFile,
  bundle: Bundle,
  bodySha256: string,
  visit: (file: BundleFile, pieces: Iterable<Uint8Array>) => void,
): void {
  const changed = (what: string) =>
    refuse(
      'integrity',
      `the file changed while it was being imported (${what}); import it again from a copy you trust`,
    );
  if (!Buffer.from(age.source.read(0, age.header.length)).equals(age.header)) throw changed('its age header');
  const reader = new PlaintextReader(decryptAgeChunks(age.fileKey, age.source, age.payloadStart));
  try {
    const head = readEnvelopeHead(reader);
    const body = reader.read(head.length);
    const same = sha256(body) === bodySha256;
    body.fill(0);
    if (!same) throw changed('its bundle');
    for (const [i, file] of (bundle.files ?? []).entries()) {
      const hash = crypto.createHash('sha256');
      let size = 0;
      const pieces = reader.pieces(file.size, PIECE_BYTES);
      const hashed = function* () {
        for (const piece of pieces) {
          hash.update(piece);
          size += piece.length;
          yield piece;
        }
      };
      const region = hashed();
      // No return(): a visitor that stops early leaves the rest to be read and checked below.
      visit(file, { [Symbol.iterator]: () => ({ next: () => region.next() }) });
      for (const piece of region) piece.fill(0); // what the visitor left, read and checked all the same
      if (size !== file.size || hash.digest('hex') !== file.sha256) throw changed(`file ${i + 1}`);
    }
    checkPadding(reader);
  } catch (error) {
    if (error instanceof AgeStreamError) throw payloadRefusal(error);
    if (error instanceof EnvelopeError) throw changed(error.message);
    throw error;
  }
}
