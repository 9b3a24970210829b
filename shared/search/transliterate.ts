import { foldText, foldWithVariants, nameKeyReadings } from '../names/nameKey.js';

/**
 * Search compares folded keys (see shared/names/nameKey.ts): Ахмед, Akhmed, Achmed, Akhmad and
 * Ахмет all fold to one key, so a person finds a case whichever spelling either side used.
 */
export function foldForSearch(text: string): string {
  return foldText(text);
}

/** A text's key with the other readings of its ambiguous words: any convention finds the case. */
export function foldAllReadings(text: string): string {
  return foldWithVariants(text);
}

/** The readings of one typed word: a search word matches a case when any of them does. */
export function foldWordReadings(word: string): string[] {
  return nameKeyReadings(word).filter((k) => k.length > 0 && !k.includes(' '));
}
