import { Vault } from '../../shared/vault/vault.js';

/**
 * Opens a vault, notes its memory, adds the given files to its first case (one transaction each),
 * and reports the peak memory above the open vault: what adding evidence costs a caseworker's
 * machine. Usage: node dist/bench/evidence/addFilesOnce.js VAULT FILE... (recovery key on stdin)
 */
const [file, ...paths] = process.argv.slice(2);
if (!file || paths.length === 0) throw new Error('usage: addFilesOnce.js VAULT FILE...');
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const vault = await Vault.open(file, { recoveryKey: Buffer.concat(chunks).toString('utf8').trim() });
const caseId = vault.listCases()[0]!.id;
const openRss = process.memoryUsage().rss;
let peakRss = openRss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const start = performance.now();
for (const path of paths) {
  vault.addFile(caseId, path, { maxBytes: 1024 * 1024 * 1024 });
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const ms = performance.now() - start;
clearInterval(sample);
vault.lock();
process.stdout.write(`${JSON.stringify({ openRss, peakRss, maxRss: process.resourceUsage().maxRSS * 1024, ms })}\n`);
