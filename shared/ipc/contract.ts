import { z } from 'zod';
import { KDF_LEVELS } from '../crypto/kdfLevels.js';
import {
  CLOSED_REASONS,
  CONTACT_CHANNELS,
  FIELD_NAMES,
  LIST_NAMES,
  PASSPORT_STATUSES,
  RISKS,
  STAGES,
  casePatchSchema,
  consentFieldsSchema,
  contactSchema,
  documentSchema,
  EVIDENCE_KINDS,
  evidenceFileSchema,
  fieldSchemas,
  fingerprintSchema,
  newCaseSchema,
  taskSchema,
} from '../model/case.js';
import { ERROR_CODES, ERROR_REASONS } from '../errors.js';
import { HANDOFF_STATES, RECEIPT_OUTCOMES } from '../handoffs/states.js';
import { caseFilterSchema } from '../search/filter.js';
import { MAX_SHARES } from '../seizure/recoveryShares.js';
import { WIPE_AFTER_CHOICES } from '../seizure/unlockGuard.js';
import { TEXT_ENCODINGS } from '../sheets/decodeText.js';
import { sheetMappingSchema } from '../sheets/mappingSchema.js';

/**
 * The one contract between the UI and the vault. Every channel the renderer may call is a row here
 * with a schema for its arguments and one for its result. The preload exposes exactly these rows as
 * `window.crossing`, main (and the test harness) validate every call against them, and the UI's
 * types come from them. Adding a capability to the UI means adding a row here first.
 */

// ---- shared shapes --------------------------------------------------------------------------------

const writeSchema = z.object({ opId: z.string(), hlc: z.string(), author: z.string(), value: z.unknown() });
const conflictSchema = z.object({
  key: z.string(),
  field: z.enum(FIELD_NAMES).optional(),
  list: z.enum(LIST_NAMES).optional(),
  itemId: z.string().optional(),
  candidates: z.array(writeSchema),
});
const withId = <T extends z.ZodObject>(schema: T) => schema.extend({ id: z.string() });

