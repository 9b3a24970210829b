import { z } from 'zod';
import { COUNTRY_CODE_SET } from './countries.js';

/**
 * The case model of DESIGN.md. Every field a caseworker filters by is an enumeration here, so that
 * the CLI, the IPC contract and the UI all reject the same bad input with the same message.
 */

export const STAGES = [
  'intake',
  'verification',
  'shelter',
  'documents',
  'exit',
  'transit',
  'arrived',
  'resettled',
  'closed',
] as const;
export const CLOSED_REASONS = ['declined', 'returned', 'lost_contact', 'deceased', 'duplicate', 'other'] as const;
export const RISKS = ['critical', 'high', 'medium', 'low'] as const;
export const THREATS = ['family', 'police', 'community', 'other'] as const;
export const PASSPORT_STATUSES = [
  'unknown',
  'none',
  'held',
  'held_by_family',
  'confiscated',
  'destroyed',
  'lost',
  'applied',
  'issued',
  'expired',
] as const;
export const GENDERS = ['woman', 'man', 'nonbinary', 'other', 'undisclosed'] as const;
export const CONTACT_CHANNELS = ['signal', 'telegram', 'whatsapp', 'phone', 'email', 'other'] as const;
export const REFUGE_ROUTES = ['humanitarian_visa', 'asylum_claim', 'resettlement_programme', 'other'] as const;
export const NEEDS = ['medical', 'psychological', 'legal', 'housing', 'financial'] as const;
export const DOCUMENT_KINDS = ['visa', 'birth_certificate', 'travel_document', 'residence_permit', 'other'] as const;
export const DOCUMENT_STATUSES = ['needed', 'applied', 'issued', 'received', 'refused', 'expired'] as const;
export const EVIDENCE_KINDS = [
  'travel_passport',
  'internal_passport',
  'birth_certificate',
  'visa',
  'ticket',
  'medical',
  'photo',
  'other',
] as const;
/** What stripping can remove from a photo (see shared/evidence/stripMetadata.ts). */
export const METADATA_KINDS = ['exif', 'gps', 'xmp', 'iptc', 'comment', 'text', 'time', 'other'] as const;

/** Stages a person passes through on the way out; `closed` is the exit from the pipeline, not a step. */
export const PIPELINE_STAGES = STAGES.filter((s) => s !== 'closed');
/** Stages at which a person is outside the country of danger. */
export const ABROAD_STAGES: ReadonlySet<Stage> = new Set(['arrived', 'resettled']);

export type Stage = (typeof STAGES)[number];
export type ClosedReason = (typeof CLOSED_REASONS)[number];
export type Risk = (typeof RISKS)[number];
export type PassportStatus = (typeof PASSPORT_STATUSES)[number];

const text = (max: number) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), {
      message: 'must not hold control characters',
    });
const requiredText = (max: number) => text(max).refine((s) => s.trim().length > 0, { message: 'must not be empty' });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    { message: 'is not a real date' },
  );
/** A contact's key fingerprint (hex), the only way a case names who it is assigned to. */
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{40}$/, { message: 'must be a 40-digit key fingerprint' });

export const contactSchema = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  value: requiredText(300),
  safetyNote: text(500).nullable().default(null),
});
export const documentSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  issuedOn: isoDate.nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
  note: text(500).nullable().default(null),
});
export const taskSchema = z.strictObject({
  text: requiredText(500),
  due: isoDate.nullable().default(null),
  done: z.boolean().default(false),
});

/**
 * An evidence file's description: the content itself is sealed in chunks outside the op log
 * (shared/evidence), this travels as an item op so that it merges and shows in history like any
 * other item. `type` comes from the content's first bytes, never from the name.
 */
export const evidenceFileSchema = z.strictObject({
  name: requiredText(255),
  type: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, { message: 'must be a media type such as image/jpeg' }),
  size: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in hex' }),
  kind: z.enum(EVIDENCE_KINDS),
  caption: text(500).nullable().default(null),
  /** The id of one of the case's document records this file is a scan of. */
  documentId: z.string().min(1).max(64).nullable().default(null),
  addedAt: z.number().int().min(0),
  addedBy: fingerprintSchema,
  /** What was stripped from the content on add (empty: nothing found, or kept on purpose). */
  removedMetadata: z.array(z.enum(METADATA_KINDS)).max(METADATA_KINDS.length).default([]),
  /** The person chose to keep the original bytes, metadata included. */
  keptMetadata: z.boolean().default(false),
});

/**
 * A hand-off's consent (DESIGN.md, "Hand-off lifecycle"): the person agreed to their case going to
 * `agreedTo` (an organisation or a person, in the words they agreed to), or the coordinator handed it
 * off without that agreement and says why. It is an item of the case, so it travels with the case and
 * stays in its history; it is never edited afterwards.
 */
export const consentFieldsSchema = z.strictObject({
  recipient: fingerprintSchema,
  recipientName: requiredText(200),
  agreedTo: text(300).nullable(),
  override: text(500).nullable(),
  at: z.number().int().min(0),
});
export const consentSchema = consentFieldsSchema.refine(
  (c) => (c.agreedTo?.trim() ? 1 : 0) + (c.override?.trim() ? 1 : 0) === 1,
  {
    message: 'must record either what the person agreed to or why they could not agree, not both',
  },
);

