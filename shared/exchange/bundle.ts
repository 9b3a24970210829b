import { z } from 'zod';
import { sodium } from '../crypto/sodium.js';
import { fingerprintSchema } from '../model/case.js';
import { idSchema } from '../oplog/ops.js';
import { personNameSchema } from './personName.js';
import { OMITTABLE_FIELDS } from './redact.js';

/**
 * The signed bundle inside every `.crossing` file: the ops of the exported cases, who sent them, to
 * whom, when and with which sequence number. The sender signs the exact bytes (Ed25519, libsodium)
 * before encrypting, so the signature is inside the age encryption and a seized file does not tell
 * who sent it. The plaintext is text, so `age -d` shows it as it is:
 *
 *   CROSSING SIGNED BUNDLE 1
 *   length: <bytes of the bundle JSON>
 *   signature: <base64 Ed25519 signature over CONTEXT || bundle JSON>
 *
 *   {"createdAt":…}<spaces up to the padded size>
 */
export const BUNDLE_FORMAT = 'crossing-bundle/1';
const ENVELOPE_MAGIC = 'CROSSING SIGNED BUNDLE 1';
/** Domain separation: a signature made for a bundle cannot be passed off as one over anything else. */
const SIGNATURE_CONTEXT = 'crossing signed bundle v1\n';
export const MAX_BUNDLE_OPS = 5_000_000;
export const BUNDLE_KINDS = ['export', 'handoff', 'backup'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

export const bundleSenderSchema = z.strictObject({
  displayName: personNameSchema,
  signPublicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be a base64 Ed25519 key' }),
  ageRecipient: z.string().min(10).max(4096),
  fingerprint: fingerprintSchema,
});

export type BundleSender = z.output<typeof bundleSenderSchema>;

/** The sender block of a bundle: this vault's public identity, nothing more. */
export function bundleSender(me: BundleSender): BundleSender {
  return {
    displayName: me.displayName,
    signPublicKey: me.signPublicKey,
    ageRecipient: me.ageRecipient,
    fingerprint: me.fingerprint,
  };
}

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  kind: z.enum(BUNDLE_KINDS),
  exportId: idSchema,
  sender: bundleSenderSchema,
  recipients: z.array(fingerprintSchema).min(1).max(64),
  createdAt: z.iso.datetime(),
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /**
   * The sending vault's change number (its manifest counter) when the file was made. Recorded so a
   * coordinator can compare it with one noted before: a lower number means an older copy of that
   * vault was put back (DESIGN.md, "Integrity of the whole vault"). Absent in files made before it.
   */
  vaultCounter: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  omitted: z.array(z.enum(OMITTABLE_FIELDS)).max(OMITTABLE_FIELDS.length),
  /** Ops are checked one by one by the importer, so that a bad one is named by its position. */
  ops: z.array(z.unknown()).max(MAX_BUNDLE_OPS),
  /** Only in backups: the vault's exchange state (contacts, tombstones, logs), see backup.ts. */
  state: z.unknown().optional(),
  /** Evidence files' content, checked one by one on import (shared/evidence/bundleFiles.ts). */
  files: z.array(z.unknown()).max(100_000).optional(),
});
export type Bundle = z.output<typeof bundleSchema>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The bundle as bytes: JSON with its top-level keys in a fixed order (ops as they are given). */
export function bundleBytes(bundle: Bundle): Uint8Array {
  const ordered = {
    format: bundle.format,
    kind: bundle.kind,
    exportId: bundle.exportId,
    createdAt: bundle.createdAt,
    sequence: bundle.sequence,
    ...(bundle.vaultCounter === undefined ? {} : { vaultCounter: bundle.vaultCounter }),
    sender: {
      displayName: bundle.sender.displayName,
      signPublicKey: bundle.sender.signPublicKey,
      ageRecipient: bundle.sender.ageRecipient,
      fingerprint: bundle.sender.fingerprint,
    },
    recipients: bundle.recipients,
    omitted: bundle.omitted,
    ...(bundle.state === undefined ? {} : { state: bundle.state }),
    ...(bundle.files === undefined ? {} : { files: bundle.files }),
    ops: bundle.ops,
  };
  return encoder.encode(JSON.stringify(ordered));
}

function signedMessage(body: Uint8Array): Uint8Array {
  const context = encoder.encode(SIGNATURE_CONTEXT);
  const message = new Uint8Array(context.length + body.length);
  message.set(context);
  message.set(body, context.length);
  return message;
}

/** Signs the bundle bytes and wraps them in the text envelope. */
export function signBundle(body: Uint8Array, signSecretKey: Uint8Array): Uint8Array {
  const signature = sodium().crypto_sign_detached(signedMessage(body), signSecretKey);
  const head = encoder.encode(
    `${ENVELOPE_MAGIC}\nlength: ${body.length}\nsignature: ${Buffer.from(signature).toString('base64')}\n\n`,
  );
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export class EnvelopeError extends Error {}

export interface Envelope {
  body: Uint8Array;
  signature: Uint8Array;
}

/**
 * Splits a decrypted plaintext into bundle bytes and signature. Strict: exact head lines, the
 * stated length, and nothing after the bundle but the spaces that pad it to its size bucket.
 */
export function parseEnvelope(plaintext: Uint8Array): Envelope {
  const headEnd = indexOfBlankLine(plaintext, 512);
  if (headEnd < 0) throw new EnvelopeError('it does not start with a Crossing bundle head');
  const head = new TextDecoder().decode(plaintext.subarray(0, headEnd)).split('\n');
  const lengthMatch =
    head.length === 3 && head[0] === ENVELOPE_MAGIC ? /^length: (0|[1-9]\d{0,11})$/.exec(head[1]!) : null;
  const signatureMatch = lengthMatch ? /^signature: ([A-Za-z0-9+/]{86}==)$/.exec(head[2]!) : null;
  if (!lengthMatch || !signatureMatch) throw new EnvelopeError('its head is not a Crossing bundle head');
  const length = Number(lengthMatch[1]);
  const start = headEnd + 2;
  if (start + length > plaintext.length) throw new EnvelopeError('it is shorter than the length it states');
  for (let i = start + length; i < plaintext.length; i++) {
    if (plaintext[i] !== 0x20) throw new EnvelopeError('something other than padding follows the bundle');
  }
  return {
    body: plaintext.subarray(start, start + length),
    signature: new Uint8Array(Buffer.from(signatureMatch[1]!, 'base64')),
  };
}

function indexOfBlankLine(bytes: Uint8Array, limit: number): number {
  const end = Math.min(bytes.length - 1, limit);
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a && bytes[i + 1] === 0x0a) return i;
  return -1;
}

export function verifyBundleSignature(envelope: Envelope, signPublicKey: Uint8Array): boolean {
  if (signPublicKey.length !== 32 || envelope.signature.length !== 64) return false;
  try {
    return sodium().crypto_sign_verify_detached(envelope.signature, signedMessage(envelope.body), signPublicKey);
  } catch {
    return false;
  }
}

/** Parses bundle JSON (already authenticated or not: callers decide the order of checks). */
export function decodeBundleJson(body: Uint8Array): unknown {
  return JSON.parse(decoder.decode(body));
}
