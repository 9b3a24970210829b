import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomId } from '../crypto/random.js';
import { backupVault, restoreBackup } from '../exchange/backup.js';
import { exportCases, writeBundle } from '../exchange/exportCases.js';
import { findContact } from '../exchange/contacts.js';
import { importSealedFile } from '../exchange/importSealedFile.js';
import { ImportRefusedError } from '../exchange/openBundle.js';
import { introduce, makeVault, rowsSnapshot } from '../exchange/testing/fixtures.js';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { handoffCase } from './handoffCase.js';
import { listHandoffs } from './listHandoffs.js';
import { readLedger } from './records.js';
import { writeReceipt } from './writeReceipt.js';

/**
 * The hand-off as a journey between real vaults: hand off with purge, accept or decline, the
 * receipt back, the case handed back over its tombstone; and every receipt or return that must be
 * refused, refused with nothing changed.
 */
let dir: string;
let cleanup: () => void;
let amina: Vault;
let bela: Vault;
let chechil: Vault;
const file = (name: string) => path.join(dir, name);

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-handoffs-'));
  amina = await makeVault(dir, 'Amina');
  bela = await makeVault(dir, 'Bela');
  chechil = await makeVault(dir, 'Chechil');
  introduce(amina, bela);
  introduce(bela, chechil);
  introduce(amina, chechil);
});

afterEach(() => {
  for (const vault of [amina, bela, chechil]) vault.lock();
  cleanup();
});

async function refusal(promise: Promise<unknown>, check: string): Promise<ImportRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefusedError);
  expect((error as ImportRefusedError).check).toBe(check);
  return error as ImportRefusedError;
}

async function handOff(from: Vault, caseId: string, to: string, name: string, purge = true, keepAlias = false) {
  return handoffCase(from, caseId, {
    to,
    outFile: file(name),
    consent: { agreedTo: `${to}'s shelter network` },
    purge,
    keepAlias,
  });
}

