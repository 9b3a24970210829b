import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { addContact, findContact, listContacts, myKeyCard, verifyContact } from './contacts.js';
import { exportCases } from './exportCases.js';
import { handoffCase } from '../handoffs/handoffCase.js';
import { importSealedFile } from './importSealedFile.js';
import { ImportRefusedError } from './openBundle.js';
import { casesSnapshot, introduce, makeVault, rowsSnapshot } from './testing/fixtures.js';

let dir: string;
let cleanup: () => void;
let alice: Vault;
let bob: Vault;
const file = (name: string) => path.join(dir, name);

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-exchange-'));
  alice = await makeVault(dir, 'Alice');
  bob = await makeVault(dir, 'Bob');
  introduce(alice, bob);
});

afterEach(() => {
  alice.lock();
  bob.lock();
  cleanup();
});

async function refusal(promise: Promise<unknown>): Promise<ImportRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefusedError);
  return error as ImportRefusedError;
}

describe('export and import between two vaults', () => {
  it('carries every op of the chosen cases, and only those', async () => {
    const a = alice.addCase({ alias: 'Ruslan', legalName: 'Ruslan K.', stage: 'shelter' });
    alice.updateCase(a.id, {
      risk: 'critical',
      contacts: [{ channel: 'signal', value: '+7 900 000', safetyNote: null }],
    });
    alice.addNote(a.id, 'called from a safe phone');
    const other = alice.addCase({ alias: 'Not sent' });
    const result = await exportCases(alice, { to: ['Bob'], cases: [a.id], outFile: file('a.crossing') });
    expect(result.opCount).toBe(alice.caseOps(a.id).length);
    expect(result.sequence).toBe(1);

    const report = await importSealedFile(bob, file('a.crossing'));
    expect(report.status).toBe('imported');
    expect(report.newCases).toEqual([{ caseId: a.id, alias: 'Ruslan', lookalike: null }]);
    expect(report.sender).toMatchObject({ contactName: 'Alice', verified: true, self: false });
    expect(bob.getCase(a.id)).toEqual(alice.getCase(a.id));
    expect(() => bob.getCase(other.id)).toThrow();
  });

  it('previews without changing anything, then imports what the preview said', async () => {
    const c = alice.addCase({ alias: 'Aminat', stage: 'intake' });
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('1.crossing') });
    await importSealedFile(bob, file('1.crossing'));
    alice.updateCase(c.id, { stage: 'documents', passport: 'confiscated' });
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('2.crossing') });

    const rowsBefore = rowsSnapshot(bob);
    const preview = await importSealedFile(bob, file('2.crossing'), { dryRun: true });
    expect(preview.status).toBe('preview');
    expect(preview.updatedCases).toEqual([{ caseId: c.id, alias: 'Aminat', fields: ['stage', 'passport'] }]);
    expect(rowsSnapshot(bob)).toBe(rowsBefore);
    expect(bob.getCase(c.id).fields.stage).toBe('intake');

    const real = await importSealedFile(bob, file('2.crossing'));
    expect(real.updatedCases).toEqual(preview.updatedCases);
    expect(bob.getCase(c.id).fields.stage).toBe('documents');
  });

  it('names, in a preview, the case held here that a new case may be the same person as', async () => {
    const held = bob.addCase({ alias: 'Ахмед Ж.', legalName: 'Ахмед Жужелица', birthYear: 1990 });
    bob.addCase({ alias: 'Akhmed' }); // a given name alone is too common to flag
    const sent = alice.addCase({ alias: 'Akhmed Zhuzhelitsa', birthYear: 1990 });
    const stranger = alice.addCase({ alias: 'Ислам Мусаев', birthYear: 1975 });
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('l.crossing') });

    const preview = await importSealedFile(bob, file('l.crossing'), { dryRun: true });
    const byId = new Map(preview.newCases.map((c) => [c.caseId, c.lookalike]));
    expect(byId.get(sent.id)).toEqual({
      id: held.id,
      alias: 'Ахмед Ж.',
      reasons: [
        { code: 'similarName', params: { a: 'Akhmed Zhuzhelitsa', b: 'Ахмед Жужелица', match: 'full' } },
        { code: 'sameBirthYear', params: { year: 1990 } },
      ],
    });
    expect(byId.get(stranger.id)).toBeNull();
    // The flag is for the person deciding; the import itself keeps two cases until they merge them.
    const real = await importSealedFile(bob, file('l.crossing'));
    expect(real.newCases.map((c) => c.caseId).sort()).toEqual([sent.id, stranger.id].sort());
    expect(bob.getCase(sent.id).id).toBe(sent.id);
  });

  it('recognises a file imported before and changes nothing the second time', async () => {
    alice.addCase({ alias: 'Zelimkhan' });
    await exportCases(alice, {
      to: ['Bob'],
      cases: 'all',
      outFile: file('x.crossing'),
      now: new Date('2025-01-02T03:04:05Z'),
    });
    const first = await importSealedFile(bob, file('x.crossing'), { now: new Date('2025-01-03T10:00:00Z') });
    const rows = rowsSnapshot(bob);
    const second = await importSealedFile(bob, file('x.crossing'));
    expect(second.status).toBe('already imported');
    expect(second.importedOn).toBe('2025-01-03T10:00:00.000Z');
    expect(second.exportId).toBe(first.exportId);
    expect(rowsSnapshot(bob)).toBe(rows);
  });

  it('keeps concurrent edits of one field as a conflict with both values and both authors', async () => {
    const c = alice.addCase({ alias: 'Islam', stage: 'intake' });
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('base.crossing') });
    await importSealedFile(bob, file('base.crossing'));
    alice.updateCase(c.id, { stage: 'shelter' });
    bob.updateCase(c.id, { stage: 'exit' });
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('a2.crossing') });
    await exportCases(bob, { to: ['Alice'], cases: 'all', outFile: file('b2.crossing') });
    const atBob = await importSealedFile(bob, file('a2.crossing'));
    const atAlice = await importSealedFile(alice, file('b2.crossing'));
    for (const report of [atBob, atAlice]) {
      expect(report.newConflicts).toHaveLength(1);
      const conflict = report.newConflicts[0]!;
      expect(conflict.key).toBe('stage');
      expect(conflict.candidates.map((w) => w.value).sort()).toEqual(['exit', 'shelter']);
      expect(conflict.candidates.map((w) => w.authorName).sort()).toEqual(['Alice', 'Bob']);
      expect(conflict.candidates.map((w) => w.author).sort()).toEqual(
        [alice.me.fingerprint, bob.me.fingerprint].sort(),
      );
    }
    expect(casesSnapshot(alice)).toBe(casesSnapshot(bob));
  });

  it('leaves out chosen fields, says so in the bundle and shows it on import', async () => {
    const c = alice.addCase({
      alias: 'Said',
      legalName: 'Said M. Legal',
      otherNames: ['Саид'],
      location: 'Tbilisi',
      contacts: [{ channel: 'phone', value: '+995 555', safetyNote: 'family reads this phone' }],
      stage: 'transit',
    });
    alice.updateCase(c.id, { location: 'Yerevan', risk: 'high' });
    await exportCases(alice, {
      to: ['Bob'],
      cases: [c.id],
      outFile: file('min.crossing'),
      omit: ['legalName', 'otherNames', 'contacts', 'location'],
    });
    const report = await importSealedFile(bob, file('min.crossing'));
    expect(report.omitted).toEqual(['legalName', 'otherNames', 'contacts', 'location']);
    const got = bob.getCase(c.id);
    expect(got.fields).toMatchObject({
      legalName: null,
      otherNames: [],
      location: null,
      stage: 'transit',
      risk: 'high',
    });
    expect(got.contacts).toEqual([]);
    const raw = fs.readFileSync(file('min.crossing'));
    expect(raw.includes(Buffer.from('Yerevan'))).toBe(false);
  });

  it('refuses an unverified recipient unless allowed, and names the check for an unverified sender', async () => {
    const carol = await makeVault(dir, 'Carol');
    addContact(alice, myKeyCard(carol));
    addContact(carol, myKeyCard(alice));
    alice.addCase({ alias: 'Magomed' });
    await expect(exportCases(alice, { to: ['Carol'], cases: 'all', outFile: file('c.crossing') })).rejects.toThrow(
      /not verified/,
    );
    await exportCases(alice, { to: ['Carol'], cases: 'all', outFile: file('c.crossing'), allowUnverified: true });
    const rows = rowsSnapshot(carol);
    expect((await refusal(importSealedFile(carol, file('c.crossing')))).check).toBe('sender');
    expect(rowsSnapshot(carol)).toBe(rows);
    const accepted = await importSealedFile(carol, file('c.crossing'), { acceptUnknownSender: true });
    expect(accepted.sender).toMatchObject({ contactName: 'Alice', verified: false });
    verifyContact(carol, 'Alice');
    expect(findContact(carol, 'alice').verified).toBe(true);
    carol.lock();
  });

  it("records the sending vault's change number, so a coordinator can notice an older copy", async () => {
    const a = alice.addCase({ alias: 'Ruslan' });
    await exportCases(alice, { to: ['Bob'], cases: [a.id], outFile: file('first.crossing') });
    const atFirst = alice.counter;
    alice.addNote(a.id, 'moved to the second flat');
    await exportCases(alice, { to: ['Bob'], cases: [a.id], outFile: file('second.crossing') });

    const first = await importSealedFile(bob, file('first.crossing'));
    const second = await importSealedFile(bob, file('second.crossing'));
    expect(atFirst).toBeGreaterThan(0);
    expect(first.senderVaultCounter).toBe(atFirst);
    expect(second.senderVaultCounter).toBe(alice.counter);
    expect(second.senderVaultCounter!).toBeGreaterThan(atFirst!);
  });

  it('refuses an older export from the same sender unless accepted as a late delivery', async () => {
    const c1 = alice.addCase({ alias: 'First' });
    await exportCases(alice, { to: ['Bob'], cases: [c1.id], outFile: file('s1.crossing') });
    const c2 = alice.addCase({ alias: 'Second' });
    await exportCases(alice, { to: ['Bob'], cases: [c2.id], outFile: file('s2.crossing') });
    await importSealedFile(bob, file('s2.crossing'));
    const rows = rowsSnapshot(bob);
    const error = await refusal(importSealedFile(bob, file('s1.crossing')));
    expect(error.check).toBe('sequence');
    expect(error.message).toMatch(/refused by the sequence check/);
    expect(rowsSnapshot(bob)).toBe(rows);
    const late = await importSealedFile(bob, file('s1.crossing'), { acceptOlder: true });
    expect(late.newCases.map((c) => c.alias)).toEqual(['First']);
  });
});

