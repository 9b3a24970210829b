import { sodium } from '../crypto/sodium.js';

/**
 * minisign's file formats (jedisct1.github.io/minisign), so that a release signed here is checked by
 * Debian's `minisign -V` and one signed by `minisign -S` is checked here. Every parser is strict and
 * says what is wrong; callers turn that into a refusal. libsodium must be loaded (`loadSodium()`).
 *
 *   public key  = "untrusted comment: …" line, then base64("Ed" ‖ key id (8) ‖ Ed25519 public key (32))
 *   signature   = "untrusted comment: …" line, then base64(alg ‖ key id (8) ‖ signature (64)),
 *                 "trusted comment: …" line, then base64(Ed25519 over signature ‖ trusted comment)
 *                 alg "ED": the signature is over BLAKE2b-512 of the file (the default since 0.8);
 *                 alg "Ed": over the file itself (legacy, `minisign -l`).
 *   secret key  = "untrusted comment: …" line, then base64("Ed" ‖ kdf ("Sc" or 0,0) ‖ "B2" ‖ salt (32) ‖
 *                 opslimit (8, LE) ‖ memlimit (8, LE) ‖ [key id (8) ‖ secret key (64) ‖ BLAKE2b-256 check (32)]),
 *                 the bracket XORed with scrypt(password) when kdf is "Sc".
 */

export const UNTRUSTED_PREFIX = 'untrusted comment: ';
export const TRUSTED_PREFIX = 'trusted comment: ';
const KEY_ALG = 'Ed';
const PREHASHED_ALG = 'ED';
const KEY_ID_BYTES = 8;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const SECRET_KEY_BYTES = 64;
const CHECK_BYTES = 32;
/** minisign's own limit for a comment line. */
const MAX_COMMENT_BYTES = 1024;

export class MinisignFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MinisignFormatError';
  }
}

export interface PublicKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export interface Signature {
  /** Whether the signature is over BLAKE2b-512 of the file ("ED") or over the file itself ("Ed", legacy). */
  prehashed: boolean;
  keyId: Uint8Array;
  signature: Uint8Array;
  trustedComment: string;
  globalSignature: Uint8Array;
}

export interface SecretKey {
  keyId: Uint8Array;
  /** libsodium's 64-byte Ed25519 secret key (seed ‖ public key). Wipe with `sodium.memzero` after use. */
  secretKey: Uint8Array;
}

/**
 * The key id as minisign prints it: the 8 bytes read as a little-endian number in upper-case hex,
 * without leading zeros (minisign uses %PRIX64), so a key whose id starts with 0 matches its comment.
 */
export function formatKeyId(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase().replace(/^0+(?=.)/, '');
}

/** Strict base64 of an exact length: Node's decoder would quietly skip stray characters. */
function decodeBase64(text: string, bytes: number, what: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new MinisignFormatError(`the ${what} is not base64`);
  }
  const decoded = new Uint8Array(Buffer.from(text, 'base64'));
  if (decoded.length !== bytes) {
    throw new MinisignFormatError(`the ${what} is ${decoded.length} bytes long, not ${bytes}`);
  }
  return decoded;
}

const encodeBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** The lines of a minisign file: `\n` or `\r\n` endings, a final newline optional, nothing else. */
function linesOf(text: string, count: number, what: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== count) throw new MinisignFormatError(`a ${what} has ${count} lines, this one ${lines.length}`);
  return lines;
}

function commentOf(line: string, prefix: string, what: string): string {
  if (!line.startsWith(prefix)) throw new MinisignFormatError(`the ${what} line does not start with "${prefix}"`);
  const comment = line.slice(prefix.length);
  if (Buffer.byteLength(comment) > MAX_COMMENT_BYTES) {
    throw new MinisignFormatError(`the ${what} is over ${MAX_COMMENT_BYTES} bytes`);
  }
  return comment;
}