export const caseStateSchema = z.object({
  id: z.string(),
  fields: z.object(fieldSchemas),
  contacts: z.array(withId(contactSchema)),
  documents: z.array(withId(documentSchema)),
  tasks: z.array(withId(taskSchema)),
  /** Evidence files' descriptions (the Files section lists them with listEvidenceFiles). */
  files: z.array(evidenceFileSchema.extend({ id: z.string() })).optional(),
  /** Each hand-off's recorded consent, or its override with the reason. */
  consents: z.array(consentFieldsSchema.extend({ id: z.string() })).optional(),
  notes: z.array(z.object({ id: z.string(), text: z.string(), hlc: z.string(), author: z.string() })),
  conflicts: z.array(conflictSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  opCount: z.number().int(),
});

/** One line of a case's history: who changed what, when. */
export const historyEntrySchema = z.object({
  opId: z.string(),
  hlc: z.string(),
  at: z.number(),
  author: z.string(),
  authorName: z.string().nullable(),
  type: z.enum(['create', 'set', 'item', 'note', 'merge', 'unmerge']),
  changes: z.array(
    z.object({
      key: z.string(),
      from: z.unknown().optional(),
      to: z.unknown().optional(),
    }),
  ),
});

/** A row of the case table: the enumerated fields, never the whole case (100,000 of them cross IPC). */
export const caseRowSchema = z.object({
  id: z.string(),
  alias: z.string(),
  stage: z.enum(STAGES),
  passport: z.enum(PASSPORT_STATUSES),
  internalPassport: z.enum(PASSPORT_STATUSES),
  refugeCountry: z.string().nullable(),
  risk: z.enum(RISKS),
  assignedTo: z.string().nullable(),
  updatedAt: z.number(),
  conflicts: z.number().int(),
  overdueTasks: z.number().int(),
  /** Evidence files on the case (absent: none). */
  fileCount: z.number().int().optional(),
});

export const CASE_SORT_KEYS = [
  'alias',
  'stage',
  'passport',
  'internalPassport',
  'refugeCountry',
  'risk',
  'assignedTo',
  'updatedAt',
] as const;

export const publicIdentitySchema = z.object({
  displayName: z.string(),
  fingerprint: z.string(),
  ageRecipient: z.string(),
  signPublicKey: z.string(),
});

export const contactEntrySchema = z.object({
  name: z.string(),
  fingerprint: z.string(),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  safetyNumber: z.string(),
  /** A card arrived for this contact with different keys: shown as a warning until re-verified. */
  pendingKeyChange: z.boolean(),
  /** Cases assigned to them (removing the contact leaves them assigned to a stranger). */
  assignedCases: z.number().int(),
});

/** The most the file-size setting allows: a file's content is sealed in the vault file itself. */
export const MAX_FILE_MEGABYTES_LIMIT = 2000;

export const settingsSchema = z.object({
  language: z.enum(['ru', 'en']),
  theme: z.enum(['system', 'light', 'dark']),
  autoLockMinutes: z.number().int().min(1).max(240),
  panicShortcut: z.string().min(1).max(60),
  /** The largest evidence file this computer takes, in MB (issue: 100 MB by default, a setting). */
  maxFileMegabytes: z.number().int().min(1).max(MAX_FILE_MEGABYTES_LIMIT),
  /** Starts the 5-second countdown to a quick erase; empty: no shortcut (the default). */
  eraseShortcut: z.string().max(60),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = {
  language: 'ru',
  theme: 'system',
  autoLockMinutes: 5,
  panicShortcut: 'CommandOrControl+Shift+L',
  maxFileMegabytes: 100,
  eraseShortcut: '',
};

/** A file chosen by the person (in a native dialog, or opened with the app): the UI holds only a token. */
/** Why a file opened with the app was not taken: gone, a folder or device, not readable, or the app failed. */
export const OPEN_FAILURES = ['missing', 'not-a-file', 'unreadable', 'failed'] as const;
export const fileRefSchema = z.object({ token: z.string().min(1).max(64), name: z.string() });

export const OMITTABLE_FIELDS = ['legalName', 'contacts', 'location', 'files'] as const;

/** A reason two cases may be one person: a code the UI translates, with its parameters. */
const duplicateReasonSchema = z.object({
  code: z.enum([
    'sameContact',
    'sameDocumentNumber',
    'similarName',
    'sameBirthYear',
    'nearBirthYear',
    'differentBirthYear',
  ]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export const importPreviewSchema = z.object({
  file: fileRefSchema,
  exportId: z.string(),
  sender: z.object({ name: z.string().nullable(), fingerprint: z.string(), known: z.boolean(), verified: z.boolean() }),
  createdAt: z.string(),
  /** The sender's vault change number when the file was made; null for files from before it was sent. */
  senderChangeNumber: z.number().int().nullable(),
  alreadyImportedAt: z.string().nullable(),
  omitted: z.array(z.string()),
  /** Each new case, with the held case it may be the same person as (to merge after the import). */
  newCases: z.array(
    z.object({
      id: z.string(),
      alias: z.string(),
      lookalike: z.object({ id: z.string(), alias: z.string(), reasons: z.array(duplicateReasonSchema) }).nullable(),
    }),
  ),
  updatedCases: z.array(z.object({ id: z.string(), alias: z.string(), fields: z.array(z.string()) })),
  newConflicts: z.array(z.object({ caseId: z.string(), alias: z.string(), key: z.string() })),
  purgedSkipped: z.number().int(),
  /** What the file is: an export, a hand-off (accepted or declined here), a receipt, a backup. */
  kind: z.enum(['export', 'handoff', 'backup', 'receipt']),
  /** Cases purged here that their holder hands back: they come back with the import. */
  returns: z.array(
    z.object({
      caseId: z.string(),
      alias: z.string(),
      handedTo: z.string(),
      handedOn: z.string(),
      changes: z.number().int(),
    }),
  ),
  /** Answers to hand-offs made from here (isNew false: already recorded, carried again). */
  receipts: z.array(
    z.object({
      handoffId: z.string(),
      caseId: z.string(),
      alias: z.string().nullable(),
      to: z.string(),
      outcome: z.enum(RECEIPT_OUTCOMES),
      reason: z.string().nullable(),
      receivedAt: z.string(),
      isNew: z.boolean(),
    }),
  ),
  ops: z.number().int(),
  /** Evidence files whose content the file carries, and their total size. */
  files: z.number().int(),
  fileBytes: z.number().int(),
});

/** The hand-off ledger as people read it (shared/handoffs/listHandoffs.ts). */
const handoffListSchema = z.object({
  sent: z.array(
    z.object({
      handoffId: z.string(),
      caseId: z.string(),
      /** Null where the case was purged and no trace of its alias kept. */
      alias: z.string().nullable(),
      caseHeld: z.boolean(),
      /** The case's alias now, while it is held here. */
      heldAlias: z.string().nullable(),
      to: z.object({ fingerprint: z.string(), name: z.string() }),
      sentAt: z.string(),
      fileName: z.string(),
      purged: z.boolean(),
      consent: z.enum(['agreed', 'override']),
      /** The consent's words, kept while the case is kept (a purged case's stub holds neither). */
      agreedTo: z.string().nullable(),
      override: z.string().nullable(),
      state: z.enum(HANDOFF_STATES),
      receivedAt: z.string().nullable(),
      receiptAt: z.string().nullable(),
      reason: z.string().nullable(),
      returnedAt: z.string().nullable(),
    }),
  ),
  received: z.array(
    z.object({
      handoffId: z.string(),
      caseId: z.string(),
      from: z.object({ fingerprint: z.string(), name: z.string() }),
      /** The case's alias while it is held here (a declined case leaves with its receipt). */
      alias: z.string().nullable(),
      receivedAt: z.string(),
      outcome: z.enum(RECEIPT_OUTCOMES),
      reason: z.string().nullable(),
    }),
  ),
  counts: z.object({
    awaiting: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    returned: z.number().int(),
    received: z.number().int(),
  }),
});

/** A spreadsheet chosen for import, and how to read it (shared/sheets). */
const sheetSourceSchema = z.object({
  token: z.string().min(1).max(64),
  sheet: z.string().max(200).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  delimiter: z.enum([',', ';', '\t']).optional(),
});
export const sheetInspectionSchema = z.object({
  fileName: z.string(),
  kind: z.enum(['csv', 'xlsx']),
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  sheet: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  mapping: sheetMappingSchema,
  samples: z.record(z.string(), z.array(z.string())),
});
export const SHEET_WARNING_KINDS = [
  'unmappedColumn',
  'unknownValue',
  'unreadDate',
  'invisibleRemoved',
  'formulaWithoutValue',
  'cellPastHeader',
  'tooLong',
] as const;
export const sheetImportReportSchema = z.object({
  status: z.enum(['preview', 'imported']),
  fileName: z.string(),
  sheet: z.string(),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    alreadyImported: z.number().int(),
    repeated: z.number().int(),
    blank: z.number().int(),
    totals: z.number().int(),
    refused: z.number().int(),
    withNotes: z.number().int(),
    lookalikes: z.number().int(),
  }),
  rows: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(['new', 'already imported', 'repeated', 'skipped', 'refused']),
      reason: z.string().nullable(),
      alias: z.string().nullable(),
      lookalike: z.object({ id: z.string(), alias: z.string() }).nullable(),
      keptInNote: z.number().int(),
      caseId: z.string().nullable(),
    }),
  ),
  warnings: z.array(
    z.object({
      kind: z.enum(SHEET_WARNING_KINDS),
      row: z.number().int().nullable(),
      column: z.string().nullable(),
      header: z.string().nullable(),
      text: z.string(),
    }),
  ),
});

export const vaultStatsResultSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  byStage: z.record(z.string(), z.number()),
  byRefugeCountry: z.record(z.string(), z.number()),
  byPassport: z.record(z.string(), z.number()),
  byInternalPassport: z.record(z.string(), z.number()),
  byRisk: z.record(z.string(), z.number()),
  byNeed: z.record(z.string(), z.number()),
  arrivalsByMonth: z.record(z.string(), z.number()),
  overdueTasks: z.number().int(),
  casesWithConflicts: z.number().int(),
});

