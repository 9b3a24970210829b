import { generateHybridIdentity, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { sodium, loadSodium } from '../crypto/sodium.js';
import { fingerprintOf } from '../identity/identity.js';
import { CARD_BEGIN, CARD_END, formatKeyCard, parseKeyCard, type KeyCard } from './keyCard.js';
import { formatSafetyNumber, safetyNumber, safetyNumberDigits } from './safetyNumber.js';

async function party(name: string, hybrid = false): Promise<Omit<KeyCard, 'version'>> {
  const { publicKey } = sodium().crypto_sign_keypair();
  const ageRecipient = await identityToRecipient(
    hybrid ? await generateHybridIdentity() : await generateX25519Identity(),
  );
  return {
    displayName: name,
    signPublicKey: Buffer.from(publicKey).toString('base64'),
    ageRecipient,
    fingerprint: fingerprintOf(publicKey, ageRecipient),
  };
}

let zarema: Omit<KeyCard, 'version'>;
let timur: Omit<KeyCard, 'version'>;
beforeAll(async () => {
  await loadSodium();
  zarema = await party('Зарема (Grozny)');
  timur = await party('Timur', true);
});

describe('key cards', () => {
  it('round-trip, for X25519 and hybrid post-quantum recipients', () => {
    for (const p of [zarema, timur]) expect(parseKeyCard(formatKeyCard(p))).toEqual({ version: 1, ...p });
    expect(timur.ageRecipient.startsWith('age1pq1')).toBe(true);
  });

  it('are found inside a pasted message, with CRLF and trailing spaces', () => {
    const pasted = `Hi, here is my card:\r\n\r\n${formatKeyCard(zarema).replace(/\n/g, '  \r\n')}\r\nbye`;
    expect(parseKeyCard(pasted).fingerprint).toBe(zarema.fingerprint);
  });

  it('refuse, naming what is wrong: altered keys, fingerprint, version, missing or extra lines', () => {
    const card = formatKeyCard(zarema);
    const lines = card.split('\n');
    const other = formatKeyCard(timur).split('\n');
    const cases: Array<[string, RegExp]> = [
      ['no card here', /BEGIN CROSSING KEY CARD-----? is missing/],
      [card.replace(CARD_END, ''), /END CROSSING KEY CARD----- is missing/],
      [card + card, /more than one card/],
      [card.replace('Version: 1', 'Version: 2'), /version 2 is not supported/],
      [[lines[0], lines[1], lines[3], lines[2], ...lines.slice(4)].join('\n'), /line 2 must start with "Name:"/],
      [card.replace(/Name: .*/, 'Name:    '), /line 2 must start|name must not be empty/],
      [card.replace(/Fingerprint: .*/, `Fingerprint: ${timur.fingerprint}`), /does not match the keys/],
      [card.replace(/Signing-Key: .*/, other[3]!), /does not match the keys/],
      [card.replace(/Age-Recipient: .*/, other[4]!), /does not match the keys/],
      [card.replace(/Signing-Key: .*/, 'Signing-Key: AAAA'), /32 bytes in base64/],
      [card.replace(/Age-Recipient: .*/, 'Age-Recipient: age1tag1qqqq'), /not an age1/],
      [card.replace(/Age-Recipient: (age1.{10})/, 'Age-Recipient: $1x'), /not an age1/],
      [card.replace('Version: 1\n', 'Version: 1\nComment: hi\n'), /expected 5/],
      ['x'.repeat(20_000), /far shorter/],
      [card.replace(/Name: .*/, 'Name: Bob\u202Eevil'), /text-direction/],
      [card.replace(/Name: .*/, 'Name: Bob\u009B31m'), /control or text-direction/],
      [card.replace(/Name: .*/, 'Name: Bob\u001B[31m'), /control characters/],
    ];
    for (const [text, message] of cases) expect(() => parseKeyCard(text), String(message)).toThrow(message);
    expect(() => parseKeyCard(card.replace(CARD_BEGIN, 'nothing'))).toThrow(/is missing/);
  });
});

describe('safety numbers', () => {
  it('are 60 digits in 12 groups of 5, the same for both parties', () => {
    const a = safetyNumberDigits(zarema, timur);
    expect(a).toMatch(/^\d{60}$/);
    expect(safetyNumberDigits(timur, zarema)).toBe(a);
    const shown = safetyNumber(zarema, timur);
    expect(shown.split(/\s+/)).toHaveLength(12);
    expect(shown.split('\n')).toHaveLength(3);
    expect(formatSafetyNumber(a)).toBe(shown);
  });

  it('change when either key of either party changes', async () => {
    const base = safetyNumberDigits(zarema, timur);
    const other = await party('Zarema');
    expect(safetyNumberDigits({ ...zarema, signPublicKey: other.signPublicKey }, timur)).not.toBe(base);
    expect(safetyNumberDigits({ ...zarema, ageRecipient: other.ageRecipient }, timur)).not.toBe(base);
    expect(safetyNumberDigits(zarema, { ...timur, ageRecipient: other.ageRecipient })).not.toBe(base);
  });
});
