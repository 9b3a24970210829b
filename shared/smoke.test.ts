import { it, expect } from 'vitest';
import path from 'node:path';
import { Vault } from './vault/vault.js';
import { makeTempDir } from './testing/tempDir.js';
it('smoke', async () => {
  const { dir } = makeTempDir();
  const p = path.join(dir, 'v.crossing-vault');
  const { vault, recoveryKey } = await Vault.create(p, { passphrase: 'correct horse battery', kdf: 'interactive' });
  console.log(recoveryKey, vault.me);
  const c = vault.addCase({
    alias: 'Ахмед',
    legalName: 'Akhmed X',
    stage: 'shelter',
    contacts: [{ channel: 'signal', value: '+7 900', safetyNote: 'family reads' }],
  });
  vault.updateCase(c.id, { stage: 'documents', passport: 'confiscated' });
  vault.addNote(c.id, 'first call');
  console.log(JSON.stringify(vault.getCase(c.id), null, 1));
  console.log(vault.listCases({ search: 'akhmed' }).length, vault.listCases({ search: 'Ахмед' }).length);
  vault.lock();
  const v2 = await Vault.open(p, { passphrase: 'correct horse battery' });
  expect(v2.getCase(c.id).fields.stage).toBe('documents');
  console.log(v2.check());
  await expect(Vault.open(p, { passphrase: 'wrong passphrase!' })).rejects.toThrow('wrong passphrase');
  const v3 = await Vault.open(p, { recoveryKey: recoveryKey.toLowerCase() });
  expect(v3.caseCount).toBe(1);
});
