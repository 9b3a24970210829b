import type { CaseState } from '../oplog/fold.js';
import { matchNames, parseName, type NameMatchKind, type ParsedName } from '../names/personName.js';
import { contactKey, documentNumbers } from './identifiers.js';

/**
 * Why two cases may be one person. Reasons are codes with parameters, never sentences, so that the
 * app and the command line can say them in the reader's language.
 */
export type DuplicateReason =
  | { code: 'sameContact'; params: { value: string } }
  | { code: 'sameDocumentNumber'; params: { number: string } }
  | { code: 'similarName'; params: { a: string; b: string; match: NameMatchKind } }
  | { code: 'sameBirthYear'; params: { year: number } }
  | { code: 'nearBirthYear'; params: { a: number; b: number } }
  | { code: 'differentBirthYear'; params: { a: number; b: number } };
export type DuplicateReasonCode = DuplicateReason['code'];

/** What the comparison needs of a case, worked out once per case. */
export interface PersonProfile {
  id: string;
  alias: string;
  names: ParsedName[];
  birthYear: number | null;
  /** Contact key → the value as written. */
  contacts: Map<string, string>;
  documentNumbers: Set<string>;
}

/** What a profile is made from: a folded case, or anything shaped like the parts it reads. */
export type ProfileSource = Pick<CaseState, 'id' | 'fields' | 'contacts' | 'documents'>;

export function personProfile(c: ProfileSource): PersonProfile {
  const texts = [c.fields.alias, c.fields.legalName ?? '', ...c.fields.otherNames].filter((t) => t.trim() !== '');
  const contacts = new Map<string, string>();
  for (const contact of c.contacts) {
    const key = contactKey(contact);
    if (key && !contacts.has(key)) contacts.set(key, contact.value);
  }
  return {
    id: c.id,
    alias: c.fields.alias,
    names: distinctNames(texts.map(parseName)),
    birthYear: c.fields.birthYear,
    contacts,
    documentNumbers: new Set(c.documents.flatMap(documentNumbers)),
  };
}

/** Spellings that fold alike (Akhmed, Ahmed, Achmed) are compared once: the first written stands for all. */
function distinctNames(names: ParsedName[]): ParsedName[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const words = name.words.map((w) => `${w.initial ? '.' : ''}${w.keys.join('/')}`).sort();
    const signature = `${words.join(' ')}|${name.patronymic?.keys.join('/') ?? ''}`;
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

/** Points for each kind of evidence; a pair at REVIEW_THRESHOLD or above is shown for review. */
const POINTS = {
  contact: 60,
  document: 60,
  name: { full: 50, initials: 40, single: 20 } satisfies Record<NameMatchKind, number>,
  sameYear: 15,
  nearYear: 5,
  otherYear: -40,
};
export const REVIEW_THRESHOLD = 50;
/**
 * Birth years further apart than this cost more than any name is worth (otherYear): a pair with
 * nothing but a name in common scores under every threshold there, so the scan need not compare it.
 */
export const NAME_YEAR_WINDOW = 2;
/** Lower, for the warning while a case is typed: better a question too many than a person twice. */
export const TYPING_THRESHOLD = 40;
const NAME_RANK: Record<NameMatchKind, number> = { full: 3, initials: 2, single: 1 };

export interface DuplicateScore {
  score: number;
  reasons: DuplicateReason[];
}

export function scorePair(a: PersonProfile, b: PersonProfile): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  return { score: comparePeople(a, b, reasons), reasons };
}

/** The score alone: a scan compares millions of pairs and keeps a few hundred, so it builds no reasons. */
export const pairScore = (a: PersonProfile, b: PersonProfile): number => comparePeople(a, b, null);

/** One comparison for both: the reasons are written only when there is somewhere to write them. */
function comparePeople(a: PersonProfile, b: PersonProfile, reasons: DuplicateReason[] | null): number {
  let score = 0;
  for (const [key, value] of a.contacts) {
    if (!b.contacts.has(key)) continue;
    score += POINTS.contact;
    reasons?.push({ code: 'sameContact', params: { value } });
    break;
  }
  for (const number of a.documentNumbers) {
    if (!b.documentNumbers.has(number)) continue;
    score += POINTS.document;
    reasons?.push({ code: 'sameDocumentNumber', params: { number } });
    break;
  }
  let bestKind: NameMatchKind | null = null;
  let bestA = '';
  let bestB = '';
  for (const nameA of a.names) {
    for (const nameB of b.names) {
      const kind = matchNames(nameA, nameB);
      if (kind && (!bestKind || NAME_RANK[kind] > NAME_RANK[bestKind])) {
        bestKind = kind;
        bestA = nameA.text;
        bestB = nameB.text;
      }
      if (bestKind === 'full') break;
    }
    if (bestKind === 'full') break;
  }
  if (bestKind) {
    score += POINTS.name[bestKind];
    reasons?.push({ code: 'similarName', params: { a: bestA, b: bestB, match: bestKind } });
  }
  if (a.birthYear !== null && b.birthYear !== null) {
    const gap = Math.abs(a.birthYear - b.birthYear);
    if (gap === 0) {
      score += POINTS.sameYear;
      reasons?.push({ code: 'sameBirthYear', params: { year: a.birthYear } });
    } else if (gap === 1) {
      score += POINTS.nearYear;
      reasons?.push({ code: 'nearBirthYear', params: { a: a.birthYear, b: b.birthYear } });
    } else if (gap > 2) {
      score += POINTS.otherYear;
      reasons?.push({ code: 'differentBirthYear', params: { a: a.birthYear, b: b.birthYear } });
    }
  }
  return Math.max(0, Math.min(100, score));
}

/** English words for a reason: the command line's, and the app's fallback. */
export function describeReason(reason: DuplicateReason): string {
  switch (reason.code) {
    case 'sameContact':
      return `same contact ${reason.params.value}`;
    case 'sameDocumentNumber':
      return `same document number ${reason.params.number}`;
    case 'similarName':
      return `name ${reason.params.a} ~ ${reason.params.b}`;
    case 'sameBirthYear':
      return `born ${reason.params.year}`;
    case 'nearBirthYear':
      return `born ${reason.params.a} / ${reason.params.b}`;
    case 'differentBirthYear':
      return `born ${reason.params.a} and ${reason.params.b}: far apart`;
  }
}
