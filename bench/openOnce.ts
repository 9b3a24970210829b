import { Vault } from '../shared/vault/vault.js';

/**
 * Opens a vault and holds all its cases, nothing else, then reports the peak memory of this process:
 * what a caseworker's machine needs to have the vault open. The recovery key arrives on stdin.
 * Usage: node dist/bench/openOnce.js VAULT < recovery-key
 */
const file = process.argv[2];
if (!file) throw new Error('usage: openOnce.js VAULT (recovery key on stdin)');
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const recoveryKey = Buffer.concat(chunks).toString('utf8').trim();

const cpuBefore = process.cpuUsage();
const start = performance.now();
const vault = await Vault.open(file, { recoveryKey });
const openMs = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
let cases = 0;
for (const _ of vault.allCases()) cases += 1;
const result = {
  cases,
  openMs,
  /** CPU time of all threads (GC helpers included): steadier than wall time on a busy machine. */
  openCpuMs: (cpu.user + cpu.system) / 1000,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  heapUsedBytes: process.memoryUsage().heapUsed,
};
vault.lock();
process.stdout.write(`${JSON.stringify(result)}\n`);
