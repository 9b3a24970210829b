import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { loadScript, parseInfo, queryScript, sqlString, INFO_PRAGMAS } from './sqlcipher.js';
import { isOnPath, runWholeProcess } from './wholeProcess.js';

const AWKWARD = [
  '',
  "it's",
  "''",
  "'; DROP TABLE t; --",
  'line one\nline two',
  'windows\r\nline',
  'ends with CR\r',
  '\n.quit\n',
  '.bail off',
  'tab\there',
  'NUL \u0000 inside',
  'Ахмед Исламович «в кавычках»',
  'emoji 🕊️ and 𝕏',
  JSON.stringify({ alias: 'O\'Brien "Ахмед"', note: 'a\nb\u0000c' }),
  'x'.repeat(100_000),
];

describe('sqlString', () => {
  it('doubles quotes and leaves plain text as it is', () => {
    expect(sqlString('Ахмед')).toBe("'Ахмед'");
    expect(sqlString("it's")).toBe("'it''s'");
  });

  it('writes control characters as char(n), so no raw newline, CR or NUL reaches the shell', () => {
    expect(sqlString('a\nb')).toBe("'a'||char(10)||'b'");
    expect(sqlString('\u0000')).toBe("''||char(0)||''");
    for (const text of AWKWARD) expect(sqlString(text)).not.toMatch(/[\u0000-\u001f]/);
  });

  it('refuses a lone surrogate, which UTF-8 cannot carry, and keeps a pair', () => {
    expect(() => sqlString('a\uD800b')).toThrow(/lone surrogate/);
    expect(() => sqlString('\uDC00')).toThrow(/lone surrogate/);
    expect(sqlString('🕊')).toBe("'🕊'");
  });
});

describe('parseInfo', () => {
  it('reads SQLCipher 3 answers (no KDF algorithm pragma: SHA1)', () => {
    const info = parseInfo('3.4.1\n3.15.2\n64000\n1024\nopenssl\nOpenSSL 3.0.3 3 May 2022\n');
    expect(info).toEqual({
      version: '3.4.1',
      sqliteVersion: '3.15.2',
      kdfIterations: 64000,
      kdfDigest: 'sha1',
      pageSize: 1024,
      provider: 'openssl OpenSSL 3.0.3 3 May 2022',
    });
  });

  it('reads SQLCipher 4 answers', () => {
    const info = parseInfo('4.6.1 community\n3.46.1\n256000\n4096\nopenssl\nOpenSSL 3.3\nPBKDF2_HMAC_SHA512\n');
    expect(info.kdfDigest).toBe('sha512');
    expect(info.kdfIterations).toBe(256000);
  });
});

// CI does not install sqlcipher (the bench skips the peer without it); these run where it is.
const hasSqlcipher = isOnPath('sqlcipher');
describe.skipIf(!hasSqlcipher)('through the real sqlcipher (skipped: sqlcipher is not installed)', () => {
  it('loads awkward strings in one streamed transaction and reads back the same bytes', async () => {
    const { dir, cleanup } = makeTempDir('crossing-sqlcipher-');
    try {
      const file = path.join(dir, 'round.sqlcipher');
      // Enough rows to fill the pipe many times over: the writer must wait for it to drain.
      const rows = Array.from({ length: 3000 }, (_, i) => [String(i), AWKWARD[i % AWKWARD.length]!] as const);
      await runWholeProcess('sqlcipher', [file], {
        input: loadScript(
          "key with ' quote",
          [{ name: 't', columns: ['n TEXT PRIMARY KEY', 'a TEXT NOT NULL'], rows }],
          7,
        ),
      });
      const read = await runWholeProcess('sqlcipher', [file], {
        input: [queryScript("key with ' quote", 'SELECT n, hex(a) FROM t ORDER BY CAST(n AS INTEGER);')],
      });
      const got = read.stdout.trimEnd().split('\n');
      expect(got).toHaveLength(rows.length);
      got.forEach((line, i) => {
        expect(line).toBe(`${i}|${Buffer.from(rows[i]![1], 'utf8').toString('hex').toUpperCase()}`);
      });
      // Encrypted: no plaintext in the file, and a wrong key reads nothing.
      expect(fs.readFileSync(file).includes(Buffer.from('Исламович'))).toBe(false);
      await expect(
        runWholeProcess('sqlcipher', [file], { input: [queryScript('wrong key', 'SELECT count(*) FROM t;')] }),
      ).rejects.toThrow(/not a database|encrypted/);
    } finally {
      cleanup();
    }
  });

  it('stops at the first error and exits non-zero', async () => {
    const { dir, cleanup } = makeTempDir('crossing-sqlcipher-');
    try {
      const file = path.join(dir, 'dup.sqlcipher');
      const rows = [
        ['same', 'a'],
        ['same', 'b'],
      ];
      await expect(
        runWholeProcess('sqlcipher', [file], {
          input: loadScript('k', [{ name: 't', columns: ['n TEXT PRIMARY KEY', 'a TEXT'], rows }], 1),
        }),
      ).rejects.toThrow(/UNIQUE constraint failed/);
    } finally {
      cleanup();
    }
  });

  it('answers the version pragmas', async () => {
    const { dir, cleanup } = makeTempDir('crossing-sqlcipher-');
    try {
      const run = await runWholeProcess('sqlcipher', [path.join(dir, 'probe')], {
        input: [queryScript('k', INFO_PRAGMAS)],
      });
      const info = parseInfo(run.stdout);
      expect(info.version).toMatch(/^\d+\.\d+/);
      expect(info.kdfIterations).toBeGreaterThan(1000);
    } finally {
      cleanup();
    }
  });
});
