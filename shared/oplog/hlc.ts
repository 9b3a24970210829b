/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events in the same
 * millisecond or behind a remote clock, and the device id as the last tie-breaker. Its text form
 * sorts lexicographically in causal order, so ops can be compared as strings.
 */
export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

const MS_DIGITS = 15;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
export const HLC_PATTERN = /^\d{15}-[0-9a-z]{4}-[0-9a-f]{16}$/;
export const DEVICE_PATTERN = /^[0-9a-f]{16}$/;

export function formatHlc(clock: Hlc): string {
  return `${String(clock.ms).padStart(MS_DIGITS, '0')}-${clock.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${clock.device}`;
}

export function parseHlc(text: string): Hlc {
  if (!HLC_PATTERN.test(text)) throw new Error(`not a clock value: ${text}`);
  const [ms, counter, device] = text.split('-') as [string, string, string];
  return { ms: Number(ms), counter: parseInt(counter, 36), device };
}

/** The clock for a local event: never behind the last value, never behind the wall clock. */
export function tickHlc(last: Hlc, now: number): Hlc {
  if (now > last.ms) return { ms: now, counter: 0, device: last.device };
  return bump({ ms: last.ms, counter: last.counter + 1, device: last.device });
}

/** The clock after seeing a remote value, so that every later local event sorts after it. */
export function observeHlc(last: Hlc, remote: Hlc, now: number): Hlc {
  const ms = Math.max(last.ms, remote.ms, now);
  let counter = 0;
  if (ms === last.ms && ms === remote.ms) counter = Math.max(last.counter, remote.counter) + 1;
  else if (ms === last.ms) counter = last.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  return bump({ ms, counter, device: last.device });
}

function bump(clock: Hlc): Hlc {
  return clock.counter > MAX_COUNTER ? { ms: clock.ms + 1, counter: 0, device: clock.device } : clock;
}

/** Wall-clock time of a clock value, for display. */
export function hlcMillis(text: string): number {
  return Number(text.slice(0, MS_DIGITS));
}
