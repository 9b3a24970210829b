import { listContacts } from '../../shared/exchange/contacts.js';
import { exportCases } from '../../shared/exchange/exportCases.js';
import { importSealedFile } from '../../shared/exchange/importSealedFile.js';
import { Vault } from '../../shared/vault/vault.js';

/**
 * Opens a vault, notes its memory, then either exports its first case (with its files) to its
 * first contact or imports a sealed file, and reports the peak memory above the open vault: what an
 * exchange of evidence costs a caseworker's machine. The peak is the kernel's (maxRSS): exact, and
 * counted for the exchange only when the exchange raised it, else an upper bound.
 * Usage: node dist/bench/evidence/exchangeFilesOnce.js export|import VAULT FILE (recovery key on stdin)
 */
const [mode, file, target] = process.argv.slice(2);
if ((mode !== 'export' && mode !== 'import') || !file || !target) {
  throw new Error('usage: exchangeFilesOnce.js export|import VAULT FILE');
}
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const vault = await Vault.open(file, { recoveryKey: Buffer.concat(chunks).toString('utf8').trim() });
(globalThis as { gc?: () => void }).gc?.();
const openRss = process.memoryUsage().rss;
const peakBefore = process.resourceUsage().maxRSS * 1024;
const start = performance.now();
let bytes = 0;
if (mode === 'export') {
  const to = listContacts(vault)[0]!.fingerprint;
  const carrying = vault.listCases().find((c) => c.fields.alias === 'carrying files');
  if (!carrying) throw new Error('the vault holds no case carrying files');
  bytes = (await exportCases(vault, { to: [to], cases: [carrying.id], outFile: target })).bytes;
} else {
  const report = await importSealedFile(vault, target);
  if (report.status !== 'imported') throw new Error(`the import was ${report.status}`);
}
const ms = performance.now() - start;
const maxRss = process.resourceUsage().maxRSS * 1024;
vault.lock();
process.stdout.write(`${JSON.stringify({ openRss, peakBefore, maxRss, raised: maxRss > peakBefore, ms, bytes })}\n`);
