import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import { addContact, myKeyCard } from './contacts.js';
import { exportCases } from './exportCases.js';
import { handoffCase } from '../handoffs/handoffCase.js';
import { importSealedFile } from './importSealedFile.js';
import { makeVault } from './testing/fixtures.js';

/**
 * A seized export names no one: not the sender, not the recipients, nothing of the cases. A seized
 * vault folder shows no contact, no imported case, no purged case, in any encoding.
 */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('crossing-canary-')));
afterEach(() => cleanup());

/** Which needles appear in the file, as UTF-8 or UTF-16 text, or (for `raw`) as the bytes themselves. */
function readable(file: string, texts: readonly string[], raw: readonly Uint8Array[] = []): string[] {
  const bytes = fs.readFileSync(file);
  const found: string[] = [];
  for (const text of texts) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      if (bytes.includes(Buffer.from(text, encoding))) found.push(`${path.basename(file)}: ${text} (${encoding})`);
    }
  }
  for (const key of raw) if (bytes.includes(Buffer.from(key))) found.push(`${path.basename(file)}: raw key bytes`);
  return found;
}

it('exports and vault files hold nothing readable about people or keys', async () => {
  const sender = await makeVault(dir, 'Сендер-Канарейка');
  const receiver = await makeVault(dir, 'Receiver-Canary');
  addContact(sender, myKeyCard(receiver), { verified: true, name: 'Получатель-Канарейка' });
  addContact(receiver, myKeyCard(sender), { verified: true, name: 'Sender-Canary-Local' });
  const kept = sender.addCase({ alias: 'Алиас-Канарейка', legalName: 'LEGAL-CANARY', location: 'CITY-CANARY' });
  const handed = sender.addCase({ alias: 'HANDED-CANARY', notes: ['NOTE-CANARY'] });
  const out = path.join(dir, 'out.crossing');
  await exportCases(sender, { to: ['Получатель-Канарейка'], cases: [kept.id], outFile: out });
  await importSealedFile(receiver, out);
  await handoffCase(sender, handed.id, {
    to: 'Получатель-Канарейка',
    outFile: path.join(dir, 'handoff.crossing'),
    consent: { agreedTo: 'Сендер-Канарейка Организация' },
    purge: true,
  });
  await importSealedFile(receiver, path.join(dir, 'handoff.crossing'));

  const people = ['Сендер-Канарейка', 'Receiver-Canary', 'Получатель-Канарейка', 'Sender-Canary-Local'];
  const cases = ['Алиас-Канарейка', 'LEGAL-CANARY', 'CITY-CANARY', 'HANDED-CANARY', 'NOTE-CANARY', kept.id, handed.id];
  const keys = [sender.me.fingerprint, receiver.me.fingerprint, sender.me.ageRecipient, receiver.me.ageRecipient];
  const signKeys = [sender.me.signPublicKey, receiver.me.signPublicKey].map((k) =>
    Buffer.from(k, 'base64').toString('hex'),
  );
  // The search itself finds what it looks for (a control file in plain text).
  fs.writeFileSync(path.join(dir, 'control.txt'), `${people[1]} ${cases[1]}`, 'utf16le');
  expect(readable(path.join(dir, 'control.txt'), [...people, ...cases])).toHaveLength(2);
  for (const file of [out, path.join(dir, 'handoff.crossing')]) {
    expect(readable(file, [...people, ...cases, ...keys, ...signKeys])).toEqual([]);
  }
  // While open (WAL, shared memory) and after locking.
  const vaultFiles = () =>
    fs
      .readdirSync(dir)
      .filter((n) => n.includes('crossing-vault'))
      .map((n) => path.join(dir, n));
  for (const file of vaultFiles()) expect(readable(file, [...people, ...cases])).toEqual([]);
  sender.lock();
  receiver.lock();
  for (const file of vaultFiles()) expect(readable(file, [...people, ...cases])).toEqual([]);
  expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});
