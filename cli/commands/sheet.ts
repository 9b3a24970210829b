import { usageError } from '../../shared/errors.js';
import { TEXT_ENCODINGS, type TextEncoding } from '../../shared/sheets/decodeText.js';
import { importSpreadsheet, inspectSpreadsheet, type SheetImportReport } from '../../shared/sheets/importSheet.js';
import { parseMapping } from '../../shared/sheets/mapping.js';
import type { CsvDelimiter } from '../../shared/sheets/readCsv.js';
import { defineCommand } from '../command.js';
import { readJsonInput } from '../input.js';
import { withVault } from '../openVault.js';
import { printJson, printLines } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';

/**
 * Onboarding from a spreadsheet: `sheet map` proposes how the columns and their values map to case
 * fields, as JSON to edit; `sheet import` imports with that mapping (or the proposal), or previews.
 */
const READ_HELP = `  --sheet NAME               the sheet of a workbook to read (default: the first with data)
  --encoding ENCODING        a CSV's text encoding, when the one found is wrong: ${TEXT_ENCODINGS.join(', ')}
  --delimiter D              a CSV's delimiter, when the one found is wrong: comma, semicolon, tab`;

const readOptions = {
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
} as const;

const DELIMITERS: Record<string, CsvDelimiter> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t' };

function parseReadOptions(values: { sheet?: string; encoding?: string; delimiter?: string }) {
  if (values.encoding !== undefined && !(TEXT_ENCODINGS as readonly string[]).includes(values.encoding)) {
    throw usageError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}`, 'commandLine');
  }
  const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
  if (values.delimiter !== undefined && delimiter === undefined) {
    throw usageError('--delimiter must be comma, semicolon or tab', 'commandLine');
  }
  return { sheet: values.sheet, encoding: values.encoding as TextEncoding | undefined, delimiter };
}

const mapCommand = defineCommand({
  name: ['sheet', 'map'],
  summary: 'propose how a spreadsheet’s columns and values map to case fields (JSON to edit)',
  usage: 'VAULT FILE [--sheet NAME] [--encoding E] [--delimiter D] > mapping.json',
  help: `Reads FILE (.xlsx, or .csv in UTF-8, UTF-16 or Windows-1251 with , ; or tab), finds the header
row under any title rows, and prints the proposed mapping as JSON: for each column its header and
target (a case field, "note" to keep it word for word in the case's note, or "skip"), and for each
enumerated field every distinct value with its count and the code proposed (null: kept in the note).
Edit it and give it to "crossing sheet import --mapping". The vault is not opened: the proposal
depends on the file alone.

${READ_HELP}`,
  options: readOptions,
  positionals: ['VAULT', 'FILE'],
  run(values, [, file]) {
    const inspection = inspectSpreadsheet(file!, parseReadOptions(values));
    printJson(inspection.mapping);
    return Promise.resolve();
  },
});

const importCommand = defineCommand({
  name: ['sheet', 'import'],
  summary: 'import the cases of a spreadsheet (or preview the import)',
  usage: 'VAULT FILE [--sheet NAME] [--mapping mapping.json] [--dry-run] [--json]',
  help: `Imports every row of the sheet as a new case in one transaction, or nothing. Blank rows and
totals rows are skipped, rows without a name are refused; each is listed with its reason. Whatever
fits no field (an unknown status, a date in words, an unmapped column) is kept word for word in the
case's note and listed as a warning. Rows imported before are recognised and change nothing; rows
that look like a case already held are imported and flagged for review, never merged.

  --mapping FILE             the mapping to use (from "crossing sheet map", edited); default: the proposal
  --dry-run                  show what would be imported, change nothing
  --json                     print the whole report as JSON
${READ_HELP}
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    ...readOptions,
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: ['VAULT', 'FILE'],
  async run(values, [vaultPath, file]) {
    const read = parseReadOptions(values);
    // The mapping is checked before the vault is unlocked: a typo costs no passphrase.
    const mapping = values.mapping === undefined ? undefined : parseMapping(await readJsonInput(values.mapping));
    await withVault(vaultPath!, values, (vault) => {
      const report = importSpreadsheet(vault, file!, { ...read, mapping, dryRun: values['dry-run'] ?? false });
      if (values.json) printJson(report);
      else printLines(describeSheetImport(report));
    });
  },
});

export function describeSheetImport(r: SheetImportReport): string[] {
  const c = r.counts;
  const lines = [
    `${r.status === 'preview' ? 'preview (nothing changed)' : 'imported'}: ${r.fileName}, sheet "${r.sheet}", header on row ${r.mapping.headerRow}${r.encoding ? `, ${r.encoding}, delimiter ${JSON.stringify(r.delimiter)}` : ''}`,
    `${c.rows} rows: ${c.new} new case(s), ${c.alreadyImported} imported before, ${c.repeated} repeated, ${c.blank} blank, ${c.totals} totals, ${c.refused} refused`,
    `${c.withNotes} case(s) keep text in a note; ${c.lookalikes} look like cases already held`,
  ];
  for (const row of r.rows) {
    if (row.status === 'refused') lines.push(`row ${row.row}: refused: ${row.reason}`);
    if (row.status === 'repeated') lines.push(`row ${row.row}: skipped, ${row.reason}`);
    if (row.lookalike) {
      lines.push(
        `row ${row.row}: "${row.alias}" looks like the case "${row.lookalike.alias}" (${row.lookalike.id}): review, not merged`,
      );
    }
  }
  for (const w of r.warnings) {
    const where = w.row === null ? `column ${w.column}` : `row ${w.row}, column ${w.column}`;
    lines.push(
      `warning: ${where}${w.header ? ` (${w.header})` : ''}: ${WARNING_WORDS[w.kind]}: ${JSON.stringify(w.text)}`,
    );
  }
  return lines;
}

const WARNING_WORDS: Record<SheetImportReport['warnings'][number]['kind'], string> = {
  unmappedColumn: 'no field named for this column, kept in notes',
  unknownValue: 'value not mapped, kept in the note',
  unreadDate: 'not read as a date, kept in the note',
  invisibleRemoved: 'invisible control or text-direction characters removed',
  formulaWithoutValue: 'a formula with no saved value, kept in the note',
  cellPastHeader: 'a cell past the last header, kept in the note',
  tooLong: 'too long for its field, kept in the note',
};

export const sheetCommands = [mapCommand, importCommand];