describe('handoff and purge', () => {
  it('assigns, exports, purges; an older export replayed later does not bring the case back', async () => {
    const c = alice.addCase({ alias: 'Handed', legalName: 'Full Name' });
    alice.addNote(c.id, 'a note');
    const keep = alice.addCase({ alias: 'Kept' });
    // Bob has an older copy and sends it back to Alice later.
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('old.crossing') });
    await importSealedFile(bob, file('old.crossing'));
    await exportCases(bob, { to: ['Alice'], cases: 'all', outFile: file('from-bob.crossing') });

    const result = await handoffCase(alice, c.id, {
      to: 'Bob',
      outFile: file('handoff.crossing'),
      consent: { agreedTo: 'Bob' },
      purge: true,
    });
    expect(result.purged).toBe(true);
    expect(result.purgedOps).toBe(4); // create, note, consent, assign
    expect(() => alice.getCase(c.id)).toThrow();
    expect(alice.getCase(keep.id).fields.alias).toBe('Kept');

    const report = await importSealedFile(alice, file('from-bob.crossing'));
    expect(report.skippedPurgedOps).toBeGreaterThan(0);
    expect(report.newCases).toEqual([]);
    expect(() => alice.getCase(c.id)).toThrow();

    // Still purged after reopening, and the file holds no trace readable as the case.
    const vaultPath = alice.path;
    alice.lock();
    const { Vault } = await import('../vault/vault.js');
    alice = await Vault.open(vaultPath, { passphrase: 'correct horse battery staple' });
    expect(alice.caseCount).toBe(1);
    expect(alice.isTombstoned(c.id)).toBe(true);
    expect(alice.check().ops).toBe(alice.opCount);

    const atBob = await importSealedFile(bob, file('handoff.crossing'));
    expect(atBob.updatedCases.map((u) => u.fields)).toEqual([['assignedTo', 'consents']]);
    expect(bob.getCase(c.id).fields.assignedTo).toBe(bob.me.fingerprint);
  });
});

