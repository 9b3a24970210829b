import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { Vault } from './vault.js';

const CANARIES = ['КАНАРЕЙКА-5521', 'CANARY-5521', 'Зелимхан-Канарейка', '+7-928-000-5521'];
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

/** Every file in the folder, each byte, in UTF-8 and UTF-16LE: no canary may be readable. */
function findCanaries(folder: string): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync(folder)) {
    const bytes = fs.readFileSync(path.join(folder, name));
    for (const canary of CANARIES) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(canary, encoding))) found.push(`${name}: ${canary} (${encoding})`);
      }
    }
  }
  return found;
}

it('writes nothing readable to the vault, its WAL or its shared-memory file', async () => {
  const file = path.join(dir, 'canary.crossing-vault');
  const { vault } = await Vault.create(file, {
    passphrase: 'correct horse battery staple',
    kdf: 'interactive',
    displayName: 'Test',
  });
  const c = vault.addCase({
    alias: CANARIES[0]!,
    legalName: CANARIES[1],
    otherNames: [CANARIES[2]!],
    location: CANARIES[1],
    contacts: [{ channel: 'phone', value: CANARIES[3]!, safetyNote: CANARIES[0]! }],
    notes: [`${CANARIES[0]} ${CANARIES[1]}`],
  });
  vault.updateCase(c.id, { alias: `${CANARIES[1]} (renamed)` });
  vault.addNote(c.id, CANARIES[2]!);
  // While open: the WAL holds the latest pages; the writer lock names only a pid.
  expect(fs.readdirSync(dir).sort()).toEqual([
    'canary.crossing-vault',
    'canary.crossing-vault-lock',
    'canary.crossing-vault-shm',
    'canary.crossing-vault-wal',
  ]);
  expect(findCanaries(dir)).toEqual([]);
  vault.lock();
  expect(findCanaries(dir)).toEqual([]);
  // And the data really is there, behind the key.
  const reopened = await Vault.open(file, { passphrase: 'correct horse battery staple' });
  expect(reopened.getCase(c.id).notes.map((n) => n.text)).toContain(CANARIES[2]);
  reopened.lock();
});
