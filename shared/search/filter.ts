import { z } from 'zod';
import { NEEDS, PASSPORT_STATUSES, RISKS, STAGES, fingerprintSchema } from '../model/case.js';
import { COUNTRY_CODE_SET } from '../model/countries.js';
import type { CaseState } from '../oplog/fold.js';
import { overdueTasks, type CaseSummary } from '../oplog/summary.js';
import { foldForSearch } from './transliterate.js';

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

/** The text a search looks in: every name a person goes by, and where they are. */
export function searchKeyOf(c: CaseState): string {
  const parts = [c.fields.alias, c.fields.legalName ?? '', ...c.fields.otherNames, c.fields.location ?? ''];
  return ` ${foldForSearch(parts.join(' \u0002 '))} `;
}

/** The folded words of a search, longest first (the longest is the most selective). */
export function searchWords(search: string | undefined): string[] {
  if (!search) return [];
  return foldForSearch(search)
    .split(' ')
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
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
    for (const word of words) if (!searchKey.includes(word)) return false;
    return true;
  };
}
