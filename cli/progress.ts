import type { Progress } from '../shared/vault/vault.js';

export interface ProgressLine {
  update: Progress;
  finish(): void;
}

const REDRAW_EVERY_MS = 100;

/**
 * A one-line counter (`\rchecking 1234/5000 segments`) on stderr, only when stderr is a terminal:
 * logs and pipes get nothing. Redraws are throttled; the line is erased when the work ends.
 */
export function progressLine(label: string, unit: string): ProgressLine {
  if (!process.stderr.isTTY) return { update: () => {}, finish: () => {} };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      drawn = true;
      process.stderr.write(`\r\x1b[K${label} ${done}/${total} ${unit}`);
    },
    finish() {
      if (drawn) process.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
