import type { VaultStats } from './stats.js';

/**
 * Statistical disclosure control for reports that leave the vault: a count of 1 to 4 can point at a
 * person ("the one case resettled in Iceland"), so it is published as "<5", the usual threshold in
 * humanitarian data sharing. Zero stays zero: it names no one.
 */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = `<${SUPPRESS_BELOW}`;

export type PublishedCount = number | typeof SUPPRESSED;
export type PublishedStats = {
  [K in keyof VaultStats]: VaultStats[K] extends number ? PublishedCount : Record<string, PublishedCount>;
};

export const publishCount = (n: number): PublishedCount => (n > 0 && n < SUPPRESS_BELOW ? SUPPRESSED : n);

export function publishStats(stats: VaultStats): PublishedStats {
  return Object.fromEntries(
    Object.entries(stats).map(([key, value]) => [
      key,
      typeof value === 'number'
        ? publishCount(value)
        : Object.fromEntries(Object.entries(value).map(([k, n]) => [k, publishCount(n)])),
    ]),
  ) as PublishedStats;
}

/** What a reader of the report is told about the rule, in English; the UI passes its own words. */
export const SUPPRESSION_NOTE = 'Counts from 1 to 4 are shown as <5 so that no small group can point at a person.';
