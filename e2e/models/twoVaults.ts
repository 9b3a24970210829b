import fs from 'node:fs';
import path from 'node:path';
import type { AppControl } from '../control.js';

/** Each vault adds the other's key card as a verified contact (set-up through the contract). */
export async function introduce(a: AppControl, b: AppControl) {
  const cardA = await a.value('getKeyCard', {});
  const cardB = await b.value('getKeyCard', {});
  await a.value('addContact', { card: cardB.card, verified: true });
  await b.value('addContact', { card: cardA.card, verified: true });
  return { a: cardA.me, b: cardB.me };
}

/** The newest `.crossing` file an app wrote to its output folder. */
export function newestExport(control: AppControl): string {
  const files = fs
    .readdirSync(control.outDir)
    .filter((f) => f.endsWith('.crossing'))
    .map((f) => path.join(control.outDir, f))
    .sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs);
  if (!files[0]) throw new Error('no export written');
  return files[0];
}
