import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { PASSPHRASE, crossing, withPassphrase } from './testing/runCrossing.js';

/**
 * Canary strings go in through every command that takes personal data; afterwards not one byte of
 * any file the commands could have written (the vault, its WAL and shared memory, the temp folder)
 * may hold them, in UTF-8 or UTF-16LE.
 */
const CANARIES = ['КАНАРЕЙКА-7731', 'CANARY-7731', 'Канарейкин', '+7-928-000-7731'];

let dir: string;
let cleanup: () => void;
let vaultDir: string;
let tmpDir: string;
let vault: string;

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vaultDir = path.join(dir, 'vault');
  tmpDir = path.join(dir, 'tmp');
  fs.mkdirSync(vaultDir);
  fs.mkdirSync(tmpDir);
  vault = path.join(vaultDir, 'cases.crossing-vault');
});
afterAll(() => cleanup());

const run = (args: string[], input?: string) => {
  // passwd keeps the same passphrase, so later commands still open the vault.
  const env = withPassphrase({ CROSSING_NEW_PASSPHRASE: PASSPHRASE, TMPDIR: tmpDir, TMP: tmpDir, TEMP: tmpDir });
  const result = crossing(args, { env, input });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function findCanaries(): string[] {
  const found: string[] = [];
  for (const file of [...filesUnder(vaultDir), ...filesUnder(tmpDir)]) {
    const bytes = fs.readFileSync(file);
    for (const canary of CANARIES)
      for (const encoding of ['utf8', 'utf16le'] as const)
        if (bytes.includes(Buffer.from(canary, encoding))) found.push(`${file}: ${canary} (${encoding})`);
  }
  return found;
}

it('writes no personal data readable to any file, even while another process holds the vault open', () => {
  run(['init', vault, '--kdf', 'interactive']);
  // A second process reading the vault keeps SQLite from folding the WAL back and deleting it.
  const reader = new Database(vault, { readonly: true });
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM op_segments').get();
  try {
    const [cyrillic, latin, surname, phone] = CANARIES as [string, string, string, string];
    const id = run(
      ['case', 'add', vault, '--json', '-'],
      JSON.stringify({
        alias: cyrillic,
        legalName: `${latin} ${surname}`,
        otherNames: [latin, surname],
        location: `${cyrillic} city`,
        contacts: [{ channel: 'phone', value: phone, safetyNote: `${cyrillic} reads this phone` }],
        documents: [{ kind: 'visa', status: 'applied', note: latin }],
        tasks: [{ text: `call ${surname}`, due: '2030-01-01' }],
        notes: [`${cyrillic} ${latin}`],
      }),
    ).trim();
    run(
      ['case', 'update', vault, id, '--json', '-'],
      JSON.stringify({ alias: `${latin} (renamed)`, pronouns: surname }),
    );
    run(['case', 'note', vault, id, `${surname} ${phone}`]);
    run(['case', 'note', vault, id, '-'], `${cyrillic}\n${latin}\n`);
    // Reading them back shows them on stdout: proof they are in the vault, only sealed.
    expect(run(['case', 'list', vault, '--search', latin])).toContain(latin);
    expect(run(['case', 'show', vault, id])).toContain(phone);
    run(['passwd', vault]);
    expect(fs.existsSync(`${vault}-wal`)).toBe(true);
    expect(findCanaries()).toEqual([]);
  } finally {
    reader.close();
  }
  run(['check', vault]);
  expect(findCanaries()).toEqual([]);
  // The scan itself must be able to see a canary.
  fs.writeFileSync(path.join(tmpDir, 'probe'), Buffer.from(`x${CANARIES[0]}x`, 'utf16le'));
  expect(findCanaries()).toHaveLength(1);
});
