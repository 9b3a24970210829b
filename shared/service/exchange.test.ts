import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestService, TEST_PASSPHRASE } from './testing.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
async function vaultOf(name: string) {
  const t = makeTestService();
  cleanups.push(t.cleanup);
  await t.createVault(name);
  return t;
}
type T = Awaited<ReturnType<typeof vaultOf>>;

/** Each adds the other's key card; `verified` as if they compared the safety number. */
async function introduce(a: T, b: T, verified = true) {
  const cardA = (await a.call('getKeyCard', {})).card;
  const cardB = (await b.call('getKeyCard', {})).card;
  const bAtA = (await a.call('addContact', { card: cardB, verified })).contact;
  const aAtB = (await b.call('addContact', { card: cardA, verified })).contact;
  return { bAtA, aAtB };
}

describe('vault service: identity and contacts', () => {
  it('lists contacts with the same safety number on both sides, and verifies', async () => {
    const [a, b] = [await vaultOf('Aset'), await vaultOf('Bela')];
    const { bAtA, aAtB } = await introduce(a, b, false);
    expect(bAtA).toMatchObject({ name: 'Bela', verified: false, verifiedAt: null, pendingKeyChange: false });
    expect(bAtA.safetyNumber).toBe(aAtB.safetyNumber);
    const verified = await a.call('verifyContact', { fingerprint: bAtA.fingerprint });
    expect(verified.contact.verified).toBe(true);
    expect((await a.call('listContacts', {})).contacts).toEqual([verified.contact]);
  });

  it('saves the key card where the dialog says, and nothing when cancelled', async () => {
    const a = await vaultOf('Aset');
    expect(await a.call('saveKeyCard', {})).toEqual({ savedAs: null });
    const target = path.join(a.dir, 'card.txt');
    a.answers.saveFile.push(target);
    expect(await a.call('saveKeyCard', {})).toEqual({ savedAs: target });
    expect(fs.readFileSync(target, 'utf8')).toBe((await a.call('getKeyCard', {})).card);
  });
});

