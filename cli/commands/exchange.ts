import path from 'node:path';
import { megabytes } from '../../shared/evidence/sourceFile.js';
import { describeReason } from '../../shared/dupes/score.js';
import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLine, printLines } from '../output.js';
import { UNLOCK_HELP, readSecretFile, unlockOptions } from '../secrets.js';
import { backupVault, restoreBackup } from '../../shared/exchange/backup.js';
import { exportCases, type ExportResult } from '../../shared/exchange/exportCases.js';
import { handoffCase } from '../../shared/handoffs/handoffCase.js';
import { writeReceipt, type ReceiptResult } from '../../shared/handoffs/writeReceipt.js';
import { importSealedFile, type ImportReport } from '../../shared/exchange/importSealedFile.js';
import { OMITTABLE_FIELDS, type OmittableField } from '../../shared/exchange/redact.js';
import { CrossingError, toCrossingError, usageError } from '../../shared/errors.js';
import type { Vault } from '../../shared/vault/vault.js';

const OMIT_HELP = `  --omit FIELD               leave FIELD out for a recipient who does not need it (repeatable):
                             ${OMITTABLE_FIELDS.join(', ')}; the file says what was left out`;

function exportSummary(result: ExportResult): string[] {
  return [
    `exported ${result.caseIds.length} case(s), ${result.opCount} ops, to ${result.recipients.map((r) => r.name).join(', ')}`,
    `file: ${result.file} (${result.bytes} bytes, export ${result.exportId}, number ${result.sequence})`,
    ...(result.omitted.length > 0 ? [`left out: ${result.omitted.join(', ')}`] : []),
  ];
}