describe('a hand-off accepted', () => {
  it('goes sent → accepted on the receipt, the purged case a stub without its alias', async () => {
    const c = amina.addCase({ alias: 'Zelimkhan', legalName: 'Zelimkhan Full' });
    const sent = await handOff(amina, c.id, 'Bela', 'h1.crossing');
    expect(listHandoffs(amina).sent).toMatchObject([
      { handoffId: sent.exportId, caseId: c.id, alias: null, state: 'sent', purged: true, caseHeld: false },
    ]);
    expect(listHandoffs(amina).sent[0]!.to.name).toBe('Bela');
    // The consent's words are about the person: they went with the case, the stub keeps only their kind.
    expect(listHandoffs(amina).sent[0]).toMatchObject({ consent: 'agreed', agreedTo: null, override: null });

    const atBela = await importSealedFile(bela, file('h1.crossing'));
    expect(atBela.handoff).toEqual({ handoffId: sent.exportId, caseIds: [c.id], outcome: 'accepted', reason: null });
    expect(bela.getCase(c.id).consents).toMatchObject([{ recipientName: 'Bela', agreedTo: "Bela's shelter network" }]);
    const receipt = await writeReceipt(bela, sent.exportId, file('h1.receipt.crossing'));
    expect(receipt).toMatchObject({ outcome: 'accepted', returnedCases: [], to: { name: 'Amina' } });
    expect(bela.holdsCase(c.id)).toBe(true);

    const atAmina = await importSealedFile(amina, file('h1.receipt.crossing'));
    expect(atAmina.kind).toBe('receipt');
    expect(atAmina.receipts).toMatchObject([
      { handoffId: sent.exportId, outcome: 'accepted', to: 'Bela', isNew: true },
    ]);
    expect(atAmina.newOps).toBe(0);
    const [record] = listHandoffs(amina).sent;
    expect(record).toMatchObject({ state: 'accepted', reason: null, alias: null });
    expect(record!.receivedAt).not.toBeNull();
    expect(listHandoffs(amina).counts).toMatchObject({ awaiting: 0, accepted: 1 });
    expect(amina.holdsCase(c.id)).toBe(false);
  });

  it('keeps the alias in the stub only when asked', async () => {
    const c = amina.addCase({ alias: 'Kept alias' });
    await handOff(amina, c.id, 'Bela', 'h.crossing', true, true);
    expect(listHandoffs(amina).sent[0]!.alias).toBe('Kept alias');
  });

  it('records the consent, or its override with the reason, in the case history', async () => {
    const c = amina.addCase({ alias: 'Islam' });
    await handoffCase(amina, c.id, {
      to: 'Bela',
      outFile: file('h.crossing'),
      consent: { override: 'could not be reached; in immediate danger' },
    });
    const consent = amina.getCase(c.id).consents[0]!;
    expect(consent).toMatchObject({ agreedTo: null, override: 'could not be reached; in immediate danger' });
    // Kept here, the case keeps the words in its hand-off record too.
    expect(listHandoffs(amina).sent[0]).toMatchObject({
      consent: 'override',
      override: 'could not be reached; in immediate danger',
    });
    await expect(
      handoffCase(amina, c.id, { to: 'Bela', outFile: file('h2.crossing'), consent: { agreedTo: '  ' } }),
    ).rejects.toMatchObject({ reason: 'consentRequired' });
    expect(fs.existsSync(file('h2.crossing'))).toBe(false);
  });

  it('carries the receipt again in the next export to the sender alone, and a lost receipt file is made up for', async () => {
    const c = amina.addCase({ alias: 'Lost receipt' });
    const other = bela.addCase({ alias: 'Bela own' });
    const sent = await handOff(amina, c.id, 'Bela', 'h.crossing');
    await importSealedFile(bela, file('h.crossing'));
    // The receipt file is lost on the way; Bela's next export to Amina alone carries the answer.
    await exportCases(bela, { to: ['Amina'], cases: [other.id], outFile: file('later.crossing') });
    await exportCases(bela, { to: ['Amina', 'Chechil'], cases: [other.id], outFile: file('both.crossing') });
    const report = await importSealedFile(amina, file('later.crossing'));
    expect(report.receipts).toMatchObject([{ handoffId: sent.exportId, outcome: 'accepted', isNew: true }]);
    expect(listHandoffs(amina).sent[0]!.state).toBe('accepted');
    // A file for several people carries no receipt: Chechil learns nothing of Amina's hand-off.
    const atChechil = await importSealedFile(chechil, file('both.crossing'), { dryRun: true });
    expect(atChechil.receipts).toEqual([]);
    expect(await importSealedFile(amina, file('both.crossing'))).toMatchObject({ receipts: [] });
  });
});