/** The app's build and the runtime it runs on, shown in Settings → About. */
export const aboutSchema = z.object({
  appVersion: z.string(),
  /** Null where the UI does not run inside Electron (the test harness). */
  electron: z.string().nullable(),
  chromium: z.string().nullable(),
  node: z.string(),
  /** The release key pinned in the app: its minisign key id (the fingerprint people compare) and the key. */
  releaseKeyId: z.string(),
  releasePublicKey: z.string(),
});

/** The checks of an installer, in the order they run (shared/release/verifyRelease.ts). */
export const RELEASE_CHECK_NAMES = [
  'signed',
  'format',
  'key',
  'signature',
  'comment',
  'sums',
  'listed',
  'hash',
  'version',
] as const;

/** Whether a chosen installer is a genuine Crossing release, or which check refused it and why. */
export const releaseVerdictSchema = z.object({
  genuine: z.boolean(),
  check: z.enum(RELEASE_CHECK_NAMES).nullable(),
  reason: z.string(),
  fileName: z.string(),
  runningVersion: z.string(),
  keyId: z.string(),
  signedBy: z.string().nullable(),
  version: z.string().nullable(),
  platform: z.string().nullable(),
  relation: z.enum(['older', 'same', 'newer']).nullable(),
  listedAs: z.string().nullable(),
  sha256: z.string().nullable(),
});

