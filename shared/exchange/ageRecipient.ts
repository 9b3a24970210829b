import { Encrypter } from 'age-encryption';

/**
 * The age recipients a Crossing vault can have: X25519 (`age1…`, the default, which Debian's `age`
 * opens) or hybrid post-quantum (`age1pq1…`). Other kinds (tag recipients for hardware keys) are
 * refused: no vault has them, so a card carrying one was not made by Crossing.
 */
const X25519_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const HYBRID_RECIPIENT = /^age1pq1[02-9ac-hj-np-z]{100,4000}$/;

export function isVaultRecipient(recipient: string): boolean {
  if (!X25519_RECIPIENT.test(recipient) && !HYBRID_RECIPIENT.test(recipient)) return false;
  try {
    // age itself decodes the key (bech32 checksum, length): the last word on whether it is usable.
    new Encrypter().addRecipient(recipient);
    return true;
  } catch {
    return false;
  }
}

export const isPostQuantumRecipient = (recipient: string) => recipient.startsWith('age1pq1');
