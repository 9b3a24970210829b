import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { makeTempDir } from '../testing/tempDir.js';
import { ageHeaderFor, writeAgeFile } from './ageWriter.js';
import { decryptAgeFile } from './seal.js';

/** Age files written chunk by chunk, opened by Debian's `age` (Go, written by no one here) and by us. */
const AGE = '/usr/bin/age';
const CHUNK = 64 * 1024;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  await loadSodium();
  ({ dir, cleanup } = makeTempDir('crossing-age-writer-'));
});
afterAll(() => cleanup());

/** Pieces of uneven sizes, so that chunk boundaries fall inside them. */
function* unevenPieces(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0, n = 1; at < bytes.length; at += n, n = (n * 7 + 3) % 40_000) yield bytes.subarray(at, at + n);
}

describe.skipIf(!fs.existsSync(AGE))('the age CLI opens what is written', () => {
  for (const [length, padding] of [
    [1, 0],
    [CHUNK - 1, 1],
    [CHUNK, 0],
    [CHUNK, CHUNK],
    [3 * CHUNK + 17, 5000],
  ] as const) {
    it(`${length} bytes and ${padding} spaces`, async () => {
      const identity = await generateX25519Identity();
      const other = await generateX25519Identity();
      const plaintext = randomBytes(length);
      const out = path.join(dir, `written-${length}-${padding}.age`);
      const size = await writeAgeFile(out, [await identityToRecipient(other), await identityToRecipient(identity)], {
        length,
        paddedLength: length + padding,
        pieces: unevenPieces(plaintext),
      });
      expect(fs.statSync(out).size).toBe(size);
      fs.writeFileSync(`${out}.key`, identity, { mode: 0o600 });
      const opened = execFileSync(AGE, ['--decrypt', '--identity', `${out}.key`, out]);
      const expected = Buffer.concat([plaintext, Buffer.alloc(padding, 0x20)]);
      expect(opened.equals(expected)).toBe(true);
      expect(Buffer.from(await decryptAgeFile(new Uint8Array(fs.readFileSync(out)), identity)).equals(expected)).toBe(
        true,
      );
    });
  }
});

it('gives each file a fresh file key, and names every recipient in the header', async () => {
  const recipients = [await identityToRecipient(await generateX25519Identity())];
  const [a, b] = [await ageHeaderFor(recipients), await ageHeaderFor(recipients)];
  expect(Buffer.from(a.fileKey).equals(Buffer.from(b.fileKey))).toBe(false);
  expect(Buffer.from(a.header).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> X25519 [^\n]+\n[^\n]*\n--- /);
});

it('leaves nothing behind when the content does not add up to its announced length', async () => {
  const recipient = await identityToRecipient(await generateX25519Identity());
  const out = path.join(dir, 'short', 'short.age');
  fs.mkdirSync(path.dirname(out));
  await expect(
    writeAgeFile(out, [recipient], { length: 100, paddedLength: 200, pieces: [new Uint8Array(99)] }),
  ).rejects.toThrow(/shrank/);
  await expect(
    writeAgeFile(out, [recipient], { length: 100, paddedLength: 200, pieces: [new Uint8Array(101)] }),
  ).rejects.toThrow(/grew/);
  expect(fs.readdirSync(path.dirname(out))).toEqual([]);
});