/** A case's unsaved edits as the UI left them: `body` is the UI's own draft, opaque to the vault. */
export const caseDraftSchema = z.object({
  caseId: z.string(),
  subject: z.string(),
  savedAt: z.string(),
  body: z.string(),
});
/** A case's evidence file as the Files section shows it: its description, and whether this vault holds the content. */
export const evidenceEntrySchema = evidenceFileSchema.extend({
  id: z.string(),
  held: z.boolean(),
  /** How the app may show it; null for anything but pictures and PDFs (and never for a program). */
  view: z.enum(['image', 'pdf']).nullable(),
});
const fileIdSchema = z.string().min(4).max(64);
const addedFilesSchema = z.object({
  files: z.array(evidenceEntrySchema),
  added: z.array(z.object({ id: z.string(), name: z.string(), removedMetadata: z.array(z.string()) })),
});
/**
 * A dropped file travels as base64 (the harness speaks JSON), so a drop is capped below what a
 * page's string can hold; a larger file is added with the picker, which passes only its path.
 */
export const MAX_DROPPED_BYTES = 256 * 1024 * 1024;
const MAX_DROPPED_BASE64 = Math.ceil(MAX_DROPPED_BYTES / 3) * 4 + 4;

const none = z.object({});

const duplicatePairSchema = z.object({
  a: z.string(),
  b: z.string(),
  aliasA: z.string(),
  aliasB: z.string(),
  score: z.number(),
  reasons: z.array(duplicateReasonSchema),
});
const ok = z.object({ ok: z.literal(true) });

// ---- the table --------------------------------------------------------------------------------