describe('contacts', () => {
  it('refuses a changed key for a known contact unless re-verified, then refuses files from the old key', async () => {
    const bobCard = myKeyCard(bob);
    // Another vault calling itself Bob: a new laptop, or someone pretending.
    const impostor = await makeVault(dir, 'Bob', { file: 'bob-2' });
    addContact(impostor, myKeyCard(alice), { verified: true });
    expect(() => addContact(alice, myKeyCard(impostor))).toThrow(/has changed/);
    expect(listContacts(alice).find((c) => c.name === 'Bob')!.fingerprint).toBe(bob.me.fingerprint);

    impostor.addCase({ alias: 'From the new key' });
    await exportCases(impostor, { to: ['Alice'], cases: 'all', outFile: file('imp.crossing') });
    const error = await refusal(importSealedFile(alice, file('imp.crossing'), { acceptUnknownSender: true }));
    expect(error.check).toBe('sender');
    expect(error.message).toMatch(/changed key/);

    const replaced = addContact(alice, myKeyCard(impostor), { verified: true });
    expect(replaced.outcome).toBe('key replaced');
    expect(replaced.contact.previousFingerprints).toEqual([bob.me.fingerprint]);
    expect((await importSealedFile(alice, file('imp.crossing'))).status).toBe('imported');
    expect(addContact(alice, myKeyCard(impostor)).outcome).toBe('unchanged');
    expect(() => addContact(alice, bobCard)).toThrow(/has changed/);
    impostor.lock();
  });
});

