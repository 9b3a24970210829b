/**
 * SQL for Debian's `sqlcipher` shell, written as a stream: the peer the bench sets Crossing beside.
 * Nothing here holds a whole script in memory; the loader writes it to the shell's stdin in chunks.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NEEDS_CARE = /['\u0000-\u001f]/;
const CONTROL = /[\u0000-\u001f]/g;

/**
 * A string as an SQL literal: single quotes doubled; control characters (NUL, CR, LF, …) as
 * `char(n)` joined with `||`, since the shell reads its input line by line and a raw NUL or CR
 * would not reach SQLite as written. A lone surrogate has no UTF-8 form and is refused.
 * JSON text (what the bench loads) has none of these: JSON.stringify escapes them all.
 */
export function sqlString(text: string): string {
  if (LONE_SURROGATE.test(text)) throw new Error('a string with a lone surrogate cannot be written as UTF-8');
  if (!NEEDS_CARE.test(text)) return `'${text}'`;
  const quoted = text.replaceAll("'", "''").replace(CONTROL, (c) => `'||char(${c.charCodeAt(0)})||'`);
  return `'${quoted}'`;
}

export interface TableLoad {
  name: string;
  /** Column definitions, e.g. `id TEXT PRIMARY KEY`. */
  columns: readonly string[];
  rows: Iterable<readonly string[]>;
  /** Statements run once the rows are in, e.g. `CREATE INDEX …`. */
  after?: readonly string[];
}

/**
 * The whole load as one transaction: the key first (SQLCipher derives it at the first read or
 * write, with its default KDF), then each table's rows as multi-row INSERTs, then COMMIT.
 * `.bail on` makes the shell stop and exit non-zero at the first error.
 */
export function* loadScript(key: string, tables: readonly TableLoad[], rowsPerInsert = 100): Generator<string> {
  yield '.bail on\n';
  yield `PRAGMA key = ${sqlString(key)};\n`;
  yield 'BEGIN;\n';
  for (const table of tables) {
    yield `CREATE TABLE ${table.name}(${table.columns.join(', ')});\n`;
    let batch: string[] = [];
    for (const row of table.rows) {
      batch.push(`(${row.map(sqlString).join(',')})`);
      if (batch.length === rowsPerInsert) {
        yield `INSERT INTO ${table.name} VALUES\n${batch.join(',\n')};\n`;
        batch = [];
      }
    }
    if (batch.length) yield `INSERT INTO ${table.name} VALUES\n${batch.join(',\n')};\n`;
    for (const statement of table.after ?? []) yield `${statement};\n`;
  }
  yield 'COMMIT;\n';
}

/** A script that unlocks the database and runs `sql` (one statement or several). */
export function queryScript(key: string, sql: string): string {
  return `.bail on\nPRAGMA key = ${sqlString(key)};\n${sql}\n`;
}

/** Which PBKDF2 digest and how many iterations a SQLCipher build uses by default. */
export interface SqlcipherInfo {
  version: string;
  sqliteVersion: string;
  kdfIterations: number;
  kdfDigest: 'sha1' | 'sha256' | 'sha512';
  pageSize: number;
  provider: string;
}

/**
 * What to ask a keyed database, and how to read the answers (one a line, in this order). SQLCipher 3 has no
 * `cipher_kdf_algorithm` pragma (unknown pragmas answer nothing) and always uses PBKDF2-HMAC-SHA1.
 */
export const INFO_PRAGMAS = [
  'PRAGMA cipher_version;',
  'SELECT sqlite_version();',
  'PRAGMA kdf_iter;',
  'PRAGMA cipher_page_size;',
  'PRAGMA cipher_provider;',
  'PRAGMA cipher_provider_version;',
  'PRAGMA cipher_kdf_algorithm;',
].join('\n');

export function parseInfo(stdout: string): SqlcipherInfo {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const [version = '?', sqliteVersion = '?', iter = 'NaN', page = 'NaN', provider = '?', providerVersion = ''] = lines;
  const algorithm = lines.find((l) => /^PBKDF2_HMAC_/i.test(l))?.toUpperCase();
  const kdfDigest = algorithm?.endsWith('SHA512') ? 'sha512' : algorithm?.endsWith('SHA256') ? 'sha256' : 'sha1';
  return {
    version,
    sqliteVersion,
    kdfIterations: Number(iter),
    kdfDigest,
    pageSize: Number(page),
    provider: `${provider} ${providerVersion}`.trim(),
  };
}
