import path from 'node:path';
import { usageError } from '../errors.js';
import { findContact } from '../exchange/contacts.js';
import { exportCases, type ExportResult } from '../exchange/exportCases.js';
import type { OmittableField } from '../exchange/redact.js';
import type { Vault } from '../vault/vault.js';
import { recordSent } from './ledger.js';
import { readLedger, writeLedger, type SentHandoff } from './records.js';

/**
 * Hand-off: record the person's consent (or why it was given without), assign the case to a
 * contact, export it to them, and keep a record of the hand-off whose state the receiver's receipt
 * will move (DESIGN.md, "Hand-off lifecycle"). With `purge`, the case leaves this vault once the file
 * is written, with its record in the same transaction: only a tombstone and the stub stay, the stub
 * holding the alias only if the person keeps that minimal trace. If writing the file fails, nothing
 * is purged and no hand-off is recorded.
 */
export type HandoffConsent =
  /** The person agreed to their case going there (an organisation or a person, in their words). */
  | { agreedTo: string; override?: undefined }
  /** They could not be asked or did not agree, and the coordinator says why it goes all the same. */
  | { override: string; agreedTo?: undefined };

export interface HandoffOptions {
  to: string;
  outFile: string;
  consent: HandoffConsent;
  purge?: boolean;
  /** With purge: keep the alias in the hand-off record (nothing else of the case stays). */
  keepAlias?: boolean;
  omit?: readonly OmittableField[];
  now?: Date;
}

export interface HandoffResult extends ExportResult {
  assignedTo: { name: string; fingerprint: string };
  purged: boolean;
  purgedOps: number;
  record: SentHandoff;
}

export async function handoffCase(
  vault: Vault,
  caseIdOrPrefix: string,
  options: HandoffOptions,
): Promise<HandoffResult> {
  const caseId = vault.resolveCaseId(caseIdOrPrefix);
  const contact = findContact(vault, options.to);
  const consent = checkConsent(options.consent);
  const now = options.now ?? new Date();
  // Consent and assignment go first, so they travel in the file and stay in the case's history.
  vault.addConsent(caseId, {
    recipient: contact.fingerprint,
    recipientName: contact.name,
    agreedTo: consent.agreedTo,
    override: consent.override,
    at: now.getTime(),
  });
  if (vault.getCase(caseId).fields.assignedTo !== contact.fingerprint) {
    vault.updateCase(caseId, { assignedTo: contact.fingerprint });
  }
  const alias = vault.getCase(caseId).fields.alias;
  const exported = await exportCases(vault, {
    to: [contact.fingerprint],
    cases: [caseId],
    outFile: options.outFile,
    omit: options.omit ?? [],
    kind: 'handoff',
    now,
  });
  const purge = options.purge ?? false;
  const record: SentHandoff = {
    handoffId: exported.exportId,
    caseId,
    alias: purge && !options.keepAlias ? null : alias,
    to: { fingerprint: contact.fingerprint, name: contact.name },
    sentAt: exported.createdAt,
    fileName: path.basename(options.outFile),
    purged: purge,
    consent: consent.agreedTo === null ? 'override' : 'agreed',
    agreedTo: purge ? null : consent.agreedTo,
    override: purge ? null : consent.override,
    state: 'sent',
    answer: null,
    receivedAt: null,
    receiptAt: null,
    reason: null,
    returnedAt: null,
  };
  const remember = (db: Parameters<typeof writeLedger>[2]) =>
    writeLedger(vault, recordSent(readLedger(vault), record), db);
  let purgedOps = 0;
  if (purge) purgedOps = vault.purgeCase(caseId, exported.createdAt, remember);
  else vault.transaction(remember);
  return {
    ...exported,
    assignedTo: { name: contact.name, fingerprint: contact.fingerprint },
    purged: purge,
    purgedOps,
    record,
  };
}

function checkConsent(consent: HandoffConsent | undefined): { agreedTo: string | null; override: string | null } {
  const agreedTo = consent?.agreedTo?.trim() || null;
  const override = consent?.override?.trim() || null;
  if ((agreedTo === null) === (override === null)) {
    throw usageError(
      agreedTo === null
        ? 'record the consent: whom the person agreed their case may go to, or why it is handed off without their agreement'
        : 'record either what the person agreed to or why they could not agree, not both',
      'consentRequired',
    );
  }
  if ((agreedTo?.length ?? 0) > 300 || (override?.length ?? 0) > 500)
    throw usageError('the consent is too long: at most 300 characters for whom, 500 for why', 'consentRequired');
  return { agreedTo, override };
}
