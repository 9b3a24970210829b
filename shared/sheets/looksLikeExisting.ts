import { draftSource, lookalikeOf } from '../dupes/vaultDuplicates.js';
import type { NewCase } from '../model/case.js';
import type { Vault } from '../vault/vault.js';

/**
 * "This row looks like a case the vault already has", decided by the one matcher duplicates use
 * (names in any script and spelling, birth year, contacts, document numbers). A look-alike is
 * flagged for a person to review, never merged.
 */
export interface ExistingCase {
  id: string;
  alias: string;
}

export type LookalikeFinder = (row: NewCase) => ExistingCase | null;

export function lookalikeFinder(vault: Vault): LookalikeFinder {
  return (row) => {
    const found = lookalikeOf(
      vault,
      draftSource({
        alias: row.alias,
        legalName: row.legalName ?? null,
        otherNames: row.otherNames ?? [],
        birthYear: row.birthYear ?? null,
        contacts: row.contacts ?? [],
        documents: (row.documents ?? []).map((d) => ({ note: d.note ?? null })),
      }),
    );
    return found && { id: found.id, alias: found.alias };
  };
}
