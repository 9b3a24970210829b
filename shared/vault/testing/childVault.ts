import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Runs a script against the compiled vault (dist/) in another Node process: the second window, the
 * second command, the process killed half-way. The script is an ES module body with `Vault`,
 * `listTombstones`, `vaultPath`, `passphrase` and `say(line)` (a line on stdout) in scope.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = (p: string) => pathToFileURL(path.join(ROOT, 'dist', p)).href;

export interface ChildVault {
  child: ChildProcess;
  /** Resolves with the first stdout line equal to `line` (or rejects when the child ends first). */
  waitFor(line: string): Promise<void>;
  /** Resolves when the child ends: its exit code (or the signal), and everything it said. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function runChildVault(script: string, vaultPath: string, passphrase: string): ChildVault {
  const source = `
import { Vault } from ${JSON.stringify(dist('shared/vault/vault.js'))};
import { listTombstones } from ${JSON.stringify(dist('shared/exchange/tombstones.js'))};
const vaultPath = ${JSON.stringify(vaultPath)};
const passphrase = ${JSON.stringify(passphrase)};
const say = (line) => process.stdout.write(line + '\\n');
void listTombstones;
${script}
`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ line: string; resolve: () => void; reject: (e: Error) => void }> = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    const lines = stdout.split('\n');
    for (const w of [...waiters]) {
      if (lines.includes(w.line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) =>
      child.on('close', (code, signal) => {
        for (const w of waiters.splice(0)) w.reject(new Error(`the child ended before "${w.line}": ${stderr}`));
        resolve({ code, signal, stdout, stderr });
      }),
  );
  return {
    child,
    done,
    waitFor: (line) =>
      stdout.split('\n').includes(line)
        ? Promise.resolve()
        : new Promise((resolve, reject) => waiters.push({ line, resolve, reject })),
  };
}
