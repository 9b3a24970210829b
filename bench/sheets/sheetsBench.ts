import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildXlsx, type FixtureCell } from '../../shared/sheets/testing/buildXlsx.js';
import { encodeWindows1251 } from '../../shared/sheets/testing/russianSheet.js';
import { Vault } from '../../shared/vault/vault.js';
import { fixed, mark, mb } from '../measure.js';
import type { BenchModule, Section } from '../types.js';
import { generateSheetRows } from './generateSheet.js';

/**
 * Onboarding from a spreadsheet: a generated 10,000-row Russian sheet, as XLSX and as a
 * Windows-1251 semicolon CSV, each imported into a fresh vault in a separate process (so peak RSS
 * is the import's own). Targets: under 5 s and under 300 MB peak RSS.
 */
const TARGET = { rows: 10_000, ms: 5000, peakMb: 300 };
const IMPORT_ONCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sheetImportOnce.js');
const PASSPHRASE = 'bench passphrase, not a secret';

function toCsv(rows: FixtureCell[][], width: number): string {
  const text = (cell: FixtureCell | undefined): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'object') {
      if ('date' in cell) return cell.date.split('-').reverse().join('.');
      return String(cell.result ?? '');
    }
    const s = String(cell);
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((row) => Array.from({ length: width }, (_, i) => text(row[i])).join(';')).join('\r\n');
}

export const sheetsBench: BenchModule = {
  name: 'sheets',
  async run({ workDir, log }) {
    const rows = generateSheetRows(TARGET.rows);
    const files = {
      XLSX: path.join(workDir, 'cases.xlsx'),
      'CSV (Windows-1251, ;)': path.join(workDir, 'cases.csv'),
    };
    fs.writeFileSync(files.XLSX, buildXlsx([{ name: 'Подопечные', rows, merges: ['A1:K1'] }]));
    fs.writeFileSync(files['CSV (Windows-1251, ;)'], encodeWindows1251(toCsv(rows, 11)));
    const table: (string | number)[][] = [];
    const verdicts: string[] = [];
    for (const [kind, file] of Object.entries(files)) {
      const vaultFile = path.join(workDir, `${kind.slice(0, 4)}.crossing-vault`);
      const { vault, recoveryKey } = await Vault.create(vaultFile, {
        passphrase: PASSPHRASE,
        kdf: 'interactive',
        displayName: 'Bench',
      });
      vault.lock();
      log(`importing ${TARGET.rows} rows from ${kind}`);
      const child = spawnSync(process.execPath, ['--expose-gc', IMPORT_ONCE, vaultFile, file], {
        input: recoveryKey,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`sheetImportOnce failed: ${child.stderr}`);
      const r = JSON.parse(child.stdout) as {
        ms: number;
        newCases: number;
        rows: number;
        rssOpenBytes: number;
        maxRssBytes: number;
      };
      const ok = r.ms < TARGET.ms && r.maxRssBytes < TARGET.peakMb * 1024 * 1024;
      table.push([
        kind,
        fixed(fs.statSync(file).size / 1024 / 1024, 2),
        r.newCases,
        fixed(r.ms / 1000, 2),
        Math.round(r.newCases / (r.ms / 1000)),
        mb(r.rssOpenBytes),
        mb(r.maxRssBytes),
      ]);
      verdicts.push(`${kind}: ${mark(ok)}`);
    }
    const section: Section = {
      title: 'Spreadsheet import (10,000 rows)',
      tables: [
        {
          columns: ['file', 'MB', 'cases imported', 'import s', 'rows/s', 'RSS vault open MB', 'peak RSS MB'],
          rows: table,
        },
      ],
      notes: [
        'A generated Russian sheet (title row, 11 columns, date cells and text dates, free-text statuses, comments), imported into a fresh vault by `importSpreadsheet` in a separate process: read, plan every row, fingerprint, write all cases in one transaction.',
        `Target: under ${TARGET.ms / 1000} s and under ${TARGET.peakMb} MB peak RSS — ${verdicts.join('; ')}.`,
      ],
    };
    return [section];
  },
};