const exportCommand = defineCommand({
  name: ['export'],
  summary: 'seal cases into a .crossing file for one or more contacts',
  usage: 'VAULT --to NAME... (--all | --case ID...) --out FILE [--omit FIELD...] [--json]',
  help: `Writes every op of the chosen cases, signed by this vault and encrypted with age to each contact
named with --to, to FILE (written completely or not at all; never over an existing file).
Recipients must be verified contacts.

  --to NAME                  a contact (name or fingerprint); repeat for several
  --all                      export every case
  --case ID                  a case id or its first characters; repeat for several
  --out FILE                 the .crossing file to write
${OMIT_HELP}
  --allow-unverified         send to a contact whose safety number was not verified (not advised)
  --json                     print the result as JSON
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    to: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    case: { type: 'string', multiple: true },
    out: { type: 'string' },
    omit: { type: 'string', multiple: true },
    'allow-unverified': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    if (!values.to?.length) throw usageError('name at least one recipient with --to NAME', 'commandLine');
    if (values.all && values.case?.length) throw usageError('give either --all or --case, not both', 'commandLine');
    if (!values.all && !values.case?.length) throw usageError('choose the cases: --all or --case ID', 'commandLine');
    if (!values.out) throw usageError('name the file to write with --out FILE', 'commandLine');
    const omit = parseOmit(values.omit);
    await withVault(vaultPath!, values, async (vault) => {
      const result = await exportCases(vault, {
        to: values.to!,
        cases: values.all ? 'all' : values.case!,
        outFile: values.out!,
        omit,
        allowUnverified: values['allow-unverified'] ?? false,
      });
      if (values.json) return printJson(result);
      printLines(exportSummary(result));
    });
  },
});

const importCommand = defineCommand({
  name: ['import'],
  summary: 'check a .crossing file and merge its cases (or preview what would change)',
  usage:
    'VAULT FILE [--dry-run] [--accept-unknown-sender] [--accept-older] [--receipt-out FILE] [--decline REASON] [--json]',
  help: `Checks everything before changing anything: size, no passphrase, decrypts for this vault, the
sender's signature, the sender is a verified contact, this vault is a named recipient, the file
is not older than the last one from that sender, every op is valid. Then merges in one step.
A refused file exits with 3 and names the check that failed; the vault is unchanged. A file
imported before is recognised ("already imported on …") and changes nothing.

  --dry-run                  run every check and show what would change, change nothing
  --accept-unknown-sender    accept a sender who is not a verified contact (never a changed key)
  --accept-older             accept a file older than the last one seen from its sender (a late delivery)
  --receipt-out FILE         for a hand-off: where to write the receipt for its sender
                             (default: beside FILE, as NAME.receipt.crossing)
  --decline REASON           decline a hand-off: the receipt says why and carries the case back,
                             and the case leaves this vault once the receipt is written
  --json                     print the report as JSON
A hand-off is accepted by importing it; its receipt, sealed to the sender, is written at once (carry
it back; it also travels in your next export to that sender alone). Importing a receipt records
the answer on the hand-off it names (see \`crossing handoffs\`).
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    'dry-run': { type: 'boolean' },
    'accept-unknown-sender': { type: 'boolean' },
    'accept-older': { type: 'boolean' },
    'receipt-out': { type: 'string' },
    decline: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['VAULT', 'FILE'],
  async run(values, [vaultPath, file]) {
    await withVault(vaultPath!, values, async (vault) => {
      const report = await importSealedFile(vault, file!, {
        dryRun: values['dry-run'] ?? false,
        acceptUnknownSender: values['accept-unknown-sender'] ?? false,
        acceptOlder: values['accept-older'] ?? false,
        ...(values.decline === undefined ? {} : { decline: values.decline }),
      });
      const receipt =
        report.status === 'imported' && report.handoff
          ? await answerHandoff(vault, report.handoff.handoffId, values['receipt-out'] ?? defaultReceiptPath(file!))
          : null;
      if (values.json) return printJson({ ...report, receipt });
      printLines(describeImport(report));
      if (receipt) printLines(describeReceipt(receipt));
    });
  },
});

/** The import is in the vault already: a receipt that cannot be written is said, with the way to write it. */
async function answerHandoff(vault: Vault, handoffId: string, outFile: string): Promise<ReceiptResult> {
  try {
    return await writeReceipt(vault, handoffId, outFile);
  } catch (error) {
    const failed = toCrossingError(error);
    throw new CrossingError(
      failed.code,
      `the hand-off was imported, but its receipt could not be written to ${outFile}: ${failed.message}. ` +
        `Write it with: crossing handoffs VAULT --receipt ${handoffId} --out FILE`,
      failed.reason,
      failed.params,
    );
  }
}

/** Beside the imported file: `handoff.crossing` answers with `handoff.receipt.crossing`. */
export function defaultReceiptPath(imported: string): string {
  const dir = path.dirname(imported);
  const base = path.basename(imported).replace(/\.crossing$/i, '');
  return path.join(dir, `${base}.receipt.crossing`);
}

function describeReceipt(receipt: ReceiptResult): string[] {
  return [
    `receipt for ${receipt.to.name}: ${receipt.file} (${receipt.outcome}${receipt.returnedCases.length > 0 ? `, carries the case back` : ''})`,
    ...(receipt.returnedCases.length > 0
      ? [`the declined case left this vault (${receipt.returnedCases.join(', ')}): it goes back with the receipt`]
      : []),
    'carry the receipt back to them; it also travels in your next export to them alone',
  ];
}

export function describeImport(r: ImportReport): string[] {
  const from = `${r.sender.contactName ?? `UNKNOWN SENDER "${r.sender.displayName}"`} (${r.sender.fingerprint})`;
  if (r.status === 'already imported') {
    return [`already imported on ${r.importedOn}: export ${r.exportId} from ${from}; nothing changed`];
  }
  const lines = [
    `${r.status === 'preview' ? 'preview (nothing changed)' : 'imported'}: ${r.kind} ${r.exportId} from ${from}, made ${r.createdAt}`,
    `${r.opsInFile} ops in the file, ${r.newOps} new`,
  ];
  if (r.filesInFile > 0) lines.push(`${r.filesInFile} evidence files in it, ${megabytes(r.fileBytes)}`);
  if (r.senderVaultCounter !== null) lines.push(`the sender's vault was at change number ${r.senderVaultCounter}`);
  if (!r.sender.verified) lines.push('the sender is NOT verified');
  if (r.omitted.length > 0) lines.push(`the sender left out: ${r.omitted.join(', ')}`);
  for (const back of r.returns) {
    lines.push(
      `RETURNED ${back.caseId}  ${back.alias}: handed to ${back.handedTo} on ${back.handedOn} and purged here; they hand it back with ${back.changes} change(s)`,
    );
  }
  for (const receipt of r.receipts) {
    const what = receipt.alias ? `${receipt.alias} (${receipt.caseId})` : `case ${receipt.caseId}`;
    lines.push(
      `receipt: ${receipt.to} ${receipt.outcome} ${what}${receipt.reason ? `: "${receipt.reason}"` : ''}${receipt.isNew ? '' : ' (already recorded)'}`,
    );
  }
  if (r.handoff) {
    lines.push(
      r.handoff.outcome === 'declined'
        ? `hand-off ${r.handoff.handoffId} DECLINED: "${r.handoff.reason}"`
        : `hand-off ${r.handoff.handoffId} accepted: the case is yours now`,
    );
  }
  if (r.skippedPurgedOps > 0) lines.push(`${r.skippedPurgedOps} ops of cases purged here were skipped`);
  if (r.partialHeldOps > 0) {
    lines.push(
      `${r.partialHeldOps} ops carry fields that this vault's copies lack (left out of an earlier export); they were not filled in`,
    );
  }
  if (r.waitingOps > 0) lines.push(`${r.waitingOps} ops wait for a case this vault has not received yet`);
  for (const c of r.newCases) {
    lines.push(`new case ${c.caseId}  ${c.alias}`);
    if (c.lookalike) {
      const why = c.lookalike.reasons.map(describeReason).join('; ');
      lines.push(
        `    may be the same person as ${c.lookalike.id}  ${c.lookalike.alias} (${why}): crossing case merge after the import`,
      );
    }
  }
  for (const c of r.updatedCases) lines.push(`updated ${c.caseId}  ${c.alias}: ${c.fields.join(', ')}`);
  for (const c of r.newConflicts) {
    lines.push(`CONFLICT ${c.caseId}  ${c.alias}: ${c.key}`);
    for (const w of c.candidates)
      lines.push(`    ${JSON.stringify(w.value)} by ${w.authorName ?? w.author} at ${w.hlc}`);
  }
  return lines;
}

const handoffCommand = defineCommand({
  name: ['handoff'],
  summary: 'assign a case to a contact, export it to them, optionally purge it here',
  usage:
    'VAULT ID --to NAME --out FILE (--consent-to WHOM | --no-consent REASON) [--purge [--keep-alias]] [--omit FIELD...] [--json]',
  help: `Records the person's consent, assigns the case to the contact, writes an export of it for them,
and keeps a record of the hand-off (see \`crossing handoffs\`) that their receipt will mark accepted
or declined. With --purge the case leaves this vault once the file is written, leaving a tombstone
so that no import brings it back — unless the contact hands it back.

  --to NAME                  the contact taking the case over (verified)
  --out FILE                 the .crossing file to write
  --consent-to WHOM          the person agreed to their case going to WHOM (an organisation or a
                             person, as they agreed it); kept in the case's history
  --no-consent REASON        hand it off without their agreement, saying why (kept in the history)
  --purge                    remove the case from this vault after the file is written
  --keep-alias               with --purge: the hand-off record keeps the alias, nothing else
${OMIT_HELP}
  --json                     print the result as JSON
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    to: { type: 'string' },
    out: { type: 'string' },
    'consent-to': { type: 'string' },
    'no-consent': { type: 'string' },
    purge: { type: 'boolean' },
    'keep-alias': { type: 'boolean' },
    omit: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  positionals: ['VAULT', 'ID'],
  async run(values, [vaultPath, caseId]) {
    if (!values.to) throw usageError('name the contact with --to NAME', 'commandLine');
    if (!values.out) throw usageError('name the file to write with --out FILE', 'commandLine');
    const consentTo = values['consent-to'];
    const noConsent = values['no-consent'];
    if ((consentTo === undefined) === (noConsent === undefined)) {
      throw usageError(
        consentTo === undefined
          ? 'record the consent: --consent-to WHOM (whom the person agreed their case may go to) or --no-consent REASON'
          : 'give either --consent-to or --no-consent, not both',
        'consentRequired',
      );
    }
    if (values['keep-alias'] && !values.purge)
      throw usageError('--keep-alias goes with --purge: without it the whole case stays here', 'commandLine');
    const omit = parseOmit(values.omit);
    await withVault(vaultPath!, values, async (vault) => {
      const result = await handoffCase(vault, caseId!, {
        to: values.to!,
        outFile: values.out!,
        consent: consentTo !== undefined ? { agreedTo: consentTo } : { override: noConsent! },
        purge: values.purge ?? false,
        keepAlias: values['keep-alias'] ?? false,
        omit,
      });
      if (values.json) return printJson(result);
      printLines([
        `assigned to ${result.assignedTo.name}`,
        ...exportSummary(result),
        consentTo !== undefined
          ? `consent: the person agreed to their case going to ${consentTo}`
          : `consent: handed off without the person's agreement: ${noConsent}`,
        result.purged
          ? `purged from this vault (${result.purgedOps} ops removed, tombstone kept${result.record.alias ? ', alias kept in the hand-off record' : ''})`
          : 'kept in this vault',
        `hand-off ${result.exportId}: sent; their receipt will say whether they accepted it (crossing handoffs)`,
      ]);
    });
  },
});

