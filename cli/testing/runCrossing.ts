import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for tests that run the real `crossing` command against real vault files. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CROSSING_BIN = path.join(ROOT, 'bin', 'crossing.js');
export const PASSPHRASE = 'correct horse battery staple';
/** The name a test's new vault is made with (a new vault has no default name). */
export const NAME = 'Test Coordinator';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to a clean environment (no CROSSING_* variables from the caller's shell). */
  env?: Record<string, string>;
  /** Fed to stdin. */
  input?: string;
  /** Milliseconds before the run is killed (default 120 s). */
  timeout?: number;
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('CROSSING_')) env[key] = value;
  return { ...env, ...extra };
}

/** Runs `node bin/crossing.js ...args` and waits for it. */
export function crossing(args: readonly string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [CROSSING_BIN, ...args], {
    cwd: ROOT,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    killSignal: 'SIGKILL',
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Like `crossing`, in a new session without a controlling terminal (as a service or cron job runs it). */
export function crossingWithoutTerminal(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CROSSING_BIN, ...args], {
      cwd: ROOT,
      env: cleanEnv(options.env),
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/** The passphrase, and the name for a vault the command creates. */
export const withPassphrase = (extra: Record<string, string> = {}) => ({
  CROSSING_PASSPHRASE: PASSPHRASE,
  CROSSING_NAME: NAME,
  ...extra,
});

/** Creates a vault with the CLI (cheapest KDF level); returns its recovery key. */
export function initVault(file: string): string {
  const result = crossing(['init', file, '--kdf', 'interactive', '--json'], { env: withPassphrase() });
  if (result.status !== 0) throw new Error(`init failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { recoveryKey: string }).recoveryKey;
}

/** Adds a case with the CLI; returns its id. */
export function addCase(file: string, json: unknown): string {
  const result = crossing(['case', 'add', file, '--json', '-'], { env: withPassphrase(), input: JSON.stringify(json) });
  if (result.status !== 0) throw new Error(`case add failed: ${result.stderr}`);
  return result.stdout.trim();
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A usage, auth or rejection error is one line on stderr, never a stack trace. */
export function expectCleanError(result: RunResult): void {
  if (!result.stderr.startsWith('crossing: ') || /\n\s+at /.test(result.stderr)) {
    throw new Error(`not a clean error: ${result.stderr}`);
  }
}
