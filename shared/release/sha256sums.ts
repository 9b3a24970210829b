/**
 * SHA256SUMS: the list `sha256sum` writes and `sha256sum -c` checks, one `<64 hex>  <file name>` line
 * per installer. Crossing writes plain file names only, sorted, so the list of a release is the same
 * whatever order the files were found in; the parser accepts `sha256sum`'s binary marker (`*name`)
 * and refuses anything else, since a signed list that is read loosely proves less than it seems.
 */
export interface SumsEntry {
  sha256: string;
  name: string;
}

export class SumsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SumsFormatError';
  }
}

const LINE = /^([0-9a-fA-F]{64}) [ *](.+)$/;

/** A name a release folder can hold: no folders, no control characters, not `.` or `..`. */
export function isPlainFileName(name: string): boolean {
  return name !== '.' && name !== '..' && !/[/\\\0-\x1f\x7f]/.test(name);
}

export function formatSums(entries: readonly SumsEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name } of sorted) {
    if (!isPlainFileName(name)) throw new SumsFormatError(`${JSON.stringify(name)} is not a plain file name`);
  }
  return sorted.map((e) => `${e.sha256.toLowerCase()}  ${e.name}\n`).join('');
}

export function parseSums(text: string): SumsEntry[] {
  const entries: SumsEntry[] = [];
  const byName = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') return;
    const match = LINE.exec(line);
    if (!match) throw new SumsFormatError(`line ${i + 1} is not "<SHA-256 in hex>  <file name>"`);
    const sha256 = match[1]!.toLowerCase();
    const name = match[2]!;
    if (!isPlainFileName(name)) throw new SumsFormatError(`line ${i + 1} names ${JSON.stringify(name)}, not a plain file name`);
    const seen = byName.get(name);
    if (seen !== undefined && seen !== sha256) throw new SumsFormatError(`${name} is listed twice with different hashes`);
    if (seen === undefined) entries.push({ sha256, name });
    byName.set(name, sha256);
  });
  if (entries.length === 0) throw new SumsFormatError('it lists no file');
  return entries;
}