export const contract = {
  // App and vault
  getAppState: {
    args: none,
    result: z.object({
      version: z.string(),
      vaultPath: z.string(),
      vaultExists: z.boolean(),
      unlocked: z.boolean(),
      settings: settingsSchema,
      me: publicIdentitySchema.nullable(),
      /** The open vault's change number (its manifest counter): an older copy has a lower one. */
      changeNumber: z.number().int().nullable(),
      /** What was found altered when the vault was opened for rescue (reading only); null when whole. */
      tampering: z.string().nullable(),
      /** Unlock attempts left before the vault is erased, once three or fewer remain; else null. */
      attemptsLeft: z.number().int().min(0).nullable(),
    }),
  },
  createVault: {
    args: z.object({
      passphrase: z.string().min(1).max(1024),
      kdf: z.enum(KDF_LEVELS),
      displayName: z.string().trim().min(1).max(80),
      postQuantum: z.boolean().default(false),
    }),
    result: z.object({ recoveryKey: z.string(), me: publicIdentitySchema }),
  },
  unlockVault: {
    // rescue: open a vault found altered (rows removed or put back without the key) for reading only,
    // so its cases can still be exported rather than lost with it.
    args: z.discriminatedUnion('method', [
      z.object({
        method: z.literal('passphrase'),
        passphrase: z.string().min(1).max(1024),
        rescue: z.boolean().default(false),
      }),
      z.object({
        method: z.literal('recoveryKey'),
        recoveryKey: z.string().min(1).max(200),
        rescue: z.boolean().default(false),
      }),
      z.object({
        method: z.literal('recoveryShares'),
        shares: z.array(z.string().min(1).max(4000)).min(1).max(MAX_SHARES),
        rescue: z.boolean().default(false),
      }),
    ]),
    result: z.object({ me: publicIdentitySchema, cases: z.number().int(), tampering: z.string().nullable() }),
  },
  lockVault: { args: none, result: ok },
  chooseOtherVault: { args: none, result: z.object({ vaultPath: z.string().nullable() }) },
  changePassphrase: {
    args: z.object({
      current: z.string().min(1).max(1024),
      next: z.string().min(1).max(1024),
      kdf: z.enum(KDF_LEVELS),
    }),
    result: ok,
  },

  // When the laptop is taken (shared/seizure). Erasing needs no passphrase: whoever holds the laptop
  // could delete the file anyway; the duress passphrase and the shares need the passphrase.
  getSeizureState: {
    args: none,
    result: z.object({
      duressPassphraseSet: z.boolean(),
      wipeAfter: z.union(WIPE_AFTER_CHOICES.map((n) => z.literal(n))),
      lastSaved: z.object({ kind: z.enum(['backup', 'export', 'handoff']), at: z.string() }).nullable(),
      changedSinceSaved: z.boolean(),
    }),
  },
  setDuressPassphrase: {
    args: z.object({ current: z.string().min(1).max(1024), duress: z.string().min(1).max(1024) }),
    result: ok,
  },
  clearDuressPassphrase: { args: z.object({ current: z.string().min(1).max(1024) }), result: ok },
  setWipeAfter: { args: z.object({ wipeAfter: z.union(WIPE_AFTER_CHOICES.map((n) => z.literal(n))) }), result: ok },
  /**
   * Makes a set of recovery shares and shows them; nothing changes until `confirmRecoveryShares`
   * says they were written down (or drops them), so the vault is never left with shares nobody has.
   */
  splitRecovery: {
    args: z.object({
      count: z.number().int().min(2).max(MAX_SHARES),
      threshold: z.number().int().min(2).max(MAX_SHARES),
    }),
    result: z.object({
      setId: z.string(),
      count: z.number().int(),
      threshold: z.number().int(),
      shares: z.array(z.object({ number: z.number().int(), text: z.string() })),
    }),
  },
  confirmRecoveryShares: {
    args: z.object({ setId: z.string().min(1).max(20), keep: z.boolean() }),
    result: z.object({ replaced: z.boolean() }),
  },
  eraseVault: { args: none, result: z.object({ removed: z.number().int() }) },

  // Backup and restore (shared/exchange/backup.ts): the whole vault, sealed to itself.
  getBackupState: {
    args: none,
    result: z.object({ lastBackupAt: z.string().nullable(), changedSinceSaved: z.boolean() }),
  },
  backupVault: {
    args: none,
    result: z.object({
      savedAs: z.string().nullable(),
      cases: z.number().int(),
      bytes: z.number().int(),
      changeNumber: z.number().int().nullable(),
    }),
  },
  /**
   * Restores a backup chosen with `chooseImportFile`. Without `identity` it must be this vault's own
   * backup; a backup of another vault (a lost laptop's) needs that vault's secret identity.
   */
  restoreBackup: {
    args: z.object({ token: z.string().min(1).max(64), identity: z.string().trim().min(1).max(4000).optional() }),
    result: z.object({
      cases: z.number().int(),
      newOps: z.number().int(),
      contacts: z.number().int(),
      contactsSkipped: z.array(z.string()),
      tombstones: z.number().int(),
    }),
  },
  /** Saves this vault's secret identity (what restoring its backups elsewhere needs) where the person chooses. */
  saveSecretIdentity: { args: none, result: z.object({ savedAs: z.string().nullable() }) },

  // Cases
  queryCases: {
    args: z.object({
      filter: caseFilterSchema,
      sort: z.object({ key: z.enum(CASE_SORT_KEYS), direction: z.enum(['asc', 'desc']) }).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    result: z.object({ total: z.number().int(), rows: z.array(caseRowSchema) }),
  },
  getCase: {
    args: z.object({ id: z.string().min(1).max(64) }),
    result: z.object({ case: caseStateSchema, history: z.array(historyEntrySchema) }),
  },
  createCase: { args: z.object({ input: newCaseSchema }), result: z.object({ id: z.string() }) },
  updateCase: {
    args: z.object({ id: z.string().min(1).max(64), patch: casePatchSchema }),
    result: z.object({ case: caseStateSchema, opsWritten: z.number().int() }),
  },
  addNote: {
    args: z.object({ id: z.string().min(1).max(64), text: z.string().min(1).max(20_000) }),
    result: z.object({ case: caseStateSchema }),
  },
  resolveConflict: {
    args: z.object({ id: z.string().min(1).max(64), key: z.string().min(1).max(200), opId: z.string().min(1).max(64) }),
    result: z.object({ case: caseStateSchema }),
  },
  closeCase: {
    args: z.object({ id: z.string().min(1).max(64), reason: z.enum(CLOSED_REASONS) }),
    result: z.object({ case: caseStateSchema }),
  },
  /**
   * Pairs of cases that may be one person, best first, with their reasons (codes + parameters): the
   * likeliest few hundred, and how many there are in all.
   */
  listDuplicates: {
    args: none,
    result: z.object({ pairs: z.array(duplicatePairSchema), total: z.number().int().nonnegative() }),
  },
  /** The cases a case being typed may already be (`a` is the draft). */
  matchNewCase: {
    args: z.object({
      draft: z.object({
        alias: z.string().max(200),
        legalName: z.string().max(300).nullable().optional(),
        otherNames: z.array(z.string().max(300)).max(20).optional(),
        birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
        contacts: z
          .array(z.object({ channel: z.enum(CONTACT_CHANNELS), value: z.string().max(300) }))
          .max(50)
          .optional(),
      }),
    }),
    result: z.object({ matches: z.array(duplicatePairSchema) }),
  },
  mergeCases: {
    args: z.object({ keep: z.string().min(1).max(64), absorb: z.string().min(1).max(64) }),
    result: z.object({ case: caseStateSchema }),
  },
  unmergeCase: {
    args: z.object({ mergeOpId: z.string().min(1).max(64) }),
    result: z.object({ survivor: caseStateSchema, absorbed: caseStateSchema }),
  },
  /** "Not the same person": remembered, sealed in the vault; the pair is not suggested again. */
  dismissDuplicate: {
    args: z.object({ a: z.string().min(1).max(64), b: z.string().min(1).max(64) }),
    result: ok,
  },
  /** Unsaved edits of a case, sealed in the vault (never in exports) until saved or discarded. */
  keepDraft: {
    args: z.object({
      caseId: z.string().min(1).max(64),
      subject: z.string().max(200),
      body: z.string().max(2_000_000),
    }),
    result: ok,
  },
  listDrafts: { args: none, result: z.object({ drafts: z.array(caseDraftSchema) }) },
  discardDraft: { args: z.object({ caseId: z.string().min(1).max(64) }), result: ok },

  // Evidence files (shared/evidence): content crosses only to be viewed, in memory
  listEvidenceFiles: {
    args: z.object({ caseId: z.string().min(1).max(64) }),
    result: z.object({ files: z.array(evidenceEntrySchema) }),
  },
  chooseEvidenceFiles: { args: none, result: z.object({ files: z.array(fileRefSchema) }) },
  addEvidenceFiles: {
    args: z.object({
      caseId: z.string().min(1).max(64),
      tokens: z.array(z.string().min(1).max(64)).min(1).max(64),
      kind: z.enum(EVIDENCE_KINDS).optional(),
      keepMetadata: z.boolean().default(false),
    }),
    result: addedFilesSchema,
  },
  addDroppedEvidence: {
    args: z.object({
      caseId: z.string().min(1).max(64),
      name: z.string().min(1).max(1000),
      base64: z.string().max(MAX_DROPPED_BASE64),
      keepMetadata: z.boolean().default(false),
    }),
    result: addedFilesSchema,
  },
  readEvidenceFile: {
    args: z.object({ fileId: fileIdSchema }),
    result: z.object({ type: z.string(), view: z.enum(['image', 'pdf']), base64: z.string() }),
  },
  saveEvidenceCopy: { args: z.object({ fileId: fileIdSchema }), result: z.object({ savedAs: z.string().nullable() }) },
  updateEvidenceFile: {
    args: z.object({
      fileId: fileIdSchema,
      name: z.string().trim().min(1).max(255).optional(),
      caption: z.string().max(500).nullable().optional(),
      kind: z.enum(EVIDENCE_KINDS).optional(),
      documentId: z.string().min(1).max(64).nullable().optional(),
    }),
    result: z.object({ files: z.array(evidenceEntrySchema) }),
  },
  removeEvidenceFile: {
    args: z.object({ fileId: fileIdSchema }),
    result: z.object({ files: z.array(evidenceEntrySchema) }),
  },

  // Dashboard
  getStats: { args: z.object({ today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }), result: vaultStatsResultSchema },
  saveReport: {
    args: z.object({
      today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      format: z.enum(['json', 'csv']),
      /** The CSV's words in the UI's language (shared/service/statsReport.ts); codes where one is missing. */
      labels: z.record(z.string().max(100), z.string().max(500)).default({}),
    }),
    result: z.object({ savedAs: z.string().nullable() }),
  },

  // Identity and contacts
  getKeyCard: { args: none, result: z.object({ card: z.string(), me: publicIdentitySchema }) },
  saveKeyCard: { args: none, result: z.object({ savedAs: z.string().nullable() }) },
  listContacts: { args: none, result: z.object({ contacts: z.array(contactEntrySchema) }) },
  addContact: {
    args: z.object({ card: z.string().min(1).max(10_000), verified: z.boolean().default(false) }),
    result: z.object({ contact: contactEntrySchema }),
  },
  verifyContact: {
    args: z.object({ fingerprint: fingerprintSchema }),
    result: z.object({ contact: contactEntrySchema }),
  },
  /** A key card from a file the person picks (null when cancelled): the text, for the add form. */
  chooseKeyCardFile: { args: none, result: z.object({ card: z.string().nullable() }) },
  renameContact: {
    args: z.object({ fingerprint: fingerprintSchema, name: z.string().min(1).max(200) }),
    result: z.object({ contact: contactEntrySchema }),
  },
  /** Cases assigned to them keep the assignment: the answer says how many, to reassign. */
  removeContact: {
    args: z.object({ fingerprint: fingerprintSchema }),
    result: z.object({ assignedCases: z.number().int() }),
  },

  // Exchange
  exportCases: {
    args: z.object({
      caseIds: z.union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1)]),
      to: z.array(fingerprintSchema).min(1).max(50),
      omit: z.array(z.enum(OMITTABLE_FIELDS)).default([]),
    }),
    result: z.object({ savedAs: z.string().nullable(), cases: z.number().int(), bytes: z.number().int() }),
  },
  chooseImportFile: { args: none, result: z.object({ file: fileRefSchema.nullable() }) },
  previewImport: {
    args: z.object({ token: z.string().min(1).max(64), acceptUnknownSender: z.boolean().default(false) }),
    result: importPreviewSchema,
  },
  /**
   * Applies an import. A hand-off is accepted, or declined with `decline` (the reason its sender
   * reads); either way its receipt is then saved with `saveReceipt`.
   */
  applyImport: {
    args: z.object({
      token: z.string().min(1).max(64),
      acceptUnknownSender: z.boolean().default(false),
      decline: z.string().trim().min(1).max(500).optional(),
    }),
    result: z.object({
      alreadyImportedAt: z.string().nullable(),
      newCases: z.number().int(),
      updatedCases: z.number().int(),
      newConflicts: z.number().int(),
      /** Purged cases handed back by their holder, now here again. */
      returned: z.number().int(),
      /** Hand-offs made from here that this file answered. */
      receipts: z.number().int(),
      /** The hand-off the file was, and this vault's answer: its receipt is to be saved. */
      handoff: z.object({ handoffId: z.string(), outcome: z.enum(RECEIPT_OUTCOMES) }).nullable(),
    }),
  },
  /**
   * Saves the receipt of a hand-off imported here, sealed to its sender, where the person chooses
   * (null when cancelled). A declining receipt carries the case back: once saved, it leaves this vault.
   */
  saveReceipt: {
    args: z.object({ handoffId: z.string().min(1).max(64) }),
    result: z.object({
      savedAs: z.string().nullable(),
      outcome: z.enum(RECEIPT_OUTCOMES),
      to: z.string(),
      returnedCases: z.number().int(),
    }),
  },
  /** Hand-offs made here (with their state, newest first) and received here, and counts by state. */
  listHandoffs: { args: none, result: handoffListSchema },
  // Spreadsheets (shared/sheets): choose, read and map, preview every row, import in one transaction
  chooseSpreadsheet: { args: none, result: z.object({ file: fileRefSchema.nullable() }) },
  /** The file's sheets and the proposed mapping; with a mapping, its enumerated columns' values filled in. */
  inspectSpreadsheet: {
    args: sheetSourceSchema.extend({ mapping: sheetMappingSchema.optional() }),
    result: sheetInspectionSchema,
  },
  previewSheetImport: {
    args: sheetSourceSchema.extend({ mapping: sheetMappingSchema }),
    result: sheetImportReportSchema,
  },
  applySheetImport: {
    args: sheetSourceSchema.extend({ mapping: sheetMappingSchema }),
    result: sheetImportReportSchema,
  },
  /** Deletes the imported spreadsheet file (the UI says copies may survive elsewhere). */
  removeSpreadsheet: { args: z.object({ token: z.string().min(1).max(64) }), result: ok },
  handOffCase: {
    args: z.object({
      id: z.string().min(1).max(64),
      to: fingerprintSchema,
      omit: z.array(z.enum(OMITTABLE_FIELDS)).default([]),
      /** What the person agreed to (whom their case may go to), or why it goes without their agreement. */
      consent: z.union([
        z.object({ agreedTo: z.string().trim().min(1).max(300) }),
        z.object({ override: z.string().trim().min(1).max(500) }),
      ]),
      purge: z.boolean().default(false),
      /** With purge: the hand-off's record keeps the alias (nothing else of the case stays). */
      keepAlias: z.boolean().default(false),
    }),
    result: z.object({ savedAs: z.string().nullable(), purged: z.boolean(), handoffId: z.string().nullable() }),
  },

  // Settings (kept outside the vault: the unlock screen needs the language before any key exists)
  getSettings: { args: none, result: settingsSchema },
  updateSettings: { args: settingsSchema.partial(), result: settingsSchema },

  // The shell: answered by main itself (it knows the platform and what it could watch), not by the vault
  platformProtections: {
    args: none,
    result: z.object({
      platform: z.enum(['linux', 'darwin', 'win32', 'other']),
      protections: z.array(
        z.object({
          id: z.enum(['contentProtection', 'asarIntegrity', 'screenLock', 'idle', 'panicShortcut']),
          status: z.enum(['works', 'partly', 'missing']),
          /** Why not, or what is left: a key the UI explains in the person's language. */
          reason: z
            .enum([
              'captureNotBlockable',
              'integrityMacWindowsOnly',
              'noDbusMonitor',
              'dbusUnreachable',
              'ownWindowOnly',
              'waylandPortal',
              'shortcutRefused',
            ])
            .nullable(),
        }),
      ),
    }),
  },
  // About and releases (work while locked: an update is checked before it is installed)
  getAbout: { args: none, result: aboutSchema },
  chooseInstaller: { args: none, result: z.object({ file: fileRefSchema.nullable() }) },
  verifyRelease: { args: z.object({ token: z.string().min(1).max(64) }), result: releaseVerdictSchema },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelArgs<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<Contract[C]['args']>;
