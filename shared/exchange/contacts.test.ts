import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { casesAssignedTo, contactByName, listContacts, myKeyCard, removeContact, renameContact } from './contacts.js';
import { exportCases } from './exportCases.js';
import { introduce, makeVault } from './testing/fixtures.js';

/** Issue 13: contacts a person can manage — rename, remove, and what removing does to assigned cases. */
let dir: string;
let cleanup: () => void;
let alice: Vault;
let bob: Vault;
let carol: Vault;
beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  alice = await makeVault(dir, 'Alice');
  bob = await makeVault(dir, 'Bob');
  carol = await makeVault(dir, 'Carol');
  introduce(alice, bob);
  introduce(alice, carol);
});
afterEach(() => {
  for (const v of [alice, bob, carol]) v.lock();
  cleanup();
});

describe('contacts', () => {
  it('renames a contact here only; the name must be free and valid', () => {
    const renamed = renameContact(alice, 'Bob', 'Бекхан (Грозный)');
    expect(renamed).toMatchObject({ name: 'Бекхан (Грозный)', cardName: 'Bob' });
    expect(contactByName(alice, 'бекхан (грозный)')?.fingerprint).toBe(bob.me.fingerprint);
    expect(() => renameContact(alice, 'Carol', 'БЕКХАН (Грозный)')).toThrow(
      expect.objectContaining({ reason: 'contactNameTaken', params: { name: 'Бекхан (Грозный)' } }),
    );
    expect(() => renameContact(alice, 'Carol', '   ')).toThrow(expect.objectContaining({ reason: 'invalidData' }));
    expect(() => renameContact(alice, 'Nobody', 'X')).toThrow(expect.objectContaining({ reason: 'noSuchContact' }));
    // Renaming to the same name in another case is allowed (it is the same contact).
    expect(renameContact(alice, 'Carol', 'carol').name).toBe('carol');
  });

  it('removes a contact: nothing more can be sent to them; cases assigned to them are counted and kept', async () => {
    const c = alice.addCase({ alias: 'Ахмед', assignedTo: bob.me.fingerprint });
    alice.addCase({ alias: 'Муса', assignedTo: carol.me.fingerprint });
    expect(casesAssignedTo(alice, bob.me.fingerprint)).toBe(1);
    const removed = removeContact(alice, bob.me.fingerprint.slice(0, 12));
    expect(removed).toMatchObject({ contact: { name: 'Bob' }, assignedCases: 1 });
    expect(listContacts(alice).map((x) => x.name)).toEqual(['Carol']);
    expect(alice.getCase(c.id).fields.assignedTo).toBe(bob.me.fingerprint);
    await expect(
      exportCases(alice, { to: ['Bob'], cases: [c.id], outFile: `${dir}/x.crossing` }),
    ).rejects.toMatchObject({
      reason: 'noSuchContact',
    });
    // Their card can be added again later, unverified as any new card.
    expect(myKeyCard(bob)).toContain('Bob');
  });
});
