import { importSpreadsheet } from '../../shared/sheets/importSheet.js';
import { Vault } from '../../shared/vault/vault.js';

/**
 * Opens a vault, imports one spreadsheet into it (the check pass and the write, one transaction),
 * and reports time and this process's memory: the RSS with the vault open before the import, and
 * the kernel's peak. The recovery key arrives on stdin.
 * Usage: node dist/bench/sheets/sheetImportOnce.js VAULT FILE < recovery-key
 */
const [file, sheet] = process.argv.slice(2);
if (!file || !sheet) throw new Error('usage: sheetImportOnce.js VAULT FILE (recovery key on stdin)');
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const vault = await Vault.open(file, { recoveryKey: Buffer.concat(chunks).toString('utf8').trim() });
(globalThis as { gc?: () => void }).gc?.();
const rssOpenBytes = process.memoryUsage().rss;
const start = performance.now();
const report = importSpreadsheet(vault, sheet);
const ms = performance.now() - start;
vault.lock();
const result = {
  ms,
  newCases: report.counts.new,
  rows: report.counts.rows,
  rssOpenBytes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