export type ChannelResult<C extends Channel> = z.output<Contract[C]['result']>;
export const CHANNELS = Object.keys(contract) as Channel[];

/** Events main sends to the UI. */
export const events = {
  /** The vault was locked by idle time, suspend, screen lock or the panic shortcut. */
  locked: z.object({ reason: z.enum(['idle', 'suspend', 'screen', 'panic', 'user']) }),
  /** A `.crossing` file was opened with the app: the UI shows its import preview. */
  importFileOpened: fileRefSchema,
  /** A file opened with the app could not be taken: the UI says which and why, instead of nothing. */
  fileOpenFailed: z.object({ name: z.string(), reason: z.enum(OPEN_FAILURES) }),
  /** The emergency erase shortcut was pressed (system-wide): the UI starts the erase countdown. */
  eraseRequested: z.object({}),
  /** How far a spreadsheet import has come: the file read, its rows checked, the cases being written. */
  sheetImportProgress: z.object({
    phase: z.enum(['reading', 'checking', 'writing']),
    done: z.number().int(),
    total: z.number().int(),
  }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What crosses the boundary for a failure: the CLI's codes, a plain message, never a stack trace. */
export const ipcErrorSchema = z.object({
  code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
  message: z.string(),
  /** Why, for the UI to say in its language; the message is the English detail (shared/errors.ts). */
  reason: z.enum(ERROR_REASONS).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;
export type IpcResponse<C extends Channel> = { ok: true; value: ChannelResult<C> } | { ok: false; error: IpcError };

/** The IPC channel name of a contract row. */
export const ipcChannel = (name: Channel | EventName) => `crossing:${name}`;

/** `window.crossing`, as the preload exposes it. */
export type CrossingApi = { [C in Channel]: (args: ChannelArgs<C>) => Promise<IpcResponse<C>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
