import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import { loadSodium } from '../crypto/sodium.js';
import {
  MinisignFormatError,
  fileSignatureValid,
  formatKeyId,
  parsePublicKey,
  parseSignature,
  sameKeyId,
  trustedCommentValid,
  type PublicKey,
} from './minisign.js';
import { RELEASE_PUBLIC_KEY, SIGNATURE_FILE, SUMS_FILE } from './releaseKey.js';
import { SumsFormatError, parseSums, type SumsEntry } from './sha256sums.js';
import { parseReleaseComment, relationTo, type VersionRelation } from './version.js';

/**
 * Is this installer a genuine Crossing release? Checks, in order, each refusal naming the check
 * that failed and what to do: signed (the list and its signature are there) → format (the signature
 * file is minisign's) → key (signed by the pinned release key, not another) → signature (over the
 * list, and over the trusted comment) → comment (it names a Crossing version) → sums (the list is
 * well formed) → listed (the installer is in the list, by name or by content) → hash (its SHA-256 is
 * the listed one) → version (not older than the version running: a downgrade is refused).
 * The list and signature are read only up to a small limit; the installer is hashed as a stream.
 */
export const RELEASE_CHECKS = ['signed', 'format', 'key', 'signature', 'comment', 'sums', 'listed', 'hash', 'version'] as const;
export type ReleaseCheck = (typeof RELEASE_CHECKS)[number];

/** A SHA256SUMS of a release lists a handful of installers; a signature file is four short lines. */
export const MAX_SUMS_BYTES = 64 * 1024;
export const MAX_SIGNATURE_BYTES = 4 * 1024;

export interface ReleaseVerdict {
  genuine: boolean;
  /** The check that refused the installer, null when it is genuine. */
  check: ReleaseCheck | null;
  /** One plain sentence: what was found and, for a refusal, what to do. */
  reason: string;
  fileName: string;
  runningVersion: string;
  /** The key id of the key it was checked against (the pinned release key by default). */
  keyId: string;
  /** The key id the signature names, once the signature file has been read. */
  signedBy: string | null;
  /** The version the signed comment names, once it is known to be signed by the key. */
  version: string | null;
  platform: string | null;
  relation: VersionRelation | null;
  /** The name the signed list gives the installer (it differs when the file was renamed on the way). */
  listedAs: string | null;
  sha256: string | null;
}

export interface VerifyReleaseOptions {
  installer: string;
  /** Default: SHA256SUMS beside the installer. */
  sums?: string;
  /** Default: the sums file's name with `.minisig` added. */
  signature?: string;
  runningVersion: string;
  /** The key a genuine release is signed with: Crossing's pinned release key unless a test gives its own. */
  trustedKey?: string;
}

