import { fingerprintOf } from '../identity/identity.js';
import { personNameSchema } from './personName.js';
import { usageError } from '../errors.js';
import { isVaultRecipient } from './ageRecipient.js';

/**
 * A key card: the public half of a vault's identity as a short text block that a person can paste
 * into a message, send as a file or print. Parsing is strict (exact field names, order, encodings)
 * and every error says which line is wrong, because a card is typed, pasted and mangled by people.
 * It carries no secret and proves nothing by itself: trust comes from comparing the safety number.
 *
 *   -----BEGIN CROSSING KEY CARD-----
 *   Version: 1
 *   Name: Zarema
 *   Signing-Key: <Ed25519 public key, 32 bytes, base64>
 *   Age-Recipient: age1…
 *   Fingerprint: <40 hex digits, BLAKE2b of both keys>
 *   -----END CROSSING KEY CARD-----
 */
export const KEY_CARD_VERSION = 1;
export const CARD_BEGIN = '-----BEGIN CROSSING KEY CARD-----';
export const CARD_END = '-----END CROSSING KEY CARD-----';
const FIELDS = ['Version', 'Name', 'Signing-Key', 'Age-Recipient', 'Fingerprint'] as const;
/** A hybrid recipient is ~2 KB; anything far larger is not a card. */
const MAX_CARD_CHARS = 16 * 1024;

export interface KeyCard {
  version: number;
  displayName: string;
  /** base64 of the 32-byte Ed25519 public key */
  signPublicKey: string;
  ageRecipient: string;
  fingerprint: string;
}

export function formatKeyCard(card: Omit<KeyCard, 'version'>): string {
  return [
    CARD_BEGIN,
    `Version: ${KEY_CARD_VERSION}`,
    `Name: ${card.displayName}`,
    `Signing-Key: ${card.signPublicKey}`,
    `Age-Recipient: ${card.ageRecipient}`,
    `Fingerprint: ${card.fingerprint}`,
    CARD_END,
    '',
  ].join('\n');
}

/** Reads the one key card in a text (surrounding text, e.g. a pasted message, is ignored). */
export function parseKeyCard(text: string): KeyCard {
  const bad = (why: string) => usageError(`not a valid key card: ${why}`, 'badKeyCard');
  if (text.length > MAX_CARD_CHARS) throw bad(`it is ${text.length} characters long, a card is far shorter`);
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  const begin = lines.findIndex((line) => line.trim() === CARD_BEGIN);
  if (begin < 0) throw bad(`the line ${CARD_BEGIN} is missing`);
  if (lines.slice(begin + 1).some((line) => line.trim() === CARD_BEGIN)) throw bad('it holds more than one card');
  const end = lines.findIndex((line, i) => i > begin && line.trim() === CARD_END);
  if (end < 0) throw bad(`the line ${CARD_END} is missing`);
  const body = lines.slice(begin + 1, end).map((line) => line.trim());
  if (body.length !== FIELDS.length) {
    throw bad(`it has ${body.length} lines between BEGIN and END, expected ${FIELDS.length} (${FIELDS.join(', ')})`);
  }
  const values = FIELDS.map((field, i) => {
    const line = body[i]!;
    const prefix = `${field}: `;
    if (!line.startsWith(prefix)) throw bad(`line ${i + 1} must start with "${prefix.trim()}"`);
    return line.slice(prefix.length).trim();
  }) as [string, string, string, string, string];
  const [versionText, name, signPublicKey, ageRecipient, fingerprintText] = values;

  if (versionText !== String(KEY_CARD_VERSION)) {
    throw bad(`version ${versionText} is not supported (this Crossing reads version ${KEY_CARD_VERSION})`);
  }
  const displayName = personNameSchema.safeParse(name);
  if (!displayName.success) throw bad(`the name ${displayName.error.issues[0]?.message ?? 'is not valid'}`);
  const keyBytes = Buffer.from(signPublicKey, 'base64');
  if (keyBytes.length !== 32 || keyBytes.toString('base64') !== signPublicKey) {
    throw bad('the signing key must be 32 bytes in base64');
  }
  if (!isVaultRecipient(ageRecipient)) throw bad('the age recipient is not an age1… X25519 or age1pq1… hybrid key');
  const fingerprint = fingerprintText.replace(/\s+/g, '').toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(fingerprint)) throw bad('the fingerprint must be 40 hex digits');
  // The fingerprint is derived from the keys: a mismatch means a key or the fingerprint was altered.
  if (fingerprintOf(new Uint8Array(keyBytes), ageRecipient) !== fingerprint) {
    throw bad('the fingerprint does not match the keys: the card was altered or mistyped');
  }
  return { version: KEY_CARD_VERSION, displayName: displayName.data, signPublicKey, ageRecipient, fingerprint };
}