describe('hybrid post-quantum identities', () => {
  it('exports to and imports from a vault whose age identity is ML-KEM-768 + X25519', async () => {
    const pq = await makeVault(dir, 'Quantum', { postQuantum: true });
    expect(pq.me.ageRecipient.startsWith('age1pq1')).toBe(true);
    introduce(alice, pq);
    const c = alice.addCase({ alias: 'Long-lived secret' });
    await exportCases(alice, { to: ['Quantum'], cases: 'all', outFile: file('pq.crossing') });
    expect((await importSealedFile(pq, file('pq.crossing'))).newCases).toEqual([
      { caseId: c.id, alias: 'Long-lived secret', lookalike: null },
    ]);
    pq.addNote(c.id, 'answered');
    await exportCases(pq, { to: ['Alice'], cases: 'all', outFile: file('pq-back.crossing') });
    await importSealedFile(alice, file('pq-back.crossing'));
    expect(casesSnapshot(alice)).toBe(casesSnapshot(pq));
    pq.lock();
  });
});

describe('fields left out, then sent in full later', () => {
  it('says that the copies held here lack fields the new file carries', async () => {
    const c = alice.addCase({ alias: 'Partial', legalName: 'Known Later', stage: 'shelter' });
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('min.crossing'), omit: ['legalName'] });
    await importSealedFile(bob, file('min.crossing'));
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('full.crossing') });
    const report = await importSealedFile(bob, file('full.crossing'));
    expect(report.partialHeldOps).toBe(1);
    // Not filled in yet (a known gap): the held copy stays as it was received.
    expect(bob.getCase(c.id).fields.legalName).toBeNull();
  });

  it('refuses a file that carries a different change under an id held here', async () => {
    const c = alice.addCase({ alias: 'History', stage: 'shelter' });
    await exportCases(alice, { to: ['Bob'], cases: 'all', outFile: file('h1.crossing') });
    await importSealedFile(bob, file('h1.crossing'));
    const { BUNDLE_FORMAT, bundleBytes, bundleSender, signBundle } = await import('./bundle.js');
    const { encryptToRecipients, padPlaintext } = await import('./seal.js');
    const [create] = alice.caseOps(c.id);
    const rewritten = { ...create!, fields: { ...(create as { fields: object }).fields, stage: 'exit' } };
    const me = alice.me;
    const body = bundleBytes({
      format: BUNDLE_FORMAT,
      kind: 'export',
      exportId: 'RewrittenHistory000000',
      sender: bundleSender(me),
      recipients: [bob.me.fingerprint],
      createdAt: new Date().toISOString(),
      sequence: 99,
      omitted: [],
      ops: [rewritten],
    });
    const forged = await encryptToRecipients(padPlaintext(signBundle(body, alice.signingKeys().secretKey)), [
      bob.me.ageRecipient,
    ]);
    fs.writeFileSync(file('forged.crossing'), forged);
    const rows = rowsSnapshot(bob);
    const error = await refusal(importSealedFile(bob, file('forged.crossing')));
    expect(error.check).toBe('ops');
    expect(error.message).toMatch(/rewrites history/);
    expect(rowsSnapshot(bob)).toBe(rows);
  });
});