class Refusal extends Error {
  constructor(
    readonly check: ReleaseCheck,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export async function verifyRelease(options: VerifyReleaseOptions): Promise<ReleaseVerdict> {
  await loadSodium();
  const installer = path.resolve(options.installer);
  const installerStat = statOrNull(installer);
  if (!installerStat) throw usageError(`there is no file ${options.installer}`, 'noSuchFile', { name: path.basename(options.installer) });
  if (!installerStat.isFile()) throw usageError(`${options.installer} is not a file`, 'notAFile', { name: path.basename(options.installer) });
  const sumsPath = path.resolve(options.sums ?? path.join(path.dirname(installer), SUMS_FILE));
  const sigPath = path.resolve(options.signature ?? `${sumsPath}.minisig`);
  const key = parsePublicKey(options.trustedKey ?? RELEASE_PUBLIC_KEY);
  const verdict: ReleaseVerdict = {
    genuine: false,
    check: null,
    reason: '',
    fileName: path.basename(installer),
    runningVersion: options.runningVersion,
    keyId: formatKeyId(key.keyId),
    signedBy: null,
    version: null,
    platform: null,
    relation: null,
    listedAs: null,
    sha256: null,
  };
  try {
    const found = await checkSignedSums(verdict, key, sumsPath, sigPath);
    verdict.sha256 = await sha256File(installer);
    const entry = findInstaller(found, verdict.fileName, verdict.sha256);
    verdict.listedAs = entry.name;
    verdict.relation = relationTo(verdict.version!, options.runningVersion);
    if (verdict.relation === 'older') {
      throw new Refusal(
        'version',
        `this is genuine Crossing ${verdict.version}, but older than the ${options.runningVersion} running here: ` +
          'installing it would go back to an older version, perhaps with flaws fixed since. Do not install it unless you mean to',
      );
    }
    verdict.genuine = true;
    verdict.reason =
      `genuine Crossing ${verdict.version} (${verdict.platform}), signed by the release key ${verdict.keyId}` +
      (verdict.relation === 'newer' ? `: newer than the ${options.runningVersion} running here` : ': the version running here') +
      (entry.name === verdict.fileName ? '' : `; the release calls this file ${entry.name}`);
    return verdict;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ...verdict, genuine: false, check: error.check, reason: error.reason };
  }
}

/** signed → format → key → signature → comment → sums: fills in signedBy, version and platform. */
async function checkSignedSums(
  verdict: ReleaseVerdict,
  key: PublicKey,
  sumsPath: string,
  sigPath: string,
): Promise<SumsEntry[]> {
  const sumsBytes = await readBounded(sumsPath, MAX_SUMS_BYTES, 'sums');
  const sigBytes = await readBounded(sigPath, MAX_SIGNATURE_BYTES, 'format');
  if (!sumsBytes || !sigBytes) {
    const missing = [!sumsBytes && path.basename(sumsPath), !sigBytes && path.basename(sigPath)].filter(Boolean);
    throw new Refusal(
      'signed',
      `there is no ${missing.join(' and no ')} beside it, so nothing proves who made this installer. ` +
        `Copy ${SUMS_FILE} and ${SIGNATURE_FILE} of the same release into its folder, or name them`,
    );
  }
  let signature;
  try {
    signature = parseSignature(new TextDecoder('utf-8', { fatal: true }).decode(sigBytes));
  } catch (error) {
    const why = error instanceof MinisignFormatError ? error.message : 'it is not text';
    throw new Refusal('format', `${path.basename(sigPath)} is not a minisign signature (${why}): get the release's own signature file`);
  }
  verdict.signedBy = formatKeyId(signature.keyId);
  if (!sameKeyId(signature.keyId, key.keyId)) {
    throw new Refusal(
      'key',
      `the list is signed with the key ${verdict.signedBy}, not with Crossing's release key ${verdict.keyId}: ` +
        'whoever made it is not Crossing. Do not install it',
    );
  }
  if (!fileSignatureValid(signature, sumsBytes, key)) {
    throw new Refusal(
      'signature',
      `the signature does not match ${path.basename(sumsPath)}: the list was changed after it was signed, or the two ` +
        'files come from different releases. Do not install it; get the release again from someone you trust',
    );
  }
  if (!trustedCommentValid(signature, key)) {
    throw new Refusal(
      'signature',
      'the trusted comment of the signature (which names the version) was changed after signing. Do not install it',
    );
  }
  const comment = parseReleaseComment(signature.trustedComment);
  if (!comment) {
    throw new Refusal(
      'comment',
      `the signed comment "${signature.trustedComment.slice(0, 80)}" names no Crossing version: this is not a Crossing release list`,
    );
  }
  verdict.version = comment.version;
  verdict.platform = comment.platform;
  try {
    return parseSums(new TextDecoder('utf-8', { fatal: true }).decode(sumsBytes));
  } catch (error) {
    const why = error instanceof SumsFormatError ? error.message : 'it is not text';
    throw new Refusal('sums', `${path.basename(sumsPath)} is signed but is not a list of SHA-256 hashes (${why})`);
  }
}

/** listed → hash. A chat or a browser may rename a file on the way: a renamed installer is found by its content. */
export function findInstaller(entries: readonly SumsEntry[], fileName: string, sha256: string): SumsEntry {
  const byName = entries.find((e) => e.name === fileName);
  if (byName && byName.sha256 === sha256) return byName;
  const byContent = entries.find((e) => e.sha256 === sha256);
  if (byContent) return byContent;
  if (byName) {
    throw new Refusal(
      'hash',
      `${fileName} was changed: its SHA-256 is ${sha256}, the signed list says ${byName.sha256}. ` +
        'Do not install it; get it again from someone you trust',
    );
  }
  throw new Refusal(
    'listed',
    `${fileName} is not in the signed list, neither by name nor by content (${entries.map((e) => e.name).join(', ')}): ` +
      'it is not part of this release. Do not install it',
  );
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** The whole small file, or null when it is not there; over the limit is a refusal before a byte is read. */
async function readBounded(file: string, maxBytes: number, check: ReleaseCheck): Promise<Uint8Array | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Refusal(check, `${path.basename(file)} is not a file`);
    if (stat.size > maxBytes) {
      throw new Refusal(check, `${path.basename(file)} is ${stat.size} bytes, over the limit of ${maxBytes}: it is not a release's file`);
    }
    // Read one byte past the limit: a file that grows while it is read is refused, not truncated.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new Refusal(check, `${path.basename(file)} is over the limit of ${maxBytes} bytes`);
    }
    return new Uint8Array(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}

/** SHA-256 of a file of any size, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
