import {
  CLOSED_REASONS,
  GENDERS,
  NEEDS,
  PASSPORT_STATUSES,
  REFUGE_ROUTES,
  RISKS,
  STAGES,
  THREATS,
} from '../model/case.js';
import { COUNTRY_CODES } from '../model/countries.js';

/**
 * What a column of a sheet can become. Most are fields of the case model; the contact channels
 * become contacts; `note` keeps the column word for word in the case's import note, `skip` leaves
 * it out (only ever by the person's choice: nothing is skipped by a proposal).
 */
export const SHEET_TARGETS = [
  'alias',
  'legalName',
  'otherNames',
  'birthYear',
  'gender',
  'phone',
  'telegram',
  'whatsapp',
  'signal',
  'email',
  'passport',
  'internalPassport',
  'stage',
  'risk',
  'threats',
  'refugeCountry',
  'refugeRoute',
  'location',
  'needs',
  'note',
  'skip',
] as const;
export type SheetTarget = (typeof SHEET_TARGETS)[number];

/** Targets several columns may share (two phone columns, two comment columns); the rest take one column. */
export const REPEATABLE_TARGETS: ReadonlySet<SheetTarget> = new Set([
  'otherNames',
  'phone',
  'telegram',
  'whatsapp',
  'signal',
  'email',
  'note',
  'skip',
]);

/** A closed stage needs its reason, so "closed" is offered once per reason. */
export const STAGE_VALUES = [
  ...STAGES.filter((s) => s !== 'closed'),
  ...CLOSED_REASONS.map((r) => `closed:${r}` as const),
] as const;

/**
 * The codes each enumerated target takes. A value mapped to a code sets the field; a value mapped to
 * null (or not mapped) is kept in the note, word for word, and listed as a warning.
 */
export const TARGET_CODES = {
  gender: GENDERS,
  passport: PASSPORT_STATUSES,
  internalPassport: PASSPORT_STATUSES,
  stage: STAGE_VALUES,
  risk: RISKS,
  threats: THREATS,
  refugeCountry: COUNTRY_CODES,
  refugeRoute: REFUGE_ROUTES,
  needs: NEEDS,
} as const satisfies Partial<Record<SheetTarget, readonly string[]>>;
export type EnumTarget = keyof typeof TARGET_CODES;
export const isEnumTarget = (target: SheetTarget): target is EnumTarget => Object.hasOwn(TARGET_CODES, target);
/** Targets whose cell may list several values ("семья, полиция"). */
export const MULTI_VALUE_TARGETS: ReadonlySet<SheetTarget> = new Set(['threats', 'needs']);
export const CONTACT_TARGETS = ['phone', 'telegram', 'whatsapp', 'signal', 'email'] as const;
