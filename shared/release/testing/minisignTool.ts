import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Debian's `minisign` (apt-get install minisign), run for interop tests: keys it makes are used by
 * Crossing and signatures Crossing makes are checked by it. Tests need it installed.
 */
export const MINISIGN = '/usr/bin/minisign';

export interface MinisignResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function minisign(args: readonly string[], input = ''): MinisignResult {
  if (!fs.existsSync(MINISIGN)) throw new Error(`${MINISIGN} is missing: apt-get install minisign`);
  const result = spawnSync(MINISIGN, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface MinisignKeyFiles {
  publicKeyFile: string;
  secretKeyFile: string;
  publicKey: string;
  /** Its key id as minisign's comment gives it (and Crossing shows it). */
  keyId: string;
}

/** The key id in minisign's "untrusted comment: minisign public key …" line (printed with %PRIX64). */
export function keyIdInComment(publicKey: string): string {
  const found = /minisign public key ([0-9A-F]{1,16})\n/.exec(publicKey);
  if (!found) throw new Error(`no key id in the public key's comment: ${publicKey}`);
  return found[1]!;
}

/**
 * A throwaway key pair made by minisign itself in `dir`: without a password (`-W`, instant), or
 * scrypt-encrypted with one (minisign's default, about a gigabyte and several seconds).
 */
export function minisignKeyPair(dir: string, name = 'test', password?: string): MinisignKeyFiles {
  const publicKeyFile = path.join(dir, `${name}.pub`);
  const secretKeyFile = path.join(dir, `${name}.key`);
  const args = ['-G', '-f', '-p', publicKeyFile, '-s', secretKeyFile];
  const result =
    password === undefined ? minisign([...args, '-W']) : minisign(args, `${password}\n${password}\n`);
  if (result.status !== 0) throw new Error(`minisign -G failed: ${result.stderr}`);
  const publicKey = fs.readFileSync(publicKeyFile, 'utf8');
  return { publicKeyFile, secretKeyFile, publicKey, keyId: keyIdInComment(publicKey) };
}

/** `minisign -V`: true when it accepts both signatures. */
export function minisignVerifies(file: string, publicKeyFile: string, signatureFile = `${file}.minisig`): boolean {
  return minisign(['-V', '-q', '-m', file, '-p', publicKeyFile, '-x', signatureFile]).status === 0;
}
