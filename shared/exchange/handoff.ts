import type { Vault } from '../vault/vault.js';
import { findContact } from './contacts.js';
import { exportCases, type ExportResult } from './exportCases.js';
import type { OmittableField } from './redact.js';

/**
 * Handoff: assign a case to a contact, export it to them, and — if asked — purge the local copy
 * once the file is written (data minimisation). The purge leaves a tombstone, so a later import of
 * an older export cannot bring the case back. If writing the file fails, nothing is purged.
 */
export interface HandoffOptions {
  to: string;
  outFile: string;
  purge?: boolean;
  omit?: readonly OmittableField[];
  now?: Date;
}

export interface HandoffResult extends ExportResult {
  assignedTo: { name: string; fingerprint: string };
  purged: boolean;
  purgedOps: number;
}

export async function handoffCase(
  vault: Vault,
  caseIdOrPrefix: string,
  options: HandoffOptions,
): Promise<HandoffResult> {
  const caseId = vault.resolveCaseId(caseIdOrPrefix);
  const contact = findContact(vault, options.to);
  if (vault.getCase(caseId).fields.assignedTo !== contact.fingerprint) {
    vault.updateCase(caseId, { assignedTo: contact.fingerprint });
  }
  const exported = await exportCases(vault, {
    to: [contact.fingerprint],
    cases: [caseId],
    outFile: options.outFile,
    omit: options.omit ?? [],
    kind: 'handoff',
    now: options.now,
  });
  const purgedOps = options.purge ? vault.purgeCase(caseId, (options.now ?? new Date()).toISOString()) : 0;
  return {
    ...exported,
    assignedTo: { name: contact.name, fingerprint: contact.fingerprint },
    purged: options.purge ?? false,
    purgedOps,
  };
}