/** A public key file, or the bare base64 line that `minisign -P` takes. */
export function parsePublicKey(text: string): PublicKey {
  const trimmed = text.trim();
  let line = trimmed;
  if (trimmed.includes('\n')) {
    const [comment, keyLine] = linesOf(trimmed, 2, 'public key file');
    commentOf(comment!, UNTRUSTED_PREFIX, 'first');
    line = keyLine!;
  }
  const bytes = decodeBase64(line, 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES, 'public key');
  if (ascii(bytes, 0, 2) !== KEY_ALG) throw new MinisignFormatError('the public key is not an Ed25519 minisign key');
  return { keyId: bytes.slice(2, 10), publicKey: bytes.slice(10) };
}

/** The base64 line of a public key (what `minisign -P` takes and what a release page prints). */
export function encodePublicKey(key: PublicKey): string {
  return encodeBase64(concat(Buffer.from(KEY_ALG), key.keyId, key.publicKey));
}

export function formatPublicKey(key: PublicKey): string {
  return `${UNTRUSTED_PREFIX}minisign public key ${formatKeyId(key.keyId)}\n${encodePublicKey(key)}\n`;
}

export function parseSignature(text: string): Signature {
  const [untrusted, sigLine, trusted, globalLine] = linesOf(text, 4, 'signature file');
  commentOf(untrusted!, UNTRUSTED_PREFIX, 'first');
  const bytes = decodeBase64(sigLine!, 2 + KEY_ID_BYTES + SIGNATURE_BYTES, 'signature');
  const alg = ascii(bytes, 0, 2);
  if (alg !== PREHASHED_ALG && alg !== KEY_ALG) {
    throw new MinisignFormatError(`the signature's algorithm is "${alg}", not minisign's Ed25519`);
  }
  return {
    prehashed: alg === PREHASHED_ALG,
    keyId: bytes.slice(2, 10),
    signature: bytes.slice(10),
    trustedComment: commentOf(trusted!, TRUSTED_PREFIX, 'third'),
    globalSignature: decodeBase64(globalLine!, SIGNATURE_BYTES, 'comment signature'),
  };
}

export function formatSignature(signature: Signature, untrustedComment = 'signature from minisign secret key'): string {
  const sig = concat(Buffer.from(signature.prehashed ? PREHASHED_ALG : KEY_ALG), signature.keyId, signature.signature);
  return [
    `${UNTRUSTED_PREFIX}${untrustedComment}`,
    encodeBase64(sig),
    `${TRUSTED_PREFIX}${signature.trustedComment}`,
    encodeBase64(signature.globalSignature),
    '',
  ].join('\n');
}

const blake2b512 = (message: Uint8Array) => sodium().crypto_generichash(64, message, null);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

export const sameKeyId = sameBytes;

/** Ed25519 over the file (prehashed with BLAKE2b-512 unless legacy). Says nothing about the key id. */
export function fileSignatureValid(signature: Signature, message: Uint8Array, key: PublicKey): boolean {
  const signed = signature.prehashed ? blake2b512(message) : message;
  return sodium().crypto_sign_verify_detached(signature.signature, signed, key.publicKey);
}

/** Ed25519 over signature ‖ trusted comment: the trusted comment was written by the key's holder. */
export function trustedCommentValid(signature: Signature, key: PublicKey): boolean {
  const signed = concat(signature.signature, Buffer.from(signature.trustedComment, 'utf8'));
  return sodium().crypto_sign_verify_detached(signature.globalSignature, signed, key.publicKey);
}

/** A prehashed signature, as `minisign -S -t COMMENT` writes it. */
export function sign(message: Uint8Array, key: SecretKey, trustedComment: string): Signature {
  if (/[\r\n]/.test(trustedComment)) throw new MinisignFormatError('a trusted comment is one line');
  if (Buffer.byteLength(trustedComment) > MAX_COMMENT_BYTES) {
    throw new MinisignFormatError(`the trusted comment is over ${MAX_COMMENT_BYTES} bytes`);
  }
  const signature = sodium().crypto_sign_detached(blake2b512(message), key.secretKey);
  const globalSignature = sodium().crypto_sign_detached(
    concat(signature, Buffer.from(trustedComment, 'utf8')),
    key.secretKey,
  );
  return { prehashed: true, keyId: key.keyId, signature, trustedComment, globalSignature };
}