describe('a hand-off declined', () => {
  it('carries the case back with the receipt; the sender sees the reason and holds the case again', async () => {
    const c = amina.addCase({ alias: 'Declined one', legalName: 'Full' });
    amina.addNote(c.id, 'first night at the flat');
    const sent = await handOff(amina, c.id, 'Bela', 'h.crossing');
    const atBela = await importSealedFile(bela, file('h.crossing'), { decline: 'no shelter space until March' });
    expect(atBela.handoff?.outcome).toBe('declined');
    const receipt = await writeReceipt(bela, sent.exportId, file('h.receipt.crossing'));
    expect(receipt.returnedCases).toEqual([c.id]);
    expect(bela.holdsCase(c.id)).toBe(false);
    expect(bela.isTombstoned(c.id)).toBe(true);

    const preview = await importSealedFile(amina, file('h.receipt.crossing'), { dryRun: true });
    expect(preview.returns).toMatchObject([{ caseId: c.id, alias: 'Declined one', handedTo: 'Bela' }]);
    await importSealedFile(amina, file('h.receipt.crossing'));
    expect(amina.getCase(c.id).notes.map((n) => n.text)).toEqual(['first night at the flat']);
    expect(amina.isTombstoned(c.id)).toBe(false);
    expect(listHandoffs(amina).sent[0]).toMatchObject({
      state: 'declined',
      reason: 'no shelter space until March',
      caseHeld: true,
    });
    expect(readLedger(amina).sent[0]!.returnedAt).not.toBeNull();
  });

  it('brings the case back with the receipt file even when an export carried the answer first', async () => {
    const c = amina.addCase({ alias: 'Answer first' });
    const own = bela.addCase({ alias: 'Bela own' });
    const sent = await handOff(amina, c.id, 'Bela', 'h.crossing');
    await importSealedFile(bela, file('h.crossing'), { decline: 'no room' });
    await writeReceipt(bela, sent.exportId, file('h.receipt.crossing'));
    await exportCases(bela, { to: ['Amina'], cases: [own.id], outFile: file('later.crossing') });
    // The export overtakes the receipt file: the answer is recorded, the case not back yet.
    await importSealedFile(amina, file('later.crossing'), { acceptOlder: true });
    expect(listHandoffs(amina).sent[0]).toMatchObject({ state: 'declined', caseHeld: false });
    const report = await importSealedFile(amina, file('h.receipt.crossing'), { acceptOlder: true });
    expect(report.returns.map((r) => r.caseId)).toEqual([c.id]);
    expect(report.receipts).toMatchObject([{ isNew: false }]);
    expect(amina.getCase(c.id).fields.alias).toBe('Answer first');
  });

  it('refuses to decline a file that is not a hand-off', async () => {
    amina.addCase({ alias: 'plain' });
    await exportCases(amina, { to: ['Bela'], cases: 'all', outFile: file('plain.crossing') });
    const before = rowsSnapshot(bela);
    await expect(importSealedFile(bela, file('plain.crossing'), { decline: 'no' })).rejects.toMatchObject({
      reason: 'notAHandoff',
    });
    expect(rowsSnapshot(bela)).toBe(before);
  });
});

