/**
 * Versions of Crossing releases. The version travels in the signature's trusted comment
 * (`crossing 0.1.0 linux`), which the release key signs together with the signature: an installer
 * renamed to look newer is still the version its signed comment says.
 */
export interface ReleaseComment {
  version: string;
  platform: string;
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const COMMENT = /^crossing (\S+) (\S+)$/;

export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

export function releaseComment(version: string, platform: string): string {
  if (!isVersion(version)) throw new Error(`${JSON.stringify(version)} is not a version like 1.2.3`);
  if (!/^[a-z0-9_-]+$/.test(platform)) throw new Error(`${JSON.stringify(platform)} is not a platform name`);
  return `crossing ${version} ${platform}`;
}

/** The version and platform a trusted comment names, or null when it is not a Crossing release's comment. */
export function parseReleaseComment(comment: string): ReleaseComment | null {
  const match = COMMENT.exec(comment);
  if (!match || !isVersion(match[1]!)) return null;
  return { version: match[1]!, platform: match[2]! };
}

/** Semantic-version order: negative when a is older than b, 0 when the same, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const pa = VERSION.exec(a);
  const pb = VERSION.exec(b);
  if (!pa || !pb) throw new Error(`cannot compare ${JSON.stringify(a)} with ${JSON.stringify(b)}`);
  for (let i = 1; i <= 3; i++) {
    const diff = Number(pa[i]) - Number(pb[i]);
    if (diff !== 0) return Math.sign(diff);
  }
  return comparePrerelease(pa[4], pb[4]);
}

/** A pre-release is older than its release; identifiers compare numerically when both are numbers. */
function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const x = as[i];
    const y = bs[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return Math.sign(Number(x) - Number(y));
    if (xn !== yn) return xn ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export type VersionRelation = 'older' | 'same' | 'newer';

/** How an installer's version stands to the version running. */
export function relationTo(installer: string, running: string): VersionRelation {
  const order = compareVersions(installer, running);
  return order < 0 ? 'older' : order > 0 ? 'newer' : 'same';
}
