import os from 'node:os';
import type { Section, Table } from './types.js';

/** The load average as the run starts: read then, not when the report is printed at the end. */
const LOAD_AT_START = os.loadavg();

/** The machine the numbers were measured on: they mean nothing without it. */
export function machineLines(now: Date): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`,
    `- RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node ${process.version} on ${os.platform()} ${os.release()}`,
    `- Load average when the run started: ${LOAD_AT_START.map((l) => l.toFixed(2)).join(', ')}`,
    `- Date: ${now.toISOString()}`,
  ];
}

export function renderTable(table: Table): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(table.columns), line(table.columns.map(() => '---')), ...table.rows.map(line)].join('\n');
}

export function renderReport(sections: readonly Section[], now: Date, command: string): string {
  const parts = [
    '# Benchmark results',
    '',
    `Written by \`${command}\`; every run overwrites this file but for the UI bench's “Desk at …” sections (\`npm run bench:ui -- --write\`).`,
    '',
  ];
  parts.push('## Machine', '', ...machineLines(now), '');
  for (const section of sections) {
    parts.push(`## ${section.title}`, '');
    for (const table of section.tables) parts.push(renderTable(table), '');
    if (section.notes.length) parts.push(...section.notes.map((n) => `- ${n}`), '');
  }
  return parts.join('\n');
}
