import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestService } from './testing.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function vaultWithCase() {
  const t = makeTestService();
  cleanups.push(t.cleanup);
  await t.createVault('Aset');
  const { id } = await t.call('createCase', {
    input: { alias: 'Magomed', documents: [{ kind: 'visa', status: 'applied' }] },
  });
  return { t, caseId: id };
}

/** Picks a file in the (test) native dialog and adds it to the case. */
async function pickAndAdd(t: Awaited<ReturnType<typeof vaultWithCase>>['t'], caseId: string, filePath: string) {
  t.answers.openEvidenceFiles.push([filePath]);
  const chosen = await t.call('chooseEvidenceFiles', {});
  return t.service.handle('addEvidenceFiles', { caseId, tokens: chosen.files.map((f) => f.token) });
}

describe('vault service: evidence files', () => {
  it('refuses a file over the size set in Settings, naming the file and the limit', async () => {
    const { t, caseId } = await vaultWithCase();
    const scan = path.join(t.dir, 'scan.bin');
    fs.writeFileSync(scan, crypto.randomBytes(1024 * 1024 + 1));
    await t.call('updateSettings', { maxFileMegabytes: 1 });

    const refused = await pickAndAdd(t, caseId, scan);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'usage', reason: 'fileTooLarge', params: { name: 'scan.bin', limit: '1 MB' } },
    });
    expect((await t.call('listEvidenceFiles', { caseId })).files).toEqual([]);

    await t.call('updateSettings', { maxFileMegabytes: 2 });
    expect(await pickAndAdd(t, caseId, scan)).toMatchObject({ ok: true });
    expect((await t.call('listEvidenceFiles', { caseId })).files).toHaveLength(1);
  });

  it("renames a file and links it to one of the case's documents, and refuses a document it does not have", async () => {
    const { t, caseId } = await vaultWithCase();
    const scan = path.join(t.dir, 'IMG_0042.pdf');
    fs.writeFileSync(scan, '%PDF-1.4\n% a visa letter\n%%EOF\n');
    expect(await pickAndAdd(t, caseId, scan)).toMatchObject({ ok: true });
    const [file] = (await t.call('listEvidenceFiles', { caseId })).files;
    const visaId = String((await t.call('getCase', { id: caseId })).case.documents[0]!.id);

    const { files } = await t.call('updateEvidenceFile', {
      fileId: file!.id,
      name: 'Visa letter.pdf',
      documentId: visaId,
    });
    expect(files[0]).toMatchObject({ name: 'Visa letter.pdf', documentId: visaId });

    const unknown = await t.service.handle('updateEvidenceFile', { fileId: file!.id, documentId: 'no-such-doc' });
    expect(unknown).toMatchObject({ ok: false, error: { reason: 'noSuchDocument' } });

    const before = (await t.call('getCase', { id: caseId })).history.length;
    await t.call('updateEvidenceFile', { fileId: file!.id, name: 'Visa letter.pdf', documentId: visaId });
    expect((await t.call('getCase', { id: caseId })).history).toHaveLength(before); // nothing changed: no op

    const unlinked = await t.call('updateEvidenceFile', { fileId: file!.id, documentId: null });
    expect(unlinked.files[0]).toMatchObject({ name: 'Visa letter.pdf', documentId: null });
    const history = (await t.call('getCase', { id: caseId })).history;
    // Added, renamed and linked, unlinked: each a change in the case's history.
    const fileChanges = history.flatMap((entry) => entry.changes).filter((c) => c.key.startsWith('files'));
    expect(fileChanges.length).toBeGreaterThanOrEqual(3);
  });
});
