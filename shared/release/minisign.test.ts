import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { makeTempDir } from '../testing/tempDir.js';
import {
  MinisignFormatError,
  fileSignatureValid,
  formatKeyId,
  formatPublicKey,
  formatSignature,
  parsePublicKey,
  parseSecretKey,
  parseSignature,
  publicKeyOf,
  secretKeyIsEncrypted,
  sign,
  trustedCommentValid,
} from './minisign.js';
import { minisign, minisignKeyPair, minisignVerifies, type MinisignKeyFiles } from './testing/minisignTool.js';

let dir: string;
let cleanup: () => void;
let keys: MinisignKeyFiles;
let other: MinisignKeyFiles;
let file: string;

beforeAll(async () => {
  await loadSodium();
  ({ dir, cleanup } = makeTempDir('crossing-minisign-'));
  keys = minisignKeyPair(dir, 'release');
  other = minisignKeyPair(dir, 'other');
  file = path.join(dir, 'SHA256SUMS');
  fs.writeFileSync(file, `${'ab'.repeat(32)}  Crossing-0.1.0.AppImage\n`);
});
afterAll(() => cleanup());

const read = (f: string) => new Uint8Array(fs.readFileSync(f));

describe('public keys', () => {
  it("reads minisign's key file and writes it back byte for byte, key id as minisign prints it", () => {
    const key = parsePublicKey(keys.publicKey);
    expect(formatPublicKey(key)).toBe(keys.publicKey);
    expect(keys.publicKey).toContain(`minisign public key ${formatKeyId(key.keyId)}\n`);
    // The bare base64 line (what `minisign -P` takes) is the same key.
    expect(parsePublicKey(keys.publicKey.split('\n')[1]!)).toEqual(key);
  });

  it('prints a key id that starts with zeros as minisign does, without them', () => {
    const key = parsePublicKey(keys.publicKey);
    const leadingZeros = { ...key, keyId: Uint8Array.from([0x21, 0x43, 0x65, 0x87, 0xa9, 0xcb, 0x0d, 0x00]) };
    expect(formatKeyId(leadingZeros.keyId)).toBe('DCBA987654321');
    expect(formatPublicKey(leadingZeros)).toMatch(/^untrusted comment: minisign public key DCBA987654321\n/);
    expect(parsePublicKey(formatPublicKey(leadingZeros))).toEqual(leadingZeros);
    expect(formatKeyId(new Uint8Array(8))).toBe('0');
  });

  it('is the public half of the secret key minisign made with it', () => {
    expect(publicKeyOf(parseSecretKey(fs.readFileSync(keys.secretKeyFile, 'utf8')))).toEqual(
      parsePublicKey(keys.publicKey),
    );
    expect(secretKeyIsEncrypted(fs.readFileSync(keys.secretKeyFile, 'utf8'))).toBe(false);
  });

  it('refuses a damaged secret key file rather than sign with it', () => {
    const [comment, line] = fs.readFileSync(keys.secretKeyFile, 'utf8').split('\n');
    const bytes = Buffer.from(line!, 'base64');
    bytes[70]! ^= 1; // inside the secret key
    expect(() => parseSecretKey(`${comment}\n${bytes.toString('base64')}\n`)).toThrow(/damaged/);
  });

  it.each([
    ['a short key', 'RWQAYC1TpgVWd2iM6GIu3NFQ', /bytes long/],
    ['not base64', 'RWQ!YC1TpgVWd2iM6GIu3NFQzQEi6l5hjNSy5SoxkUgqHcR5PqJwda4v', /not base64/],
    ['another algorithm', Buffer.concat([Buffer.from('Xx'), Buffer.alloc(40)]).toString('base64'), /not an Ed25519/],
    ['three lines', 'untrusted comment: x\nRWQ\nRWQ', /2 lines/],
    ['no comment prefix', 'comment: x\nRWQAYC1TpgVWd2iM6GIu3NFQzQEi6l5hjNSy5SoxkUgqHcR5PqJwda4v', /untrusted comment/],
  ])('refuses %s, saying why', (_name, text, why) => {
    expect(() => parsePublicKey(text)).toThrow(MinisignFormatError);
    expect(() => parsePublicKey(text)).toThrow(why);
  });
});

