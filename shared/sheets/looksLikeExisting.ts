import type { Vault } from '../vault/vault.js';
import { foldForSearch } from '../search/transliterate.js';

/**
 * "This row looks like a case the vault already has": the one place that decides it, so that the
 * shared name matcher can replace foldForSearch here alone. A look-alike is flagged for a person to
 * review, never merged.
 */
export interface ExistingCase {
  id: string;
  alias: string;
}

export type LookalikeFinder = (names: readonly string[]) => ExistingCase | null;

export function lookalikeFinder(vault: Vault): LookalikeFinder {
  const byFold = new Map<string, ExistingCase>();
  for (const summary of vault.allCases()) {
    const key = foldForSearch(summary.fields.alias);
    if (key !== '' && !byFold.has(key)) byFold.set(key, { id: summary.id, alias: summary.fields.alias });
  }
  return (names) => {
    for (const name of names) {
      const found = byFold.get(foldForSearch(name));
      if (found) return found;
    }
    return null;
  };
}
