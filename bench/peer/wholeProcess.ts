import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * Runs a command as a whole process, as a person would: its wall time from spawn to exit, its
 * output, and its peak resident memory and CPU time as the kernel counts them (GNU time's %M, %U
 * and %S: the child's rusage from wait4). Input may be streamed: it is written in chunks, each after the pipe drained.
 */
export interface ProcessRun {
  ms: number;
  stdout: string;
  stderr: string;
  /** null when Debian's `time` is not installed. */
  maxRssBytes: number | null;
  /** User + system CPU time of the process (10 ms steps); null without Debian's `time`. */
  cpuMs: number | null;
}

/** GNU time, found on PATH (Debian's package `time`); spawned without a shell, so never the shell keyword. */
export const GNU_TIME = 'time';
/** Peak RSS in KiB, user and system CPU seconds. */
const FORMAT = '%M %U %S';
const REPORT = /^(\d+) (\d+\.\d+) (\d+\.\d+)$/;

/** Whether `time` on PATH is GNU time and reports %M, %U and %S (BusyBox's does not). */
export function hasGnuTime(): boolean {
  const probe = spawnSync(GNU_TIME, ['-f', FORMAT, 'true'], { encoding: 'utf8' });
  return probe.status === 0 && REPORT.test(lastLine(probe.stderr ?? ''));
}

/** Whether `command` runs at all (it is on PATH). */
export function isOnPath(command: string, versionArgs: string[] = ['-version']): boolean {
  const probe = spawnSync(command, versionArgs, { stdio: 'ignore' });
  return !probe.error;
}

const CHUNK_CHARS = 1 << 20;

export async function runWholeProcess(
  command: string,
  args: readonly string[],
  options: { input?: Iterable<string>; rssFile?: string | null; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessRun> {
  const rssFile = options.rssFile ?? null;
  if (rssFile) fs.rmSync(rssFile, { force: true });
  const [file, argv] = rssFile ? [GNU_TIME, ['-f', FORMAT, '-o', rssFile, command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawn(file, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  // A child that dies early closes the pipe: the write fails (EPIPE) and its exit says why.
  const fed = feed(child.stdin, options.input ?? []).catch((error: unknown) => error);
  const code = await closed;
  const ms = performance.now() - start;
  const feedError = await fed;
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr.slice(-2000)}`);
  if (feedError) throw new Error(`writing to ${command} failed: ${String(feedError)}`);
  if (!rssFile) return { ms, stdout, stderr, maxRssBytes: null, cpuMs: null };
  const report = lastLine(fs.readFileSync(rssFile, 'utf8'));
  const parsed = REPORT.exec(report);
  if (!parsed) throw new Error(`${GNU_TIME} reported no peak memory and CPU time: ${report}`);
  const [, kib, user, system] = parsed.map(Number) as [number, number, number, number];
  return { ms, stdout, stderr, maxRssBytes: kib * 1024, cpuMs: (user + system) * 1000 };
}

/** Writes the pieces in chunks of about 1 MiB, waiting for the pipe to drain whenever it is full. */
async function feed(stdin: Writable, pieces: Iterable<string>): Promise<void> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= CHUNK_CHARS) {
      if (!stdin.write(pending)) await once(stdin, 'drain');
      pending = '';
    }
  }
  if (pending) stdin.write(pending);
  stdin.end();
  await once(stdin, 'finish');
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}
