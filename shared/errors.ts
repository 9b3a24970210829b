/**
 * Every failure Crossing reports has one of these codes. The CLI turns them into exit codes and the
 * IPC contract sends them to the UI as `{code, message}`: one vocabulary on both sides.
 */
export const ERROR_CODES = {
  usage: 1,
  auth: 2,
  rejected: 3,
  failure: 4,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Why, for the refusals a person meets in the app: the UI says each in its own language (with the
 * parameters below) and keeps the English message, which the CLI prints, behind "Details". A
 * refusal names one always (the constructors below require it), so a test can hold every one to a
 * translation in both languages.
 */
export const ERROR_REASONS = [
  'locked',
  'wrongPassphrase',
  'wrongCurrentPassphrase',
  'wrongRecoveryKey',
  'badRecoveryKey',
  'notAVault',
  'vaultInUse',
  'vaultAltered',
  'vaultDamaged',
  'vaultNewer',
  'readOnly',
  'diskFull',
  'noSuchCase',
  'invalidData',
  'badKeyCard',
  'ownKeyCard',
  'keysAlreadyKnown',
  'noSuchContact',
  'contactNotVerified',
  'fileGone',
  'noSuchFile',
  'fileExists',
  'folderMissing',
  'passphraseTooEasy',
  'commandLine',
  'cancelled',
  'cannotRead',
  'inputTooLarge',
  'outputFailed',
  'passphrasesDiffer',
  'badReleaseKey',
  'notGenuineInstaller',
  'noVaultHere',
  'notAFile',
  'badIdentity',
  'ambiguousContact',
  'contactNameTaken',
  'keyChanged',
  'nothingChosen',
  'fieldNotOmittable',
  'ambiguousId',
  'noSuchConflict',
  // Merging two cases that are one person (shared/vault/merge.ts).
  'sameCase',
  'noSuchMerge',
  'folderNotWritable',
  'badRequest',
  'vaultNotReady',
  'vaultStopped',
  'unexpected',
  // Evidence files (shared/evidence).
  'fileEmpty',
  'fileTooLarge',
  'fileChanged',
  'fileUnfollowable',
  'fileNotHeld',
  'fileNotShowable',
  'fileMislabelled',
  'noSuchDocument',
  // A .crossing file refused by one of the import checks (shared/exchange/openBundle.ts), in their order.
  'importSize',
  'importFormat',
  'importPassphrase',
  'importDecrypt',
  'importIntegrity',
  'importSignature',
  'importSender',
  'importRecipients',
  'importSequence',
  'importOps',
  'importHandoff',
  'importReceipt',
  'importFiles',
  // Hand-offs (shared/handoffs).
  'consentRequired',
  'noSuchHandoff',
  'notAHandoff',
  // When the laptop is taken (shared/seizure).
  'eraseIncomplete',
  'badRecoveryShare',
  'recoveryShareOtherSet',
  'recoveryShareTwice',
  'recoveryShareTooFew',
  'wrongRecoveryShares',
  'duressLikePassphrase',
  // A spreadsheet refused by one of the checks of shared/sheets/sheetErrors.ts, in their order.
  'sheetEmpty',
  'sheetTooLarge',
  'sheetNotSpreadsheet',
  'sheetProtected',
  'sheetDamaged',
  'sheetUnpacksTooLarge',
  'sheetEncoding',
  'sheetNotFound',
  'sheetNoHeader',
  'sheetTooManyRows',
  'sheetCellTooLong',
  'sheetBadMapping',
  'sheetNotRemoved',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
/** Values a translated reason names: a contact's name, a file's name. Plain text, never markup. */
export type ReasonParams = Record<string, string | number>;

export class CrossingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReason,
    readonly params?: ReasonParams,
  ) {
    super(message);
    this.name = 'CrossingError';
  }
}

/** Bad arguments: a missing option, an unknown command, an id that names no case. */
export const usageError = (message: string, reason: ErrorReason, params?: ReasonParams) =>
  new CrossingError('usage', message, reason, params);
/** Wrong passphrase or recovery key, or a file that is not a Crossing vault. */
export const authError = (message: string, reason: ErrorReason, params?: ReasonParams) =>
  new CrossingError('auth', message, reason, params);
/** Input refused: invalid data, a tampered or damaged vault or file. */
export const rejectedError = (message: string, reason: ErrorReason, params?: ReasonParams) =>
  new CrossingError('rejected', message, reason, params);
export const failureError = (message: string, reason: ErrorReason, params?: ReasonParams) =>
  new CrossingError('failure', message, reason, params);

export function toCrossingError(error: unknown): CrossingError {
  if (error instanceof CrossingError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return failureError('the disk is full: nothing was written', 'diskFull');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return rejectedError('the vault file is damaged', 'vaultDamaged');
  if (code === 'SQLITE_READONLY')
    return failureError('the vault is open for reading only: nothing was written', 'readOnly');
  const message = error instanceof Error ? error.message : String(error);
  return failureError(message, 'unexpected');
}
