import { usageError } from '../errors.js';
import { foldCaseOps } from '../oplog/fold.js';
import type { Op } from '../oplog/ops.js';
import type { Contact, CaseDocument } from '../model/case.js';
import type { Vault } from '../vault/vault.js';
import { DuplicateIndex, findDuplicates, findMatchesFor, pairKey, type DuplicateCandidate } from './scan.js';
import {
  personProfile,
  REVIEW_THRESHOLD,
  TYPING_THRESHOLD,
  type DuplicateReason,
  type PersonProfile,
  type ProfileSource,
} from './score.js';

/**
 * Duplicate review over an open vault: the cases' profiles built from one pass over the op log,
 * and the "not the same person" answers, kept sealed in the vault so a pair is never suggested
 * again.
 */
const DISMISSALS_RECORD = 'duplicate-dismissals';

export interface DuplicatePair extends DuplicateCandidate {
  aliasA: string;
  aliasB: string;
}

/** Every case's profile, folded from one read of the op log (a case at a time would reread segments). */
export function caseProfiles(vault: Vault): PersonProfile[] {
  const inEffect = new Set(vault.activeMerges().map((m) => m.id));
  const bySurvivor = new Map<string, Op[]>();
  for (const op of vault.allOps()) {
    if (op.type === 'merge' && !inEffect.has(op.id)) continue;
    const survivor = vault.survivorOf(op.caseId);
    const list = bySurvivor.get(survivor);
    if (list) list.push(op);
    else bySurvivor.set(survivor, [op]);
  }
  const profiles: PersonProfile[] = [];
  for (const [caseId, ops] of bySurvivor) {
    const state = foldCaseOps(ops, caseId);
    if (state) profiles.push(personProfile(state));
  }
  return profiles;
}

/**
 * The index of a vault's cases, kept while its ops do not change: the new-case form asks at every
 * pause in typing, and an import preview once per file; building it reads the whole op log.
 */
const indexes = new WeakMap<Vault, { opCount: number; index: DuplicateIndex }>();

export function duplicateIndexOf(vault: Vault): DuplicateIndex {
  const cached = indexes.get(vault);
  if (cached && cached.opCount === vault.opCount) return cached.index;
  const index = new DuplicateIndex(caseProfiles(vault));
  indexes.set(vault, { opCount: vault.opCount, index });
  return index;
}

/** A case held here that an arriving case (a sealed import, a spreadsheet row) may be. */
export interface Lookalike {
  id: string;
  alias: string;
  reasons: DuplicateReason[];
}

/**
 * The held case an arriving one most likely is, at the lower bar of the typing warning (better a
 * question too many than a person twice); null when none comes near. Flagged for a person to
 * review, never merged.
 */
export function lookalikeOf(vault: Vault, arriving: ProfileSource): Lookalike | null {
  const index = duplicateIndexOf(vault);
  const best = findMatchesFor(personProfile(arriving), index, TYPING_THRESHOLD).find((m) => m.b !== arriving.id);
  if (!best) return null;
  const held = index.profileOf(best.b)!;
  return { id: held.id, alias: held.alias, reasons: best.reasons };
}

export function dismissedPairs(vault: Vault): Set<string> {
  const stored = vault.getRecord(DISMISSALS_RECORD);
  return new Set(stored ? (JSON.parse(stored) as { pairs: string[] }).pairs : []);
}

/** How many pairs the review list shows at once: merging or dismissing them brings the next into view. */
export const DUPLICATES_SHOWN = 500;

/**
 * The pairs worth a look, best first (at most `limit`), with the names to show, and how many there
 * are in all; dismissed pairs left out.
 */
export function scanDuplicates(
  vault: Vault,
  limit = DUPLICATES_SHOWN,
  profiles: readonly PersonProfile[] = caseProfiles(vault),
): { pairs: DuplicatePair[]; total: number } {
  const aliases = new Map(profiles.map((p) => [p.id, p.alias]));
  const scan = findDuplicates(new DuplicateIndex(profiles), dismissedPairs(vault), REVIEW_THRESHOLD, limit);
  return {
    pairs: scan.candidates.map((c) => ({ ...c, aliasA: aliases.get(c.a)!, aliasB: aliases.get(c.b)! })),
    total: scan.total,
  };
}

/** Remembers that two cases are not one person (sealed in the vault): the pair is not suggested again. */
export function dismissDuplicate(vault: Vault, first: string, second: string): void {
  const a = vault.getCase(first).id;
  const b = vault.getCase(second).id;
  if (a === b) throw usageError(`${first} and ${second} are one case`, 'sameCase', { id: a });
  const pairs = dismissedPairs(vault);
  if (pairs.has(pairKey(a, b))) return;
  pairs.add(pairKey(a, b));
  vault.transaction((db) => vault.putRecord(DISMISSALS_RECORD, JSON.stringify({ pairs: [...pairs].sort() }), db));
}

export interface DraftPerson {
  alias: string;
  legalName?: string | null;
  otherNames?: string[];
  birthYear?: number | null;
  contacts?: Array<Pick<Contact, 'channel' | 'value'>>;
  documents?: Array<Pick<CaseDocument, 'note'>>;
}

const DRAFT_ID = 'draft';

/** A person as typed (the new-case form, a spreadsheet row), in the shape a profile is read from. */
export function draftSource(draft: DraftPerson): ProfileSource {
  return {
    id: DRAFT_ID,
    fields: {
      alias: draft.alias,
      legalName: draft.legalName ?? null,
      otherNames: draft.otherNames ?? [],
      birthYear: draft.birthYear ?? null,
    } as ProfileSource['fields'],
    contacts: (draft.contacts ?? []).map((c, i) => ({ ...c, safetyNote: null, id: `c${i}` })),
    documents: (draft.documents ?? []).map((d, i) => ({
      kind: 'other',
      status: 'needed',
      issuedOn: null,
      expiresOn: null,
      note: d.note,
      id: `d${i}`,
    })),
  };
}

/** The cases a person being typed in may already be, best first (lower bar than the review list). */
export function matchesForDraft(draft: DraftPerson, index: DuplicateIndex): DuplicatePair[] {
  return findMatchesFor(personProfile(draftSource(draft)), index, TYPING_THRESHOLD).map((c) => ({
    ...c,
    aliasA: draft.alias,
    aliasB: index.profileOf(c.b)!.alias,
  }));
}
