import { combine, split } from 'shamir-secret-sharing';
import { randomBytes } from '../crypto/random.js';
import { sodium } from '../crypto/sodium.js';
import { authError, usageError } from '../errors.js';
import { RECOVERY_KEY_BYTES, cleanBase32, fromBase32, toBase32 } from '../vault/recoveryKey.js';

/**
 * Recovery shares (DESIGN.md, "Panic and erase"; Martus's 2-of-3): the recovery secret split with
 * Shamir's scheme by `shamir-secret-sharing` (audited by Cure53 and Zellic), so that no one person
 * holds the way back into the vault and the loss of one paper loses nothing.
 *
 * A share as printed: Crockford base32 in groups of four (as the recovery key), carrying a format
 * byte, the set id, its number, the threshold and the count, then the Shamir share itself, then one
 * check group. The check group names a typo; the set id names a share from another set; the
 * restored secret is verified against the vault's recovery wrap before it is used, so wrong shares
 * are never silently turned into a wrong key.
 */
const FORMAT = 1;
export const SET_ID_BYTES = 5;
const SHARE_BYTES = RECOVERY_KEY_BYTES + 1; // the library appends the x coordinate
const PAYLOAD_BYTES = 1 + SET_ID_BYTES + 3 + SHARE_BYTES; // 30 bytes: 48 base32 characters
const GROUP = 4;
const BODY_CHARS = Math.ceil((PAYLOAD_BYTES * 8) / 5);
export const MAX_SHARES = 10;

export interface RecoveryShare {
  setId: string;
  /** 1-based, as printed: "share 2 of 3". */
  number: number;
  threshold: number;
  count: number;
  /** The printable share: groups of four characters, the last one a check. */
  text: string;
}

interface ParsedShare extends Omit<RecoveryShare, 'text'> {
  bytes: Uint8Array;
}

const groups = (text: string) => text.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');

function checkGroup(payload: Uint8Array): string {
  return toBase32(sodium().crypto_generichash(16, payload, 'crossing recovery share')).slice(0, GROUP);
}

export function formatSetId(setId: Uint8Array): string {
  return groups(toBase32(setId));
}

export function checkShareCounts(count: number, threshold: number): void {
  if (!Number.isInteger(count) || count < 2 || count > MAX_SHARES) {
    throw usageError(`the number of shares must be a whole number from 2 to ${MAX_SHARES}`, 'badRequest');
  }
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > count) {
    throw usageError(`the threshold must be a whole number from 2 to the number of shares (${count})`, 'badRequest');
  }
}

/** Splits a recovery secret into `count` printable shares, any `threshold` of which restore it. */
export async function splitRecoverySecret(
  secret: Uint8Array,
  count: number,
  threshold: number,
): Promise<RecoveryShare[]> {
  checkShareCounts(count, threshold);
  if (secret.length !== RECOVERY_KEY_BYTES) throw new Error('a recovery secret has 20 bytes');
  const setIdBytes = randomBytes(SET_ID_BYTES);
  const setId = formatSetId(setIdBytes);
  const shares = await split(secret, count, threshold);
  return shares.map((share, i) => {
    const payload = new Uint8Array(PAYLOAD_BYTES);
    payload.set([FORMAT], 0);
    payload.set(setIdBytes, 1);
    payload.set([i + 1, threshold, count], 1 + SET_ID_BYTES);
    payload.set(share, 1 + SET_ID_BYTES + 3);
    sodium().memzero(share);
    const text = groups(toBase32(payload) + checkGroup(payload));
    return { setId, number: i + 1, threshold, count, text };
  });
}

/**
 * The share in a text a person gives: the share itself, or a whole printed share file (the line
 * after "Share:", or the one run of base32 groups long enough to be a share).
 */
export function shareTextIn(input: string): string {
  const labelled = /(?:share|доля)\s*:\s*([0-9A-Za-z -]+)/i.exec(input);
  if (labelled) return labelled[1]!.trim();
  const runs = input.match(/[0-9A-Za-z]{4}(?:[ -]?[0-9A-Za-z]{1,4}){10,}/g) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0] ?? input;
}

/** `position` names the share in errors: the order in which the person gave it (1-based). */
function parseShare(input: string, position: number): ParsedShare {
  const bad = () =>
    authError(
      `recovery share ${position} has a typing mistake or is not a recovery share: check it letter by letter`,
      'badRecoveryShare',
      { share: position },
    );
  const cleaned = cleanBase32(shareTextIn(input));
  if (cleaned.length !== BODY_CHARS + GROUP) throw bad();
  const payload = fromBase32(cleaned.slice(0, BODY_CHARS));
  if (!payload || payload.length !== PAYLOAD_BYTES || checkGroup(payload) !== cleaned.slice(BODY_CHARS)) throw bad();
  const [format, number, threshold, count] = [
    payload[0]!,
    payload[1 + SET_ID_BYTES]!,
    payload[2 + SET_ID_BYTES]!,
    payload[3 + SET_ID_BYTES]!,
  ];
  if (format !== FORMAT || number < 1 || number > count || threshold < 2 || threshold > count) throw bad();
  return {
    setId: formatSetId(payload.subarray(1, 1 + SET_ID_BYTES)),
    number,
    threshold,
    count,
    bytes: payload.slice(1 + SET_ID_BYTES + 3),
  };
}

/**
 * Every way the given shares can restore a secret: all `threshold`-sized groups of them, so that one
 * wrong share among more than enough is passed over. The caller keeps the first that opens the vault.
 */
export async function restoreCandidates(inputs: readonly string[]): Promise<Uint8Array[]> {
  const shares = inputs.map((input, i) => parseShare(input, i + 1));
  const first = shares[0];
  if (!first) throw authError('no recovery shares were given', 'recoveryShareTooFew', { need: 2, have: 0 });
  shares.forEach((share, i) => {
    if (share.setId !== first.setId) {
      throw authError(
        `recovery share ${i + 1} belongs to set ${share.setId}, share 1 to set ${first.setId}: use shares of one set`,
        'recoveryShareOtherSet',
        { share: i + 1 },
      );
    }
    const twin = shares.findIndex((other) => other.number === share.number);
    if (twin !== i) {
      throw authError(
        `recovery share ${i + 1} is share ${share.number} of the set again (given as share ${twin + 1} too)`,
        'recoveryShareTwice',
        { share: i + 1 },
      );
    }
  });
  if (shares.length < first.threshold) {
    throw authError(
      `${first.threshold} recovery shares of set ${first.setId} are needed; ${shares.length} given`,
      'recoveryShareTooFew',
      { need: first.threshold, have: shares.length },
    );
  }
  const candidates: Uint8Array[] = [];
  for (const group of groupsOf(shares, first.threshold)) candidates.push(await combine(group.map((s) => s.bytes)));
  return candidates;
}

function groupsOf<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [head, ...rest] = items;
  return [...groupsOf(rest, size - 1).map((g) => [head!, ...g]), ...groupsOf(rest, size)];
}