describe('a case handed back', () => {
  it('comes back over its tombstone from its holder, with the whole history, and the hand-off is returned', async () => {
    const c = amina.addCase({ alias: 'Returns home' });
    amina.addNote(c.id, 'written by Amina');
    const sent = await handOff(amina, c.id, 'Bela', 'h.crossing');
    await importSealedFile(bela, file('h.crossing'));
    bela.addNote(c.id, 'written by Bela');
    bela.updateCase(c.id, { stage: 'documents' });
    const back = await handOff(bela, c.id, 'Amina', 'back.crossing');

    const preview = await importSealedFile(amina, file('back.crossing'), { dryRun: true });
    expect(preview.returns).toEqual([
      expect.objectContaining({ caseId: c.id, alias: 'Returns home', handedTo: 'Bela', handedOn: sent.createdAt }),
    ]);
    // Bela's note, stage, consent and assignment: the changes made since it left.
    expect(preview.returns[0]!.changes).toBe(4);
    expect(preview.newCases).toEqual([]);
    expect(amina.holdsCase(c.id)).toBe(false);

    const report = await importSealedFile(amina, file('back.crossing'));
    expect(report.handoff).toMatchObject({ handoffId: back.exportId, outcome: 'accepted' });
    const state = amina.getCase(c.id);
    expect(state.notes.map((n) => n.text)).toEqual(['written by Amina', 'written by Bela']);
    expect(state.fields.stage).toBe('documents');
    expect(state.fields.assignedTo).toBe(amina.me.fingerprint);
    expect(state.consents).toHaveLength(2);
    expect(amina.isTombstoned(c.id)).toBe(false);
    expect(listHandoffs(amina).sent[0]).toMatchObject({ state: 'returned', caseHeld: true });

    // Bela's record: the receipt for the return says accepted.
    await writeReceipt(amina, back.exportId, file('back.receipt.crossing'));
    await importSealedFile(bela, file('back.receipt.crossing'));
    expect(listHandoffs(bela).sent[0]).toMatchObject({ handoffId: back.exportId, state: 'accepted' });
    // Bela's answer to the first hand-off travelled inside the hand-back: a receipt file of it now
    // changes nothing and is refused.
    expect(report.receipts).toMatchObject([{ handoffId: sent.exportId, outcome: 'accepted', isNew: true }]);
    expect(listHandoffs(amina).sent[0]).toMatchObject({ state: 'returned', receiptAt: expect.any(String) });
    await writeReceipt(bela, sent.exportId, file('h.receipt.crossing'));
    await refusal(importSealedFile(amina, file('h.receipt.crossing')), 'receipt');
    expect(amina.check().ops).toBe(amina.opCount);
  });

  it('still skips a plain export of a purged case, even from its holder', async () => {
    const c = amina.addCase({ alias: 'Stays purged' });
    await handOff(amina, c.id, 'Bela', 'h.crossing');
    await importSealedFile(bela, file('h.crossing'));
    await exportCases(bela, { to: ['Amina'], cases: 'all', outFile: file('plain.crossing') });
    const report = await importSealedFile(amina, file('plain.crossing'));
    expect(report.returns).toEqual([]);
    expect(report.skippedPurgedOps).toBeGreaterThan(0);
    expect(amina.holdsCase(c.id)).toBe(false);
  });

  it('refuses a hand-off of a purged case from someone who is not its holder, changing nothing', async () => {
    const c = amina.addCase({ alias: 'Travels on' });
    await handOff(amina, c.id, 'Bela', 'ab.crossing');
    await importSealedFile(bela, file('ab.crossing'));
    await handOff(bela, c.id, 'Chechil', 'bc.crossing');
    await importSealedFile(chechil, file('bc.crossing'));
    await handOff(chechil, c.id, 'Amina', 'ca.crossing', false);

    const before = rowsSnapshot(amina);
    const refused = await refusal(importSealedFile(amina, file('ca.crossing')), 'handoff');
    expect(refused.message).toMatch(/handed to Bela on .*only Bela can hand it back, not Chechil/);
    expect(refused.reason).toBe('importHandoff');
    expect(rowsSnapshot(amina)).toBe(before);

    // Chechil hands it back to Bela, its holder as Bela knows it: Bela takes it back.
    await handOff(chechil, c.id, 'Bela', 'cb.crossing');
    const atBela = await importSealedFile(bela, file('cb.crossing'));
    expect(atBela.returns.map((r) => r.handedTo)).toEqual(['Chechil']);
    expect(bela.holdsCase(c.id)).toBe(true);
  });

  it('refuses a hand-off of a case purged on request, not handed off', async () => {
    const c = amina.addCase({ alias: 'Erased on request' });
    await exportCases(amina, { to: ['Bela'], cases: 'all', outFile: file('copy.crossing') });
    await importSealedFile(bela, file('copy.crossing'));
    amina.purgeCase(c.id);
    await handOff(bela, c.id, 'Amina', 'ba.crossing');
    const refused = await refusal(importSealedFile(amina, file('ba.crossing')), 'handoff');
    expect(refused.message).toMatch(/purged here on .*not handed off: it cannot come back/);
    expect(amina.holdsCase(c.id)).toBe(false);
  });
});

