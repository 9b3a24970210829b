import { sodium } from '../crypto/sodium.js';
import { randomBytes } from '../crypto/random.js';

/**
 * The recovery key: 160 random bits shown once as eight groups of four characters plus one check
 * group, in Crockford's base32 (no I, L, O, U: nothing to misread when it is copied by hand).
 * The check group tells a typo apart from a wrong key.
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 20;
const GROUP = 4;

export function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function fromBase32(text: string): Uint8Array | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}

function checkGroup(secret: Uint8Array): string {
  const digest = sodium().crypto_generichash(16, secret, 'crossing recovery check');
  return toBase32(digest).slice(0, GROUP);
}

export function generateRecoveryKey(): Uint8Array {
  return randomBytes(RECOVERY_KEY_BYTES);
}

export function formatRecoveryKey(secret: Uint8Array): string {
  const body = toBase32(secret) + checkGroup(secret);
  return body.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

export type ParsedRecoveryKey = { ok: true; secret: Uint8Array } | { ok: false; problem: string };

/** Accepts what a person types back: any case, spaces or dashes, and O/I/L read as 0/1/1. */
export function parseRecoveryKey(input: string): ParsedRecoveryKey {
  const cleaned = cleanBase32(input);
  const bodyLength = Math.ceil((RECOVERY_KEY_BYTES * 8) / 5);
  if (cleaned.length !== bodyLength + GROUP) {
    return { ok: false, problem: `a recovery key has ${(bodyLength + GROUP) / GROUP} groups of ${GROUP} characters` };
  }
  if ([...cleaned].some((ch) => !ALPHABET.includes(ch))) {
    return { ok: false, problem: 'the recovery key holds characters it cannot have' };
  }
  const secret = fromBase32(cleaned.slice(0, bodyLength))!;
  if (checkGroup(secret) !== cleaned.slice(bodyLength)) {
    return { ok: false, problem: 'the recovery key has a typo: its last group does not match the others' };
  }
  return { ok: true, secret };
}

/** What a person types back, as base32: any case, spaces or dashes, and O/I/L read as 0/1/1. */
export function cleanBase32(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The recovery key is high-entropy, so a keyed hash suffices to turn it into a key-encryption key. */
export function recoveryKek(secret: Uint8Array, salt: Uint8Array): Uint8Array {
  const input = new Uint8Array(salt.length + secret.length);
  input.set(salt);
  input.set(secret, salt.length);
  const kek = sodium().crypto_generichash(32, input, 'crossing recovery kek v1');
  sodium().memzero(input);
  return kek;
}
