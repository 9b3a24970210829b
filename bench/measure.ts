/** Small measuring helpers shared by benchmark modules. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `work` once and returns its result with the milliseconds it took. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** Collects garbage first when the runner was started with --expose-gc, so runs start level. */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const fixed = (n: number, digits = 1) => n.toFixed(digits);
export const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