describe('signatures made by minisign, checked by Crossing', () => {
  it('accepts a prehashed signature (the default) and both its parts', () => {
    expect(minisign(['-S', '-s', keys.secretKeyFile, '-m', file, '-t', 'crossing 0.1.0 linux']).status).toBe(0);
    const signature = parseSignature(fs.readFileSync(`${file}.minisig`, 'utf8'));
    const key = parsePublicKey(keys.publicKey);
    expect(signature.prehashed).toBe(true);
    expect(signature.keyId).toEqual(key.keyId);
    expect(signature.trustedComment).toBe('crossing 0.1.0 linux');
    expect(fileSignatureValid(signature, read(file), key)).toBe(true);
    expect(trustedCommentValid(signature, key)).toBe(true);
  });

  it('accepts a legacy signature over the file itself (minisign -l)', () => {
    const legacy = path.join(dir, 'legacy.minisig');
    expect(minisign(['-S', '-l', '-s', keys.secretKeyFile, '-m', file, '-x', legacy, '-t', 'old']).status).toBe(0);
    const signature = parseSignature(fs.readFileSync(legacy, 'utf8'));
    expect(signature.prehashed).toBe(false);
    expect(fileSignatureValid(signature, read(file), parsePublicKey(keys.publicKey))).toBe(true);
  });

  it('refuses a changed file, another key, and a changed trusted comment', () => {
    const sigFile = path.join(dir, 'checked.minisig');
    expect(minisign(['-S', '-s', keys.secretKeyFile, '-m', file, '-x', sigFile, '-t', 'crossing 0.1.0 linux']).status).toBe(0);
    const signature = parseSignature(fs.readFileSync(sigFile, 'utf8'));
    const key = parsePublicKey(keys.publicKey);
    const changed = read(file);
    changed[0]! ^= 1;
    expect(fileSignatureValid(signature, changed, key)).toBe(false);
    expect(fileSignatureValid(signature, read(file), parsePublicKey(other.publicKey))).toBe(false);
    const newer = { ...signature, trustedComment: 'crossing 9.0.0 linux' };
    expect(fileSignatureValid(newer, read(file), key)).toBe(true);
    expect(trustedCommentValid(newer, key)).toBe(false);
    // minisign agrees on the edited comment.
    fs.writeFileSync(sigFile, formatSignature(newer));
    expect(minisignVerifies(file, keys.publicKeyFile, sigFile)).toBe(false);
  });
});

describe('signatures made by Crossing, checked by minisign', () => {
  it('is accepted by minisign -V, which shows the trusted comment', () => {
    const key = parseSecretKey(fs.readFileSync(keys.secretKeyFile, 'utf8'));
    const sigFile = path.join(dir, 'crossing.minisig');
    fs.writeFileSync(sigFile, formatSignature(sign(read(file), key, 'crossing 0.2.0 linux')));
    const result = minisign(['-V', '-m', file, '-p', keys.publicKeyFile, '-x', sigFile]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Signature and comment signature verified');
    expect(result.stdout).toContain('Trusted comment: crossing 0.2.0 linux');
  });

  it('is refused by minisign -V for a changed file or another key', () => {
    const key = parseSecretKey(fs.readFileSync(keys.secretKeyFile, 'utf8'));
    const copy = path.join(dir, 'SHA256SUMS.copy');
    fs.writeFileSync(copy, fs.readFileSync(file));
    const sigFile = `${copy}.minisig`;
    fs.writeFileSync(sigFile, formatSignature(sign(read(copy), key, 'crossing 0.2.0 linux')));
    expect(minisignVerifies(copy, keys.publicKeyFile)).toBe(true);
    expect(minisignVerifies(copy, other.publicKeyFile)).toBe(false);
    fs.appendFileSync(copy, `${'cd'.repeat(32)}  evil.AppImage\n`);
    expect(minisignVerifies(copy, keys.publicKeyFile)).toBe(false);
  });

  it('writes what it reads: a parsed signature formats to the same file', () => {
    const text = fs.readFileSync(`${file}.minisig`, 'utf8');
    expect(formatSignature(parseSignature(text))).toBe(text);
  });

  it('refuses a trusted comment of two lines', () => {
    const key = parseSecretKey(fs.readFileSync(keys.secretKeyFile, 'utf8'));
    expect(() => sign(read(file), key, 'crossing 0.1.0 linux\ntrusted comment: x')).toThrow(/one line/);
  });
});

describe('malformed signature files', () => {
  const good = () => fs.readFileSync(`${file}.minisig`, 'utf8');
  it.each([
    ['an empty file', () => '', /4 lines/],
    ['a missing line', () => good().split('\n').slice(0, 3).join('\n'), /4 lines/],
    ['a truncated signature', () => good().replace(/\n(\S{20})\S+\n/, '\n$1==\n'), /bytes long|base64/],
    ['no trusted comment prefix', () => good().replace('trusted comment: ', 'comment: '), /trusted comment/],
    ['an unknown algorithm', () => {
      const lines = good().split('\n');
      const bytes = Buffer.from(lines[1]!, 'base64');
      bytes.write('XY', 0, 'latin1');
      lines[1] = bytes.toString('base64');
      return lines.join('\n');
    }, /algorithm is "XY"/],
  ])('refuses %s, saying why', (_name, make, why) => {
    expect(() => parseSignature(make())).toThrow(MinisignFormatError);
    expect(() => parseSignature(make())).toThrow(why);
  });
});
