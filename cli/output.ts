/** Everything the commands print goes through here: results on stdout, nothing else. */
export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function printLines(lines: readonly string[]): void {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Notes for the person at the terminal (warnings, hints): stderr, so stdout stays machine-readable. */
export function printNotice(line: string): void {
  process.stderr.write(`${line}\n`);
}
