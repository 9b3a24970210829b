import { usageError } from '../shared/errors.js';
import { caseFilterSchema, type CaseFilter } from '../shared/search/filter.js';

export const caseFilterOptions = {
  stage: { type: 'string', multiple: true },
  passport: { type: 'string', multiple: true },
  country: { type: 'string', multiple: true },
  search: { type: 'string' },
} as const;

export const CASE_FILTER_HELP = `  --stage S                  only cases at stage S (repeat it, or S1,S2, for any of several)
  --passport S               only cases whose travel passport status is S (repeatable)
  --country CC               only cases whose refuge country is CC, e.g. DE (repeatable)
  --search TEXT              names and location, any case, any script: Ахмед finds Akhmed`;

const OPTION_OF: Record<string, string> = { stage: '--stage', passport: '--passport', country: '--country' };

/** Builds the filter from the options; a bad value is a usage error that names the option. */
export function parseCaseFilter(values: {
  stage?: string[];
  passport?: string[];
  country?: string[];
  search?: string;
}): CaseFilter {
  const list = (given: string[] | undefined, normalise: (s: string) => string = (s) => s) =>
    given?.flatMap((v) => v.split(',')).map((v) => normalise(v.trim()));
  const candidate = {
    stage: list(values.stage),
    passport: list(values.passport),
    country: list(values.country, (c) => c.toUpperCase()),
    search: values.search,
  };
  const parsed = caseFilterSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const option = OPTION_OF[key] ?? `--${key}`;
    throw usageError(`${option}: ${issue.message}`, 'commandLine');
  }
  return parsed.data;
}