const SECRET_LAYOUT = {
  header: 6,
  salt: 32,
  limits: 16,
  body: KEY_ID_BYTES + SECRET_KEY_BYTES + CHECK_BYTES,
};
const SECRET_FILE_BYTES = SECRET_LAYOUT.header + SECRET_LAYOUT.salt + SECRET_LAYOUT.limits + SECRET_LAYOUT.body;

/** Whether a secret key file needs a password (scrypt-encrypted, minisign's default) or not (`minisign -W`). */
export function secretKeyIsEncrypted(text: string): boolean {
  const bytes = decodeBase64(linesOf(text, 2, 'secret key file')[1]!, SECRET_FILE_BYTES, 'secret key');
  return ascii(bytes, 2, 4) === 'Sc';
}

/**
 * Opens a minisign secret key file: unencrypted (`minisign -G -W`) or scrypt-encrypted (minisign's
 * default; scrypt with minisign's own limits, 1 GiB and a few seconds). The check sum inside tells a
 * wrong password from a right one.
 */
export function parseSecretKey(text: string, password?: string): SecretKey {
  const [comment, line] = linesOf(text, 2, 'secret key file');
  commentOf(comment!, UNTRUSTED_PREFIX, 'first');
  const bytes = decodeBase64(line!, SECRET_FILE_BYTES, 'secret key');
  const sigAlg = ascii(bytes, 0, 2);
  const kdfAlg = ascii(bytes, 2, 4);
  const chkAlg = ascii(bytes, 4, 6);
  if (sigAlg !== KEY_ALG || chkAlg !== 'B2') throw new MinisignFormatError('this is not a minisign Ed25519 secret key');
  const saltAt = SECRET_LAYOUT.header;
  const limitsAt = saltAt + SECRET_LAYOUT.salt;
  const bodyAt = limitsAt + SECRET_LAYOUT.limits;
  const body = bytes.slice(bodyAt);
  if (kdfAlg === 'Sc') {
    if (password === undefined) throw new MinisignFormatError('the secret key is encrypted: a password is needed');
    const view = new DataView(bytes.buffer, bytes.byteOffset + limitsAt, 16);
    const opslimit = Number(view.getBigUint64(0, true));
    const memlimit = Number(view.getBigUint64(8, true));
    const stream = sodium().crypto_pwhash_scryptsalsa208sha256(
      body.length,
      password,
      bytes.subarray(saltAt, limitsAt),
      opslimit,
      memlimit,
    );
    for (let i = 0; i < body.length; i++) body[i]! ^= stream[i]!;
    sodium().memzero(stream);
  } else if (kdfAlg !== '\0\0') {
    throw new MinisignFormatError(`the secret key's encryption "${kdfAlg}" is not minisign's scrypt`);
  }
  const keyId = body.slice(0, KEY_ID_BYTES);
  const secretKey = body.slice(KEY_ID_BYTES, KEY_ID_BYTES + SECRET_KEY_BYTES);
  const check = body.subarray(KEY_ID_BYTES + SECRET_KEY_BYTES);
  const expected = sodium().crypto_generichash(CHECK_BYTES, concat(Buffer.from(KEY_ALG), keyId, secretKey), null);
  // minisign 0.11 leaves the check sum of a key without a password as zeros; the key pair itself must agree.
  const checked = sameBytes(check, expected) || (kdfAlg === '\0\0' && check.every((byte) => byte === 0));
  const derived = sodium().crypto_sign_seed_keypair(secretKey.subarray(0, 32));
  const consistent = sameBytes(derived.privateKey, secretKey);
  sodium().memzero(derived.privateKey);
  sodium().memzero(body);
  if (!checked || !consistent) {
    sodium().memzero(secretKey);
    throw new MinisignFormatError(
      kdfAlg === 'Sc' ? 'wrong password for the secret key' : 'the secret key file is damaged',
    );
  }
  return { keyId, secretKey };
}

/** The public half of an opened secret key. */
export function publicKeyOf(key: SecretKey): PublicKey {
  return { keyId: key.keyId, publicKey: sodium().crypto_sign_ed25519_sk_to_pk(key.secretKey) };
}
