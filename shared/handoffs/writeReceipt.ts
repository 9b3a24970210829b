import { collectBundleFiles } from '../evidence/bundleFiles.js';
import { usageError } from '../errors.js';
import { contactByFingerprint } from '../exchange/contacts.js';
import { writeBundle } from '../exchange/exportCases.js';
import type { Vault } from '../vault/vault.js';
import { receiptsOwedTo } from './ledger.js';
import { readLedger, type ReceiptOutcome } from './records.js';

/**
 * Writes the receipt for a hand-off imported here: a small `.crossing` file sealed to its sender
 * alone, signed by this vault, that answers it (accepted, or declined with the reason). A declining
 * receipt carries the case back — every op and file held here — and once it is written the case is
 * purged here, its holder being the sender again; if writing fails, the case stays here and nothing
 * is purged. Written again on request, it says the same (the sender takes one and ignores copies).
 */
export interface ReceiptResult {
  file: string;
  exportId: string;
  handoffId: string;
  outcome: ReceiptOutcome;
  to: { name: string; fingerprint: string };
  /** Cases carried back and purged here (a declined hand-off). */
  returnedCases: string[];
  bytes: number;
}

export async function writeReceipt(
  vault: Vault,
  handoffId: string,
  outFile: string,
  now?: Date,
): Promise<ReceiptResult> {
  const ledger = readLedger(vault);
  const received = ledger.received.filter((r) => r.handoffId === handoffId);
  const first = received[0];
  if (!first) throw usageError(`no hand-off ${handoffId} was imported into this vault`, 'noSuchHandoff');
  const contact = contactByFingerprint(vault, first.from.fingerprint);
  if (!contact)
    throw usageError(
      `${first.from.name}, who made the hand-off, is no longer one of your contacts: add their key card again to answer it`,
      'noSuchContact',
    );
  const declined = received.filter((r) => r.outcome === 'declined').map((r) => r.caseId);
  const carried = declined.filter((caseId) => vault.holdsCase(caseId));
  const ops = carried.flatMap((caseId) => vault.caseOps(caseId));
  const written = await writeBundle(vault, {
    kind: 'receipt',
    recipients: [{ name: contact.name, fingerprint: contact.fingerprint, ageRecipient: contact.ageRecipient }],
    caseIds: carried,
    ops: [...ops],
    omitted: [],
    files: collectBundleFiles(vault, carried),
    // This hand-off's answer first; the others owed to the same person travel along.
    receipts: receiptsOwedTo(ledger, contact.fingerprint).sort(
      (a, b) => Number(b.handoffId === handoffId) - Number(a.handoffId === handoffId),
    ),
    outFile,
    now,
  });
  for (const caseId of carried) vault.purgeCase(caseId, written.createdAt);
  return {
    file: written.file,
    exportId: written.exportId,
    handoffId,
    outcome: first.outcome,
    to: { name: contact.name, fingerprint: contact.fingerprint },
    returnedCases: carried,
    bytes: written.bytes,
  };
}
