import fs from 'node:fs';
import path from 'node:path';
import { loadSodium, sodium } from '../crypto/sodium.js';
import {
  fileSignatureValid,
  formatKeyId,
  formatSignature,
  parseSecretKey,
  publicKeyOf,
  secretKeyIsEncrypted,
  sign,
  trustedCommentValid,
} from './minisign.js';
import { SIGNATURE_FILE, SUMS_FILE } from './releaseKey.js';
import { formatSums, type SumsEntry } from './sha256sums.js';
import { releaseComment } from './version.js';
import { sha256File } from './verifyRelease.js';

/**
 * The release step's half of signing: SHA256SUMS over what a release folder ships, and its minisign
 * signature with the trusted comment `crossing <version> <platform>`. The verifier is verifyRelease.
 */

/** What electron-builder leaves in its output that people download, plus the SBOM. Not its folders or logs. */
const SHIPPED = /\.(AppImage|deb|rpm|snap|exe|msi|dmg|pkg|zip|tar\.gz|tar\.xz|cdx\.json)$/;

export function shippedFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && SHIPPED.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Writes SHA256SUMS over the shipped files of a folder (hashed as streams); returns its entries. */
export async function writeSums(folder: string): Promise<SumsEntry[]> {
  const names = shippedFiles(folder);
  if (names.length === 0) throw new Error(`${folder} holds no installer to list`);
  const entries: SumsEntry[] = [];
  for (const name of names) entries.push({ name, sha256: await sha256File(path.join(folder, name)) });
  fs.writeFileSync(path.join(folder, SUMS_FILE), formatSums(entries));
  return entries;
}

export interface SignOptions {
  /** The text of a minisign secret key file (`minisign -G`, with or without a password). */
  secretKey: string;
  password?: string;
  version: string;
  platform: string;
}

/** Signs the folder's SHA256SUMS into SHA256SUMS.minisig; returns the key id it was signed with. */
export async function signSums(folder: string, options: SignOptions): Promise<string> {
  await loadSodium();
  if (secretKeyIsEncrypted(options.secretKey) && options.password === undefined) {
    throw new Error('the release key is protected by a password: set CROSSING_RELEASE_KEY_PASSWORD');
  }
  const comment = releaseComment(options.version, options.platform);
  const key = parseSecretKey(options.secretKey, options.password);
  try {
    const sums = new Uint8Array(fs.readFileSync(path.join(folder, SUMS_FILE)));
    const signature = sign(sums, key, comment);
    // Check what was made before it ships: a signature that does not verify is worse than none.
    const publicKey = publicKeyOf(key);
    if (!fileSignatureValid(signature, sums, publicKey) || !trustedCommentValid(signature, publicKey)) {
      throw new Error('the signature just made does not verify: nothing was signed');
    }
    fs.writeFileSync(path.join(folder, SIGNATURE_FILE), formatSignature(signature, `signature from Crossing release key ${formatKeyId(key.keyId)}`));
    return formatKeyId(key.keyId);
  } finally {
    sodium().memzero(key.secretKey);
  }
}
