import { beforeAll, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from './recoveryKey.js';

beforeAll(async () => {
  await loadSodium();
});

it('formats as nine groups of four and parses back, whatever the case and separators', () => {
  const secret = generateRecoveryKey();
  const text = formatRecoveryKey(secret);
  expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
  for (const typed of [text, text.toLowerCase(), text.replace(/-/g, ' '), text.replace(/-/g, '')]) {
    const parsed = parseRecoveryKey(typed);
    expect(parsed.ok && Buffer.from(parsed.secret).equals(Buffer.from(secret))).toBe(true);
  }
});

it('reads O as 0 and I or L as 1, as a person copying by hand would mean', () => {
  const secret = new Uint8Array(20);
  const text = formatRecoveryKey(secret);
  expect(parseRecoveryKey(text.replace(/0/g, 'O')).ok).toBe(true);
});

it('names a typo, a wrong length and a foreign character', () => {
  const text = formatRecoveryKey(generateRecoveryKey());
  const swapped = text.slice(0, 5) + (text[5] === '7' ? '8' : '7') + text.slice(6);
  expect(parseRecoveryKey(swapped)).toMatchObject({ ok: false, problem: expect.stringMatching(/typo/) });
  expect(parseRecoveryKey(text.slice(0, 20))).toMatchObject({ ok: false, problem: expect.stringMatching(/groups/) });
  expect(parseRecoveryKey(text.replace(/.$/, 'U'))).toMatchObject({
    ok: false,
    problem: expect.stringMatching(/cannot have/),
  });
});
