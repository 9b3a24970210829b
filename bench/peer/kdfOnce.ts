import crypto from 'node:crypto';
import { DEFAULT_KDF_LEVEL, deriveKek, kdfParamsFor, SALT_BYTES } from '../../shared/crypto/kdf.js';
import { loadSodium } from '../../shared/crypto/sodium.js';

/**
 * Derives one passphrase key at Crossing's default level in a fresh process, as `crossing` does on
 * every open, and reports that call's wall and CPU time and the process's peak memory: the first
 * Argon2id call grows libsodium's wasm memory to the level's limit, which a warm process no longer pays.
 * Usage: node dist/bench/peer/kdfOnce.js
 */
await loadSodium();
const salt = crypto.randomBytes(SALT_BYTES);
const cpuBefore = process.cpuUsage();
const start = performance.now();
deriveKek('bench passphrase, not a secret', salt, kdfParamsFor(DEFAULT_KDF_LEVEL));
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes })}\n`);