/** Single-valued fields: each is one register in the op log (last writer wins, concurrency kept as a conflict). */
export const fieldSchemas = {
  alias: requiredText(200),
  legalName: text(300).nullable(),
  otherNames: z.array(requiredText(300)).max(20),
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  gender: z.enum(GENDERS).nullable(),
  pronouns: text(60).nullable(),
  risk: z.enum(RISKS),
  threats: z.array(z.enum(THREATS)).max(THREATS.length),
  stage: z.enum(STAGES),
  closedReason: z.enum(CLOSED_REASONS).nullable(),
  passport: z.enum(PASSPORT_STATUSES),
  internalPassport: z.enum(PASSPORT_STATUSES),
  refugeCountry: z
    .string()
    .refine((c) => COUNTRY_CODE_SET.has(c), { message: 'must be an ISO 3166-1 alpha-2 country code such as DE' })
    .nullable(),
  refugeRoute: z.enum(REFUGE_ROUTES).nullable(),
  location: text(200).nullable(),
  needs: z.array(z.enum(NEEDS)).max(NEEDS.length),
  assignedTo: fingerprintSchema.nullable(),
} as const;

export type FieldName = keyof typeof fieldSchemas;
export const FIELD_NAMES = Object.keys(fieldSchemas) as FieldName[];
export type CaseFields = { [K in FieldName]: z.output<(typeof fieldSchemas)[K]> };

/** Lists whose items are edited one by one (each item is its own register); notes are add-only. */
export const itemSchemas = {
  contacts: contactSchema,
  documents: documentSchema,
  tasks: taskSchema,
  files: evidenceFileSchema,
  consents: consentSchema,
} as const;
export type ListName = keyof typeof itemSchemas;
export const LIST_NAMES = Object.keys(itemSchemas) as ListName[];
/** Lists a case form or a patch edits as a whole; files come and go with their content instead. */
export const EDITABLE_LIST_NAMES = ['contacts', 'documents', 'tasks'] as const satisfies readonly ListName[];
export type Contact = z.output<typeof contactSchema>;
export type CaseDocument = z.output<typeof documentSchema>;
export type Task = z.output<typeof taskSchema>;
export type EvidenceFile = z.output<typeof evidenceFileSchema>;
export type Consent = z.output<typeof consentSchema>;
export type ListItem = Contact | CaseDocument | Task | EvidenceFile | Consent;
export const noteTextSchema = requiredText(20_000);

export const DEFAULT_FIELDS: Omit<CaseFields, 'alias'> = {
  legalName: null,
  otherNames: [],
  birthYear: null,
  gender: null,
  pronouns: null,
  risk: 'medium',
  threats: [],
  stage: 'intake',
  closedReason: null,
  passport: 'unknown',
  internalPassport: 'unknown',
  refugeCountry: null,
  refugeRoute: null,
  location: null,
  needs: [],
  assignedTo: null,
};

const itemIdSchema = z.string().min(1).max(64).optional();

/** What a person (or `crossing case add --json`) gives to open a case: only the alias is required. */
export const newCaseSchema = z
  .strictObject(fieldSchemas)
  .partial()
  .extend({
    alias: fieldSchemas.alias,
    contacts: z.array(contactSchema).max(50).optional(),
    documents: z.array(documentSchema).max(100).optional(),
    tasks: z.array(taskSchema).max(200).optional(),
    notes: z.array(noteTextSchema).max(100).optional(),
  })
  .superRefine(checkClosedReason);
export type NewCase = z.input<typeof newCaseSchema>;

/**
 * A change to a case: any field, and whole lists. A list given here becomes the case's list: items
 * carrying the `id` of an existing item update it, items without one are added, absent ones removed.
 */
export const casePatchSchema = z
  .strictObject(fieldSchemas)
  .partial()
  .extend({
    contacts: z
      .array(contactSchema.extend({ id: itemIdSchema }))
      .max(50)
      .optional(),
    documents: z
      .array(documentSchema.extend({ id: itemIdSchema }))
      .max(100)
      .optional(),
    tasks: z
      .array(taskSchema.extend({ id: itemIdSchema }))
      .max(200)
      .optional(),
  })
  .superRefine(checkClosedReason);
export type CasePatch = z.input<typeof casePatchSchema>;
export type ParsedCasePatch = Partial<CaseFields> & {
  contacts?: (Contact & { id?: string })[];
  documents?: (CaseDocument & { id?: string })[];
  tasks?: (Task & { id?: string })[];
};

function checkClosedReason(
  value: { stage?: Stage | undefined; closedReason?: ClosedReason | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.stage === 'closed' && (value.closedReason === undefined || value.closedReason === null)) {
    ctx.addIssue({ code: 'custom', path: ['closedReason'], message: 'is required when stage is closed' });
  }
  if (value.stage !== undefined && value.stage !== 'closed' && value.closedReason) {
    ctx.addIssue({ code: 'custom', path: ['closedReason'], message: 'may only be set when stage is closed' });
  }
}

/** Turns zod's issues into one line that names each bad field, e.g. `stage: Invalid option: expected one of …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
