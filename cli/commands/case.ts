import {
  casePatchSchema,
  describeIssues,
  newCaseSchema,
  type CasePatch,
  type NewCase,
} from '../../shared/model/case.js';
import { rejectedError, usageError } from '../../shared/errors.js';
import { caseHistory } from '../../shared/oplog/history.js';
import { CASE_FILTER_HELP, caseFilterOptions, parseCaseFilter } from '../caseFilterOptions.js';
import { defineCommand } from '../command.js';
import { formatCaseDetails } from '../format/caseDetails.js';
import { formatCaseList } from '../format/caseList.js';
import { localDate } from '../format/text.js';
import { readJsonInput, readTextInput } from '../input.js';
import { withVault } from '../openVault.js';
import { printJson, printLine, printLines } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';

const JSON_INPUT_HELP = `  --json FILE|-              the case as a JSON object (field names as in the case model); - reads stdin`;

function requireJsonSource(source: string | undefined): string {
  if (source === undefined)
    throw usageError('give the case with --json FILE, or --json - to read it from stdin', 'commandLine');
  return source;
}

export const caseAddCommand = defineCommand({
  name: ['case', 'add'],
  summary: 'open a case from JSON; prints its id',
  usage: 'VAULT --json FILE|- [--passphrase-file FILE]',
  help: `Opens a case. Only "alias" is required, e.g. {"alias": "A.", "stage": "shelter", "passport": "confiscated"}.

${JSON_INPUT_HELP}
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'string' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const input = await readJsonInput(requireJsonSource(values.json));
    // Checked before the passphrase is asked: bad input never needs the vault.
    const parsed = newCaseSchema.safeParse(input);
    if (!parsed.success) throw rejectedError(`the case is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
    const created = await withVault(vaultPath!, values, (vault) => vault.addCase(input as NewCase));
    printLine(created.id);
  },
});

export const caseUpdateCommand = defineCommand({
  name: ['case', 'update'],
  summary: 'change fields of a case from JSON',
  usage: 'VAULT ID --json FILE|- [--passphrase-file FILE]',
  help: `Changes the fields given in the JSON object and leaves the others as they are. A list given
(contacts, documents, tasks) becomes the case's list: items with the "id" of an existing item
(see case show --json) change it, items without one are added, items left out are removed.
ID may be the first 4 or more characters of the case id.

${JSON_INPUT_HELP}
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'string' } },
  positionals: ['VAULT', 'ID'],
  async run(values, [vaultPath, idOrPrefix]) {
    const input = await readJsonInput(requireJsonSource(values.json));
    const parsed = casePatchSchema.safeParse(input);
    if (!parsed.success) throw rejectedError(`the change is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
    const result = await withVault(vaultPath!, values, (vault) =>
      vault.updateCase(vault.resolveCaseId(idOrPrefix!), input as CasePatch),
    );
    printLine(
      result.opsWritten === 0
        ? `${result.case.id}: nothing to change`
        : `${result.case.id}: ${result.opsWritten} change${result.opsWritten === 1 ? '' : 's'} saved`,
    );
  },
});

export const caseNoteCommand = defineCommand({
  name: ['case', 'note'],
  summary: 'add a note to a case',
  usage: 'VAULT ID TEXT|- [--passphrase-file FILE]',
  help: `Adds a note to the case's timeline (notes are never edited or removed). TEXT - reads the note
from stdin, which keeps it out of the shell history and the process list.

${UNLOCK_HELP}`,
  options: { ...unlockOptions },
  positionals: ['VAULT', 'ID', 'TEXT'],
  async run(values, [vaultPath, idOrPrefix, text]) {
    const note = text === '-' ? (await readTextInput('-')).replace(/\r?\n$/, '') : text!;
    const updated = await withVault(vaultPath!, values, (vault) =>
      vault.addNote(vault.resolveCaseId(idOrPrefix!), note),
    );
    printLine(`${updated.id}: note added`);
  },
});

export const caseListCommand = defineCommand({
  name: ['case', 'list'],
  summary: 'list cases, filtered and searched',
  usage: 'VAULT [--stage S] [--passport S] [--country CC] [--search TEXT] [--json]',
  help: `Lists the cases that match every filter given, most recently changed first.

${CASE_FILTER_HELP}
  --json                     print the cases as a JSON array
${UNLOCK_HELP}`,
  options: { ...unlockOptions, ...caseFilterOptions, json: { type: 'boolean' } },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    const filter = parseCaseFilter(values);
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        const cases = vault.listCases(filter).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
        if (values.json) return printJson(cases);
        if (cases.length === 0) return printLine(`no cases match (of ${vault.caseCount})`);
        printLines(formatCaseList(cases, vault.me.fingerprint));
        printLine(`${cases.length} of ${vault.caseCount} cases`);
      },
      { readOnly: true },
    );
  },
});

export const caseShowCommand = defineCommand({
  name: ['case', 'show'],
  summary: 'show one case with its history and conflicts',
  usage: 'VAULT ID [--json]',
  help: `Shows every field, contact, document, task and note of a case, its open conflicts, and its
history: who changed what, and when. ID may be the first 4 or more characters of the case id.

  --json                     print the case with "history" and "conflicts" as JSON
${UNLOCK_HELP}`,
  options: { ...unlockOptions, json: { type: 'boolean' } },
  positionals: ['VAULT', 'ID'],
  async run(values, [vaultPath, idOrPrefix]) {
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        const id = vault.resolveCaseId(idOrPrefix!);
        const state = vault.getCase(id);
        const history = caseHistory(vault.caseOps(id));
        if (values.json) {
          const entries = history.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
          return printJson({ ...state, history: entries, conflicts: state.conflicts });
        }
        const today = localDate(Date.now());
        printLines(formatCaseDetails(state, history, { me: vault.me.fingerprint, today }));
      },
      { readOnly: true },
    );
  },
});

export const caseCommands = [caseAddCommand, caseUpdateCommand, caseNoteCommand, caseListCommand, caseShowCommand];
