import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { addCase, crossing, initVault, sha256, withPassphrase } from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
const env = withPassphrase();

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'cases.crossing-vault');
  initVault(vault);
  for (const alias of ['Рамзан', 'Luiza', 'Ислам']) addCase(vault, { alias, notes: [`note on ${alias}`] });
});
afterAll(() => cleanup());

describe('crossing check', () => {
  it('passes on a good vault, with counts', () => {
    const result = crossing(['check', vault], { env });
    expect(result.status, result.stderr).toBe(0);
    // Records: the identity, the two chunks of the sealed index snapshot (a header and the cases), and
    // 4 × 8 decoys that hide how many contacts, tombstones, imports and senders there are.
    expect(result.stdout).toMatch(
      /^ok: 3 segments, 35 records, 0 files, 6 ops, 3 cases authenticated\nevery row is there in its last version; change number \d+\n$/,
    );
    const json = JSON.parse(crossing(['check', vault, '--json'], { env }).stdout) as Record<string, unknown>;
    expect(json).toEqual({
      ok: true,
      segments: 3,
      records: 35,
      files: 0,
      unlistedFiles: 0,
      ops: 6,
      cases: 3,
      counter: expect.any(Number),
    });
  });

  it('prints no progress when stderr is not a terminal', () => {
    expect(crossing(['check', vault], { env }).stderr).toBe('');
  });

  it('fails with exit 3 on a tampered row, naming it, the file untouched', () => {
    const db = new Database(vault);
    const rows = db.prepare('SELECT id, sealed FROM op_segments').all() as { id: Buffer; sealed: Buffer }[];
    const row = rows[rows.length - 1]!;
    row.sealed[row.sealed.length - 1]! ^= 0x80; // the last byte of the authentication tag
    db.prepare('UPDATE op_segments SET sealed = ? WHERE id = ?').run(row.sealed, row.id);
    db.close();
    const before = sha256(vault);
    const result = crossing(['check', vault], { env });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(
      new RegExp(
        `^crossing: the vault file was altered: the row op_segments/${row.id.toString('hex')} is not the version`,
      ),
    );
    expect(sha256(vault)).toBe(before);
  });
});
