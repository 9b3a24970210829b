import type { ChannelResult } from '../../shared/ipc/contract';
import {
  contactSchema,
  documentSchema,
  fieldSchemas,
  taskSchema,
  type CaseFields,
  type CaseDocument,
  type Contact,
  type FieldName,
  type Task,
} from '../../shared/model/case';

export type CaseState = ChannelResult<'getCase'>['case'];
export type Draft = {
  fields: CaseFields;
  contacts: (Contact & { id?: string })[];
  documents: (CaseDocument & { id?: string })[];
  tasks: (Task & { id?: string })[];
  /** Text as typed, for fields whose typed form differs from their value. */
  birthYearText: string;
  otherNamesText: string;
  /** Date fields (`tasks.2.due`) whose typed text cannot be read, with that text: Save waits for them. */
  unreadable: Record<string, string>;
};

/** Unreadable marks after item `index` of `list` was removed: its own go, later ones move up. */
export function unreadableAfterRemove(unreadable: Draft['unreadable'], list: string, index: number) {
  return Object.fromEntries(
    Object.entries(unreadable).flatMap(([key, text]) => {
      const [name, at, field] = key.split('.');
      if (name !== list || at === undefined) return [[key, text]];
      const i = Number(at);
      return i === index ? [] : [[i > index ? `${name}.${i - 1}.${field}` : key, text]];
    }),
  );
}

/** The draft with `key` marked unreadable (with the text typed) or readable (null). */
export function markUnreadable(draft: Draft, key: string, typed: string | null): Draft {
  const { [key]: _was, ...rest } = draft.unreadable;
  return { ...draft, unreadable: typed === null ? rest : { ...rest, [key]: typed } };
}

export function draftOf(c: CaseState): Draft {
  return {
    fields: { ...c.fields },
    // The contract's `withId` helper erases item types; the vault validated them against these schemas.
    contacts: (c.contacts as Draft['contacts']).map((x) => ({ ...x })),
    documents: (c.documents as Draft['documents']).map((x) => ({ ...x })),
    tasks: (c.tasks as Draft['tasks']).map((x) => ({ ...x })),
    birthYearText: c.fields.birthYear === null ? '' : String(c.fields.birthYear),
    otherNamesText: c.fields.otherNames.join('\n'),
    unreadable: {},
  };
}

/** A four-digit year no later than this one: a birth year in the future is a typing slip. */
export function parseBirthYear(text: string, thisYear = new Date().getFullYear()): number | null | typeof NaN {
  if (!text.trim()) return null;
  const year = /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return year <= thisYear ? year : NaN;
}

export const parseOtherNames = (text: string) =>
  text
    .split(/\n|;/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Field values from the draft, with typed text parsed. */
export function fieldsOf(draft: Draft): CaseFields {
  const birthYear = parseBirthYear(draft.birthYearText);
  return {
    ...draft.fields,
    birthYear: Number.isNaN(birthYear) ? draft.fields.birthYear : birthYear,
    otherNames: parseOtherNames(draft.otherNamesText),
  };
}

export type Errors = Partial<Record<string, string>>;

/** Each problem as an i18n key under `validation.` keyed by field (or `tasks.3.text` for list items). */
export function validate(draft: Draft): Errors {
  const errors: Errors = {};
  const fields = fieldsOf(draft);
  for (const name of Object.keys(fieldSchemas) as FieldName[]) {
    if (!fieldSchemas[name].safeParse(fields[name]).success) errors[name] = name;
  }
  if (Number.isNaN(parseBirthYear(draft.birthYearText))) errors.birthYear = 'birthYear';
  if (fields.stage === 'closed' && !fields.closedReason) errors.closedReason = 'closedReason';
  const check = <T>(
    list: T[],
    schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
    prefix: string,
  ) =>
    list.forEach((item, i) => {
      const { id: _id, ...rest } = item as T & { id?: string };
      const result = schema.safeParse(rest);
      if (!result.success)
        for (const issue of result.error?.issues ?? [])
          errors[`${prefix}.${i}.${String(issue.path[0])}`] = `${prefix}.${String(issue.path[0])}`;
    });
  check(draft.contacts, contactSchema, 'contacts');
  check(draft.documents, documentSchema, 'documents');
  check(draft.tasks, taskSchema, 'tasks');
  // A date that was typed but cannot be read is an error at its field, named after the field.
  for (const key of Object.keys(draft.unreadable)) errors[key] = 'unreadableDate';
  return errors;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so a save writes one op per edited field and nothing else. */
export function patchOf(original: CaseState, draft: Draft) {
  const fields = fieldsOf(draft);
  const patch: Record<string, unknown> = {};
  for (const name of Object.keys(fieldSchemas) as FieldName[]) {
    if (!same(fields[name], original.fields[name])) patch[name] = fields[name];
  }
  // The model checks stage and closedReason together: send both whenever either changes.
  if (patch.stage !== undefined || patch.closedReason !== undefined) {
    patch.stage = fields.stage;
    if (fields.stage === 'closed') patch.closedReason = fields.closedReason;
    else if (original.fields.closedReason !== null) patch.closedReason = null;
    else delete patch.closedReason;
  }
  if (!same(draft.contacts, original.contacts)) patch.contacts = draft.contacts;
  if (!same(draft.documents, original.documents)) patch.documents = draft.documents;
  if (!same(draft.tasks, original.tasks)) patch.tasks = draft.tasks;
  return patch;
}