describe('receipts refused', () => {
  async function forgedReceipt(signer: Vault, to: string, receipt: object, name: string) {
    const contact = findContact(signer, to);
    await writeBundle(signer, {
      kind: 'receipt',
      recipients: [{ name: contact.name, fingerprint: contact.fingerprint, ageRecipient: contact.ageRecipient }],
      caseIds: [],
      ops: [],
      omitted: [],
      receipts: [receipt as never],
      outFile: file(name),
    });
  }

  it('for a hand-off that never happened, from someone else, naming another case, or contradicting the record', async () => {
    const c = amina.addCase({ alias: 'Answered' });
    const sent = await handOff(amina, c.id, 'Bela', 'h.crossing');
    const base = {
      handoffId: sent.exportId,
      caseId: c.id,
      outcome: 'accepted',
      reason: null,
      receivedAt: sent.createdAt,
    };
    const before = rowsSnapshot(amina);

    await forgedReceipt(bela, 'Amina', { ...base, handoffId: randomId() }, 'never.crossing');
    expect((await refusal(importSealedFile(amina, file('never.crossing')), 'receipt')).message).toMatch(
      /never made from this vault/,
    );
    await forgedReceipt(chechil, 'Amina', base, 'someone-else.crossing');
    expect((await refusal(importSealedFile(amina, file('someone-else.crossing')), 'receipt')).message).toMatch(
      /the hand-off to Bela, but Chechil signed it/,
    );
    await forgedReceipt(bela, 'Amina', { ...base, caseId: randomId() }, 'other-case.crossing');
    await refusal(importSealedFile(amina, file('other-case.crossing')), 'receipt');
    expect(rowsSnapshot(amina)).toBe(before);

    await forgedReceipt(bela, 'Amina', base, 'accepted.crossing');
    await importSealedFile(amina, file('accepted.crossing'));
    const settled = rowsSnapshot(amina);
    await forgedReceipt(bela, 'Amina', { ...base, outcome: 'declined', reason: 'changed my mind' }, 'contra.crossing');
    expect((await refusal(importSealedFile(amina, file('contra.crossing')), 'receipt')).message).toMatch(
      /already recorded as accepted/,
    );
    expect(rowsSnapshot(amina)).toBe(settled);
  });

  it('refuses a replayed receipt: the same file again, or another file with the same answer', async () => {
    const c = amina.addCase({ alias: 'Replayed' });
    const sent = await handOff(amina, c.id, 'Bela', 'h.crossing');
    await importSealedFile(bela, file('h.crossing'));
    await writeReceipt(bela, sent.exportId, file('r1.crossing'));
    await writeReceipt(bela, sent.exportId, file('r2.crossing'));
    await importSealedFile(amina, file('r1.crossing'));
    const settled = rowsSnapshot(amina);
    expect((await refusal(importSealedFile(amina, file('r1.crossing')), 'receipt')).message).toMatch(
      /imported before, on .* changes nothing/,
    );
    expect((await refusal(importSealedFile(amina, file('r2.crossing')), 'receipt')).message).toMatch(
      /recorded before: the hand-off to Bela is already marked accepted/,
    );
    expect(rowsSnapshot(amina)).toBe(settled);
  });

  it('refuses a receipt that carries a case it does not decline', async () => {
    const c = amina.addCase({ alias: 'Answered' });
    const sent = await handOff(amina, c.id, 'Bela', 'h.crossing');
    await importSealedFile(bela, file('h.crossing'));
    const smuggled = bela.addCase({ alias: 'Smuggled' });
    const contact = findContact(bela, 'Amina');
    await writeBundle(bela, {
      kind: 'receipt',
      recipients: [{ name: contact.name, fingerprint: contact.fingerprint, ageRecipient: contact.ageRecipient }],
      caseIds: [smuggled.id],
      ops: [...bela.caseOps(smuggled.id)],
      omitted: [],
      receipts: [
        { handoffId: sent.exportId, caseId: c.id, outcome: 'accepted', reason: null, receivedAt: sent.createdAt },
      ],
      outFile: file('smuggle.crossing'),
    });
    const before = rowsSnapshot(amina);
    expect((await refusal(importSealedFile(amina, file('smuggle.crossing')), 'receipt')).message).toMatch(
      /carries back only a case it declines/,
    );
    expect(rowsSnapshot(amina)).toBe(before);
  });
});

describe('the ledger survives', () => {
  it('a backup restored into a new vault keeps the hand-offs and their states', async () => {
    const c = amina.addCase({ alias: 'Backed up' });
    await handOff(amina, c.id, 'Bela', 'h.crossing');
    await backupVault(amina, file('backup.crossing'));
    const fresh = await makeVault(dir, 'Amina again', { file: 'fresh' });
    try {
      await restoreBackup(fresh, file('backup.crossing'), { ageIdentity: amina.revealAgeIdentity() });
      expect(listHandoffs(fresh).sent).toMatchObject([{ caseId: c.id, state: 'sent', to: { name: 'Bela' } }]);
      expect(fresh.isTombstoned(c.id)).toBe(true);
    } finally {
      fresh.lock();
    }
  });
});
