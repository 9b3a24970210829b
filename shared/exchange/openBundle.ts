import { CrossingError, type ErrorReason } from '../errors.js';
import { fingerprintOf } from '../identity/identity.js';
import { describeIssues } from '../model/case.js';
import {
  bundleSchema,
  decodeBundleJson,
  EnvelopeError,
  parseEnvelope,
  verifyBundleSignature,
  type Bundle,
} from './bundle.js';
import { AgeOpenError, decryptAgeFile, type AgeFailure } from './seal.js';

/**
 * The checks every import shares, in order, each named so that a refusal says which one failed:
 * size → format (armor, age header) → passphrase → decrypt (addressed to this key) → integrity
 * (header MAC, payload) → format (envelope, bundle) → signature. Then the importer's own checks:
 * sender → recipients → sequence → ops → files (each evidence file against its description and
 * its SHA-256).
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
  'files',
] as const;
export type ImportCheck = (typeof IMPORT_CHECKS)[number];

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

/** Decrypts with one age identity and checks the envelope, bundle shape and signature. */
export async function openSignedBundle(
  file: Uint8Array,
  ageIdentity: string,
  options: { maxBytes?: number } = {},
): Promise<Bundle> {
  let plaintext: Uint8Array;
  try {
    plaintext = await decryptAgeFile(file, ageIdentity, options);
  } catch (error) {
    if (error instanceof AgeOpenError) throw refuse(CHECK_OF_FAILURE[error.failure], error.message);
    throw error;
  }
  try {
    let envelope;
    try {
      envelope = parseEnvelope(plaintext);
    } catch (error) {
      if (error instanceof EnvelopeError)
        throw refuse('format', `the decrypted file is not a Crossing bundle: ${error.message}`);
      throw error;
    }
    let json: unknown;
    try {
      json = decodeBundleJson(envelope.body);
    } catch {
      throw refuse('format', 'the bundle is not valid JSON text');
    }
    const parsed = bundleSchema.safeParse(json);
    if (!parsed.success) throw refuse('format', `the bundle is malformed: ${describeIssues(parsed.error)}`);
    const bundle = parsed.data;
    const signKey = new Uint8Array(Buffer.from(bundle.sender.signPublicKey, 'base64'));
    if (!verifyBundleSignature(envelope, signKey)) {
      throw refuse(
        'signature',
        'the signature does not match the bundle: it was altered or not made by its stated sender',
      );
    }
    if (fingerprintOf(signKey, bundle.sender.ageRecipient) !== bundle.sender.fingerprint) {
      throw refuse('signature', "the sender's fingerprint does not match the sender's keys");
    }
    return bundle;
  } finally {
    plaintext.fill(0);
  }
}
