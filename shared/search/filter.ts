import { z } from 'zod';
import { NEEDS, PASSPORT_STATUSES, RISKS, STAGES, fingerprintSchema } from '../model/case.js';
import { COUNTRY_CODE_SET } from '../model/countries.js';
import type { CaseState } from '../oplog/fold.js';
import { overdueTasks, type CaseSummary } from '../oplog/summary.js';
import { foldAllReadings, foldForSearch, foldWordReadings } from './transliterate.js';

/** What a person filters the case list by. Every list means "any of these"; all given parts must hold. */
export const caseFilterSchema = z.strictObject({
  stage: z.array(z.enum(STAGES)).optional(),
  passport: z.array(z.enum(PASSPORT_STATUSES)).optional(),
  internalPassport: z.array(z.enum(PASSPORT_STATUSES)).optional(),
  country: z
    .array(z.string().refine((c) => COUNTRY_CODE_SET.has(c), { message: 'must be an ISO 3166-1 alpha-2 country code' }))
    .optional(),
  risk: z.array(z.enum(RISKS)).optional(),
  needs: z.array(z.enum(NEEDS)).optional(),
  /** Fingerprints, or the empty string for cases assigned to nobody. */
  assignedTo: z.array(z.union([fingerprintSchema, z.literal('')])).optional(),
  hasConflicts: z.boolean().optional(),
  overdueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  search: z.string().max(200).optional(),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

/**
 * The text a search looks in: every name a person goes by, where they are, and what caseworkers
 * wrote (notes, tasks, contacts, documents and the captions of files). It lives only in memory and
 * in the sealed index snapshot, never unsealed on disk.
 */
export function searchKeyOf(c: CaseState): string {
  const names = [c.fields.alias, c.fields.legalName ?? '', ...c.fields.otherNames].join(' \u0002 ');
  const written = [
    c.fields.location ?? '',
    ...c.notes.map((n) => n.text),
    ...c.tasks.map((t) => t.text),
    ...c.contacts.map((k) => `${k.value} ${k.safetyNote ?? ''}`),
    ...c.documents.map((d) => d.note ?? ''),
    ...c.files.map((f) => `${f.name} ${f.caption ?? ''}`),
  ].join(' \u0002 ');
  // Names are read in every transliteration convention; free text in the first only (it is long).
  return ` ${foldAllReadings(names)} \u0002 ${foldForSearch(written)} `;
}

/**
 * The words of a search, each as the keys it may match (one per convention that reads it
 * differently), longest first: the longest is the most selective.
 */
export function searchWords(search: string | undefined): string[][] {
  if (!search) return [];
  return search
    .split(/[^\p{L}\p{N}'’ʹʼ]+/u)
    .map(foldWordReadings)
    .filter((readings) => readings.length > 0)
    .sort((a, b) => b[0]!.length - a[0]!.length);
}

export function compileFilter(filter: CaseFilter): (c: CaseSummary, searchKey: string) => boolean {
  const words = searchWords(filter.search);
  const sets = {
    stage: filter.stage?.length ? new Set<string>(filter.stage) : null,
    passport: filter.passport?.length ? new Set<string>(filter.passport) : null,
    internalPassport: filter.internalPassport?.length ? new Set<string>(filter.internalPassport) : null,
    country: filter.country?.length ? new Set<string>(filter.country) : null,
    risk: filter.risk?.length ? new Set<string>(filter.risk) : null,
    assignedTo: filter.assignedTo?.length ? new Set<string>(filter.assignedTo) : null,
  };
  const needs = filter.needs?.length ? filter.needs : null;
  return (c, searchKey) => {
    const f = c.fields;
    if (sets.stage && !sets.stage.has(f.stage)) return false;
    if (sets.passport && !sets.passport.has(f.passport)) return false;
    if (sets.internalPassport && !sets.internalPassport.has(f.internalPassport)) return false;
    if (sets.country && !sets.country.has(f.refugeCountry ?? '')) return false;
    if (sets.risk && !sets.risk.has(f.risk)) return false;
    if (sets.assignedTo && !sets.assignedTo.has(f.assignedTo ?? '')) return false;
    if (needs && !needs.some((n) => f.needs.includes(n))) return false;
    if (filter.hasConflicts !== undefined && filter.hasConflicts !== c.conflicts > 0) return false;
    if (filter.overdueOn !== undefined && overdueTasks(c, filter.overdueOn) === 0) return false;
    for (const readings of words) if (!readings.some((word) => searchKey.includes(word))) return false;
    return true;
  };
}