const backupCommand = defineCommand({
  name: ['backup'],
  summary: "seal every case and the vault's contacts and logs to the vault's own key",
  usage: 'VAULT --out FILE [--json]',
  help: `Writes an export of everything, sealed to this vault's own age identity. Restoring it into a new
vault needs that identity (crossing identity VAULT --reveal-secret): keep it apart from the backup.

  --out FILE                 the backup file to write
  --rescue                   back up a vault that \`check\` found altered (rows removed or put back):
                             what is still in it is saved; restore it into a new vault
  --json                     print the result as JSON
${UNLOCK_HELP}`,
  options: { ...unlockOptions, out: { type: 'string' }, rescue: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    if (!values.out) throw usageError('name the file to write with --out FILE', 'commandLine');
    await withVault(
      vaultPath!,
      values,
      async (vault) => {
        const result = await backupVault(vault, values.out!);
        if (values.json) return printJson({ ...result, vaultCounter: vault.counter });
        printLine(
          `backup of ${result.caseIds.length} case(s), ${result.opCount} ops: ${result.file} (${result.bytes} bytes)`,
        );
        printLine(`vault change number ${vault.counter ?? 'not yet counted'} (note it: an older copy has a lower one)`);
      },
      { rescue: values.rescue ?? false },
    );
  },
});