describe('vault service: exchange', () => {
  it('exports from one vault and imports into another, once', async () => {
    const [a, b] = [await vaultOf('Aset'), await vaultOf('Bela')];
    const { bAtA } = await introduce(a, b);
    const { id } = await a.call('createCase', { input: { alias: 'Magomed', legalName: 'Magomed X', risk: 'high' } });
    const file = path.join(a.dir, 'to-bela.crossing');
    a.answers.saveFile.push(file);
    const exported = await a.call('exportCases', { caseIds: 'all', to: [bAtA.fingerprint], omit: ['legalName'] });
    expect(exported).toMatchObject({ savedAs: file, cases: 1 });
    expect(exported.bytes).toBe(fs.statSync(file).size);

    b.answers.openImport.push(file);
    const { file: ref } = await b.call('chooseImportFile', {});
    expect(ref?.name).toBe('to-bela.crossing');
    const preview = await b.call('previewImport', { token: ref!.token });
    expect(preview).toMatchObject({
      sender: { name: 'Aset', known: true, verified: true },
      alreadyImportedAt: null,
      omitted: ['legalName'],
      newCases: [{ id, alias: 'Magomed', lookalike: null }],
    });
    expect((await b.call('queryCases', { filter: {} })).total).toBe(0);

    expect(await b.call('applyImport', { token: ref!.token })).toEqual({
      alreadyImportedAt: null,
      newCases: 1,
      updatedCases: 0,
      newConflicts: 0,
      returned: 0,
      receipts: 0,
      handoff: null,
    });
    const got = await b.call('getCase', { id });
    expect(got.case.fields).toMatchObject({ alias: 'Magomed', legalName: null, risk: 'high' });
    expect(got.history[0]?.authorName).toBe('Aset');
    const again = await b.call('applyImport', { token: ref!.token });
    expect(again.alreadyImportedAt).not.toBeNull();
  });

  it('refuses an unknown sender unless the person accepts it', async () => {
    const [a, b] = [await vaultOf('Aset'), await vaultOf('Bela')];
    const cardB = (await b.call('getKeyCard', {})).card;
    const bAtA = (await a.call('addContact', { card: cardB, verified: true })).contact;
    await a.call('createCase', { input: { alias: 'Ruslan' } });
    const file = path.join(a.dir, 'x.crossing');
    a.answers.saveFile.push(file);
    await a.call('exportCases', { caseIds: 'all', to: [bAtA.fingerprint] });
    const ref = b.service.openFile(file)!;
    const refused = await b.service.handle('previewImport', { token: ref.token });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringContaining('sender') },
    });
    const preview = await b.call('previewImport', { token: ref.token, acceptUnknownSender: true });
    expect(preview.sender).toMatchObject({ name: null, known: false, verified: false });
  });

  it('refuses to export to someone who is not a verified contact, before asking for a file', async () => {
    const [a, b] = [await vaultOf('Aset'), await vaultOf('Bela')];
    const { bAtA } = await introduce(a, b, false);
    a.answers.saveFile.push(path.join(a.dir, 'never.crossing'));
    const response = await a.service.handle('exportCases', { caseIds: 'all', to: [bAtA.fingerprint] });
    expect(response).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(a.answers.saveFile).toHaveLength(1);
  });

  it('hands a case off and purges it here', async () => {
    const [a, b] = [await vaultOf('Aset'), await vaultOf('Bela')];
    const { bAtA } = await introduce(a, b);
    const { id } = await a.call('createCase', { input: { alias: 'Islam' } });
    const file = path.join(a.dir, 'handoff.crossing');
    a.answers.saveFile.push(file);
    const handed = await a.call('handOffCase', {
      id,
      to: bAtA.fingerprint,
      consent: { agreedTo: 'Bela' },
      purge: true,
    });
    expect(handed).toMatchObject({ savedAs: file, purged: true });
    expect((await a.call('queryCases', { filter: {} })).total).toBe(0);
    const ref = b.service.openFile(file)!;
    await b.call('applyImport', { token: ref.token });
    expect((await b.call('getCase', { id })).case.fields.assignedTo).toBe(bAtA.fingerprint);
  });

  it('tracks a hand-off through the receipt: declined with a reason, the case back, listed with its state', async () => {
    const [a, b] = [await vaultOf('Aset'), await vaultOf('Bela')];
    const { bAtA } = await introduce(a, b);
    const { id } = await a.call('createCase', { input: { alias: 'Islam' } });
    const handoff = path.join(a.dir, 'handoff.crossing');
    a.answers.saveFile.push(handoff);
    const sent = await a.call('handOffCase', {
      id,
      to: bAtA.fingerprint,
      consent: { override: 'in danger tonight, no way to ask' },
      purge: true,
      keepAlias: true,
    });
    expect(await a.call('listHandoffs', {})).toMatchObject({
      sent: [{ handoffId: sent.handoffId, alias: 'Islam', state: 'sent', caseHeld: false, purged: true }],
      counts: { awaiting: 1 },
    });

    const ref = b.service.openFile(handoff)!;
    const preview = await b.call('previewImport', { token: ref.token });
    expect(preview.kind).toBe('handoff');
    const handoffId = sent.handoffId!;
    const applied = await b.call('applyImport', { token: ref.token, decline: 'no room' });
    expect(applied.handoff).toEqual({ handoffId, outcome: 'declined' });
    // Cancelled: nothing written, the case stays at Bela until the receipt is saved.
    expect(await b.call('saveReceipt', { handoffId })).toMatchObject({ savedAs: null });
    expect((await b.call('queryCases', { filter: {} })).total).toBe(1);
    const receipt = path.join(b.dir, 'receipt.crossing');
    b.answers.saveFile.push(receipt);
    expect(await b.call('saveReceipt', { handoffId })).toEqual({
      savedAs: receipt,
      outcome: 'declined',
      to: 'Aset',
      returnedCases: 1,
    });
    expect((await b.call('queryCases', { filter: {} })).total).toBe(0);

    const back = a.service.openFile(receipt)!;
    const seen = await a.call('previewImport', { token: back.token });
    expect(seen).toMatchObject({
      kind: 'receipt',
      returns: [{ caseId: id, alias: 'Islam', handedTo: 'Bela' }],
      receipts: [{ handoffId: sent.handoffId, outcome: 'declined', reason: 'no room', isNew: true }],
    });
    expect(await a.call('applyImport', { token: back.token })).toMatchObject({ returned: 1, receipts: 1 });
    expect((await a.call('getCase', { id })).case.consents).toMatchObject([
      { recipientName: 'Bela', override: 'in danger tonight, no way to ask' },
    ]);
    expect((await a.call('listHandoffs', {})).sent[0]).toMatchObject({ state: 'declined', caseHeld: true });
    expect(await b.service.handle('saveReceipt', { handoffId: 'AAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({
      ok: false,
      error: { code: 'usage', reason: 'noSuchHandoff' },
    });
  });

  it('answers an unknown file token with a usage error', async () => {
    const a = await vaultOf('Aset');
    expect(await a.service.handle('previewImport', { token: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'usage', message: 'this file is no longer known: choose it again' },
    });
  });
});

describe('vault service: a vault changed without its key', () => {
  it('is refused, then opens for reading only when asked, so its cases can still be sent', async () => {
    const [a, b] = [await vaultOf('Aset'), await vaultOf('Bela')];
    const { bAtA } = await introduce(a, b);
    await a.call('createCase', { input: { alias: 'Magomed' } });
    const { vaultPath } = await a.call('getAppState', {});
    await a.call('lockVault', {});
    // No case was purged, so every tombstone row is padding: removing one loses nothing but is noticed.
    const db = new Database(vaultPath);
    db.prepare('DELETE FROM tombstones WHERE rowid = (SELECT min(rowid) FROM tombstones)').run();
    db.close();

    const unlock = { method: 'passphrase', passphrase: TEST_PASSPHRASE } as const;
    expect(await a.service.handle('unlockVault', unlock)).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/^the vault file was altered: the row tombstones\//) },
    });
    expect((await a.call('getAppState', {})).unlocked).toBe(false);

    const opened = await a.call('unlockVault', { ...unlock, rescue: true });
    expect(opened.cases).toBe(1);
    expect(opened.tampering).toMatch(/tombstones\/\w+ is missing/);
    expect((await a.call('getAppState', {})).tampering).toBe(opened.tampering);
    expect(await a.service.handle('createCase', { input: { alias: 'Not saved' } })).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/open for reading only/) },
    });

    const file = path.join(a.dir, 'rescued.crossing');
    a.answers.saveFile.push(file);
    expect(await a.call('exportCases', { caseIds: 'all', to: [bAtA.fingerprint] })).toMatchObject({ cases: 1 });
    b.answers.openImport.push(file);
    const { file: ref } = await b.call('chooseImportFile', {});
    await b.call('applyImport', { token: ref!.token });
    expect((await b.call('queryCases', { filter: {} })).rows.map((row) => row.alias)).toEqual(['Magomed']);
  });
});
