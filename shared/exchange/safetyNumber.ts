import { sodium } from '../crypto/sodium.js';

/**
 * A safety number (after Signal's): 60 digits in 12 groups of 5 that two people read to each other
 * to check that each holds the other's real keys. Each party contributes 30 digits derived from its
 * own keys; the halves are put in a fixed (sorted) order so both screens show the same number.
 * The hash is iterated so that finding a key whose half collides costs ~2^12 more per try.
 */
export interface PartyKeys {
  /** base64 Ed25519 public key */
  signPublicKey: string;
  ageRecipient: string;
}

const ITERATIONS = 5200;
const VERSION = 'crossing safety number v1';

function halfDigits(party: PartyKeys): string {
  const s = sodium();
  const keys = new TextEncoder().encode(`${party.signPublicKey}\n${party.ageRecipient}`);
  let digest: Uint8Array = s.crypto_generichash(64, new TextEncoder().encode(`${VERSION}\n`), null);
  const input = new Uint8Array(64 + keys.length);
  for (let i = 0; i < ITERATIONS; i++) {
    input.set(digest, 0);
    input.set(keys, 64);
    digest = s.crypto_generichash(64, input, null);
  }
  let digits = '';
  for (let chunk = 0; chunk < 6; chunk++) {
    // 5 bytes (40 bits) per group, reduced to 5 decimal digits, as Signal does.
    let value = 0;
    for (let b = 0; b < 5; b++) value = value * 256 + digest[chunk * 5 + b]!;
    digits += String(value % 100_000).padStart(5, '0');
  }
  return digits;
}

/** The 60 digits, the same whichever party computes it. */
export function safetyNumberDigits(a: PartyKeys, b: PartyKeys): string {
  const [first, second] = [halfDigits(a), halfDigits(b)].sort();
  return `${first}${second}`;
}

/** The number as people read it: 12 groups of 5 digits, in 3 lines of 4 groups. */
export function formatSafetyNumber(digits: string): string {
  const groups = digits.match(/\d{5}/g) ?? [];
  return [0, 4, 8].map((start) => groups.slice(start, start + 4).join(' ')).join('\n');
}

export function safetyNumber(a: PartyKeys, b: PartyKeys): string {
  return formatSafetyNumber(safetyNumberDigits(a, b));
}
