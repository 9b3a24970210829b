import { z } from 'zod';
import { sodium } from '../crypto/sodium.js';
import { fingerprintSchema } from '../model/case.js';
import { idSchema } from '../oplog/ops.js';
import { MAX_RECEIPTS_PER_BUNDLE, receiptSchema } from '../handoffs/ledger.js';
import { personNameSchema } from './personName.js';
import { PlaintextReader } from './plaintextReader.js';
import { OMITTABLE_FIELDS } from './redact.js';

/**
 * The signed bundle inside every `.crossing` file: the ops of the exported cases, who sent them, to
 * whom, when and with which sequence number, and a description of each evidence file it carries.
 * The sender signs the exact bytes of the bundle text (Ed25519, libsodium) before encrypting, so the
 * signature is inside the age encryption and a seized file does not tell who sent it. The
 * plaintext is text followed by the files' raw bytes, so `age -d` shows it as it is:
 *
 *   CROSSING SIGNED BUNDLE 1
 *   length: <bytes of the bundle JSON>
 *   signature: <base64 Ed25519 signature over CONTEXT || bundle JSON>
 *
 *   {"createdAt":…,"files":[{"fileId":…,"size":…,"sha256":…},…],…}<file 1><file 2>…<spaces up to the padded size>
 *
 * Format 2 (`crossing-bundle/2`): `files` lists descriptors only (file id, case id, size,
 * SHA-256), and each file's bytes follow the bundle JSON, in the order listed, exactly `size`
 * bytes each, with nothing between them. The signature binds every file's size and SHA-256; age's
 * AEAD binds the bytes; the importer hashes each file as it streams and compares. So a file of any
 * size travels without being whole in memory, and without base64's third more. Format 1 carried
 * each file's content as base64 inside `files`: a format-1 bundle without files means the same and
 * is still read; one with files is refused, naming the problem (it cannot be streamed).
 */
export const BUNDLE_FORMAT = 'crossing-bundle/2';
/** Read when it carries no files: then it means what format 2 means. */
export const BUNDLE_FORMAT_1 = 'crossing-bundle/1';
const ENVELOPE_MAGIC = 'CROSSING SIGNED BUNDLE 1';
/** Domain separation: a signature made for a bundle cannot be passed off as one over anything else. */
const SIGNATURE_CONTEXT = 'crossing signed bundle v1\n';
/** A single evidence file is at most 100 MB when added; this leaves room and stays a safe integer. */
export const MAX_BUNDLE_FILE_BYTES = 4 * 1024 * 1024 * 1024;

/** An evidence file carried by a bundle: its bytes follow the bundle JSON (see above). */
export const bundleFileSchema = z.strictObject({
  fileId: idSchema,
  caseId: idSchema,
  size: z.number().int().min(1).max(MAX_BUNDLE_FILE_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BundleFile = z.output<typeof bundleFileSchema>;

export const MAX_BUNDLE_OPS = 5_000_000;
export const BUNDLE_KINDS = ['export', 'handoff', 'backup', 'receipt'] as const;
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
  format: z.enum([BUNDLE_FORMAT_1, BUNDLE_FORMAT]),
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
  /** The evidence files whose bytes follow the bundle JSON, in this order (shared/evidence/bundleFiles.ts). */
  files: z.array(bundleFileSchema).max(100_000).optional(),
  /**
   * The sender's answers to hand-offs made to them by the recipient (shared/handoffs): the whole of a
   * `receipt` file, and carried again in every later export to that recipient alone.
   */
  receipts: z.array(receiptSchema).max(MAX_RECEIPTS_PER_BUNDLE).optional(),
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
    ...(bundle.files === undefined
      ? {}
      : { files: bundle.files.map((f) => ({ fileId: f.fileId, caseId: f.caseId, size: f.size, sha256: f.sha256 })) }),
    ...(bundle.receipts === undefined
      ? {}
      : {
          receipts: bundle.receipts.map((r) => ({
            handoffId: r.handoffId,
            caseId: r.caseId,
            outcome: r.outcome,
            reason: r.reason,
            receivedAt: r.receivedAt,
          })),
        }),
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

/** The envelope's head for these bundle bytes: magic, length, signature, blank line. */
export function envelopeHead(body: Uint8Array, signSecretKey: Uint8Array): Uint8Array {
  const signature = sodium().crypto_sign_detached(signedMessage(body), signSecretKey);
  return encoder.encode(
    `${ENVELOPE_MAGIC}\nlength: ${body.length}\nsignature: ${Buffer.from(signature).toString('base64')}\n\n`,
  );
}

/** Signs the bundle bytes and wraps them in the text envelope (a bundle without files). */
export function signBundle(body: Uint8Array, signSecretKey: Uint8Array): Uint8Array {
  const head = envelopeHead(body, signSecretKey);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export class EnvelopeError extends Error {}

export interface EnvelopeHead {
  /** Bytes of the bundle JSON that follows. */
  length: number;
  signature: Uint8Array;
}

export interface Envelope {
  body: Uint8Array;
  signature: Uint8Array;
}

const MAX_HEAD_BYTES = 512;

/** Reads the head from the start of a decrypted payload. Strict: exactly these three lines. */
export function readEnvelopeHead(reader: PlaintextReader): EnvelopeHead {
  const head: number[] = [];
  for (;;) {
    const byte = reader.readByte();
    if (byte < 0 || head.length >= MAX_HEAD_BYTES)
      throw new EnvelopeError('it does not start with a Crossing bundle head');
    if (byte === 0x0a && head[head.length - 1] === 0x0a) break;
    head.push(byte);
  }
  const lines = Buffer.from(head.slice(0, -1)).toString('latin1').split('\n');
  const lengthMatch =
    lines.length === 3 && lines[0] === ENVELOPE_MAGIC ? /^length: (0|[1-9]\d{0,11})$/.exec(lines[1]!) : null;
  const signatureMatch = lengthMatch ? /^signature: ([A-Za-z0-9+/]{86}==)$/.exec(lines[2]!) : null;
  if (!lengthMatch || !signatureMatch) throw new EnvelopeError('its head is not a Crossing bundle head');
  return {
    length: Number(lengthMatch[1]),
    signature: new Uint8Array(Buffer.from(signatureMatch[1]!, 'base64')),
  };
}

/**
 * Splits a whole decrypted plaintext held in memory into bundle bytes, signature and what follows
 * the bundle (the files' bytes and the padding; the importer checks those as it streams).
 */
export function parseEnvelope(plaintext: Uint8Array): Envelope & { rest: Uint8Array } {
  // A copy: the reader wipes what it has read past.
  const reader = new PlaintextReader([Uint8Array.from(plaintext)][Symbol.iterator]());
  const head = readEnvelopeHead(reader);
  const body = reader.read(head.length);
  if (body.length < head.length) throw new EnvelopeError('it is shorter than the length it states');
  const start = plaintext.length - [...reader.rest()].reduce((n, piece) => n + piece.length, 0);
  return { body, signature: head.signature, rest: plaintext.subarray(start) };
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