const restoreCommand = defineCommand({
  name: ['restore'],
  summary: 'restore a backup into this vault',
  usage: 'VAULT FILE --identity-file FILE [--json]',
  help: `Merges a backup (cases, contacts, tombstones, import log) into this vault, after checking it like
an import. --identity-file holds the age identity (AGE-SECRET-KEY-…) of the vault that made it.

  --identity-file FILE       the backed-up vault's age identity
  --json                     print the result as JSON
${UNLOCK_HELP}`,
  options: { ...unlockOptions, 'identity-file': { type: 'string' }, json: { type: 'boolean' } },
  positionals: ['VAULT', 'FILE'],
  async run(values, [vaultPath, file]) {
    if (!values['identity-file'])
      throw usageError("give the backed-up vault's identity with --identity-file FILE", 'commandLine');
    const ageIdentity = readSecretFile(values['identity-file'], 'identity');
    await withVault(vaultPath!, values, async (vault) => {
      const result = await restoreBackup(vault, file!, { ageIdentity });
      if (values.json) return printJson(result);
      printLines([
        `restored ${result.newOps} new ops of ${result.ops} (${result.cases} cases now), ${result.contacts} contacts, ${result.tombstones} tombstones`,
        ...(result.contactsSkipped.length > 0
          ? [`not restored (another key under that name): ${result.contactsSkipped.join(', ')}`]
          : []),
      ]);
    });
  },
});

function parseOmit(values: string[] | undefined): OmittableField[] {
  const fields = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const field of fields) {
    if (!(OMITTABLE_FIELDS as readonly string[]).includes(field)) {
      throw usageError(`--omit ${field}: these can be left out: ${OMITTABLE_FIELDS.join(', ')}`, 'fieldNotOmittable');
    }
  }
  return fields as OmittableField[];
}

export const exchangeCommands = [exportCommand, importCommand, handoffCommand, backupCommand, restoreCommand];
