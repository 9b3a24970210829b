import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { open, seal, wipe } from '../crypto/aead.js';
import {
  DEFAULT_KDF_LEVEL,
  SALT_BYTES,
  deriveKek,
  kdfParamsFor,
  type KdfLevel,
  type KdfParams,
} from '../crypto/kdf.js';
import { randomBytes, randomId } from '../crypto/random.js';
import { loadSodium } from '../crypto/sodium.js';
import { CrossingError, authError, failureError, rejectedError, toCrossingError, usageError } from '../errors.js';
import {
  deserializeIdentity,
  generateIdentity,
  publicIdentity,
  serializeIdentity,
  type Identity,
  type PublicIdentity,
} from '../identity/identity.js';
import {
  casePatchSchema,
  consentSchema,
  describeIssues,
  newCaseSchema,
  type CasePatch,
  type Consent,
  type NewCase,
  type ParsedCasePatch,
} from '../model/case.js';
import { itemOp, newCaseOps, noteOp, patchCaseOps, resolveConflictOp, type OpContext } from '../oplog/caseOps.js';
import { foldCaseOps, itemKey, registerHeads, type CaseState, type WithId } from '../oplog/fold.js';
import { evidenceFileSchema, type EvidenceFile } from '../model/case.js';
import {
  checkAllFiles,
  deleteFileContent,
  readFileContent,
  readFileRow,
  writeFileContent,
  type EvidenceKeys,
} from '../evidence/evidenceStore.js';
import { defaultKind, prepareSource, type FileSource, type PrepareOptions } from '../evidence/prepareFile.js';
import type { CaseSummary } from '../oplog/summary.js';
import { formatHlc, observeHlc, parseHlc, tickHlc, type Hlc } from '../oplog/hlc.js';
import { opSchema, type MergeOp, type Op } from '../oplog/ops.js';
import { noteTextSchema } from '../model/case.js';
import type { CaseFilter } from '../search/filter.js';
import { judgePassphrase } from '../model/passphraseStrength.js';
import { CaseIndex } from './caseIndex.js';
import { dropSnapshotBucketOf, planSnapshotWrite, readIndexSnapshot, writeIndexSnapshot } from './indexSnapshot.js';
import { OpStore, type WrittenSegment } from './opStore.js';
import { APPLICATION_ID, passphraseWrapAd, type VaultHeader } from './header.js';
import { runMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { formatRecoveryKey, generateRecoveryKey } from './recoveryKey.js';
import { decodeSegment } from './segments.js';
import { openRow, recordId, sealRow } from './sealedRows.js';
import {
  attemptUnlock,
  buildHeader,
  insertHeader,
  readHeader,
  rewrapRecovery,
  type Unlock,
  type UnlockAttempt,
} from './headerStore.js';
import { eraseVault, type EraseReport } from '../seizure/erase.js';
import { restoreCandidates, splitRecoverySecret, type RecoveryShare } from '../seizure/recoveryShares.js';
import { afterGoodUnlock, afterRefusedUnlock } from '../seizure/afterUnlock.js';
import {
  readUnlockGuard,
  duressTag,
  randomDuressSlot,
  writeDuressSlot,
  writeWipeAfter,
  type UnlockGuard,
  type WipeAfter,
} from '../seizure/unlockGuard.js';
import { deriveKeys, wipeKeys, type Keys } from './keys.js';
import { getRecord, missing, putRecord } from './records.js';
import { dropDraft } from './caseDrafts.js';
import {
  COMPANION_SUFFIXES,
  clearInterruptedCreation,
  createPrivateFile,
  creatingPathFor,
  placeNewVault,
  removeStaleCreations,
  restrictToOwner,
} from './vaultFiles.js';
import { acquireWriterLock, type WriterLock } from './writerLock.js';
import {
  HIDDEN_COUNT_TABLES,
  balanceDecoys,
  countRows,
  decoyIds,
  fixedSizeJson,
  isHiddenCountTable,
  type HiddenCountTable,
} from './decoys.js';
import type { ManifestState } from './manifest.js';
import { ManifestTracker, tagRowsInFile, verifyManifest, writeManifest, type ManifestKeys } from './manifestStore.js';

export type { Unlock } from './headerStore.js';
export type { Progress } from './opStore.js';
import type { Progress } from './opStore.js';

interface SegmentChanges {
  added: WrittenSegment[];
  removed: WrittenSegment[];
}

export interface OpenOptions {
  onProgress?: Progress;
  /** Read without the writer lock (list, show, stats, check). */
  readOnly?: boolean;
  /**
   * Open even when the manifest finds the file altered, for reading only, so that its cases can be
   * rescued (a backup, an export). `tampering` then says what was found.
   */
  rescue?: boolean;
  /** The writer lock, already held (create hands it over). */
  lock?: WriterLock;
}

export interface AddFileOptions extends PrepareOptions {
  kind?: EvidenceFile['kind'];
  caption?: string | null;
  documentId?: string | null;
}

export type FileChange = Partial<Pick<EvidenceFile, 'name' | 'kind' | 'caption' | 'documentId'>>;

export interface CreateVaultOptions {
  passphrase: string;
  kdf?: KdfLevel;
  /** The name on the key card, as colleagues see it: the person's own, never a default. */
  displayName: string;
  postQuantum?: boolean;
  /**
   * Called with the recovery key once the new vault is complete but before it is put in place. If
   * it throws (the key could not be shown or written: a full disk, a closed pipe), nothing is
   * created: a vault whose recovery key nobody saw must not exist.
   */
  showRecoveryKey?: (shown: { recoveryKey: string; fingerprint: string }) => void;
}

const COMPACT_WHEN_SMALL_SEGMENTS = 64;
/** From this many cases, a commit that changed a quarter of them seals the snapshot at once. */
const BULK_SNAPSHOT_CASES = 2000;
/** The schema (migration 007) from which op segments are written compressed. */
const COMPRESSED_SCHEMA = 7;
/** The sealed record that says whether a duress passphrase is set (the slot itself never says). */
const SEIZURE_RECORD = 'seizure';
const READ_ONLY_MESSAGE = 'the vault is open for reading only: nothing can be changed in it this way';

/**
 * An open, unlocked vault: the SQLite file, the keys, and every case folded in memory. All writes
 * go through one transaction each and reach memory only after they commit.
 */
export class Vault {
  private readonly index = new CaseIndex();
  private readonly store: OpStore;
  private clock: Hlc;
  private locked = false;
  private keepWriterLock = false;
  /** How the snapshot in the file buckets its cases; null when there is none to add to. */
  private snapshotBuckets: number | null = null;
  /** Keeps the manifest for a writer; null for a reader. */
  private manifest: ManifestTracker | null = null;
  /** The manifest's counter when opened (a reader's view; null before a vault's first manifest). */
  private openedCounter: number | null = null;
  /** What the manifest found altered, when opened for rescue; null when the vault is whole. */
  tampering: string | null = null;

  private constructor(
    readonly path: string,
    private db: Database.Database,
    private header: VaultHeader,
    private keys: Keys,
    private identity: Identity,
    /** Held while a writer has the vault open; null for a read-only opener. */
    private readonly writerLock: WriterLock | null,
  ) {
    this.clock = { ms: 0, counter: 0, device: identity.device };
    this.store = new OpStore(db, keys.rows, this.index);
  }

  // ---- creating and opening ------------------------------------------------------------------

  /** Creates a vault at a path where no file exists. Returns it open, with the recovery key to show once. */
  static async create(filePath: string, options: CreateVaultOptions): Promise<{ vault: Vault; recoveryKey: string }> {
    await loadSodium();
    checkNewPassphrase(options.passphrase);
    const target = path.resolve(filePath);
    if (!fs.existsSync(path.dirname(target)))
      throw usageError(`the folder ${path.dirname(filePath)} does not exist`, 'folderMissing');
    // The writer lock first: no other Crossing process creates or opens this vault meanwhile, so any
    // creation files found now were left by one that was killed.
    const lock = acquireWriterLock(target, filePath);
    try {
      clearInterruptedCreation(target);
      if (fs.existsSync(target))
        throw usageError(`${filePath} already exists: Crossing never overwrites a file`, 'fileExists', {
          name: path.basename(filePath),
        });
      const kdf = kdfParamsFor(options.kdf ?? DEFAULT_KDF_LEVEL);
      const vaultKey = randomBytes(32);
      const recoverySecret = generateRecoveryKey();
      const identity = await generateIdentity(options.displayName, {
        postQuantum: options.postQuantum ?? false,
      });
      // Built beside the target and moved into place only when complete: a crash leaves no half vault.
      const temp = creatingPathFor(target, randomId());
      let db: Database.Database | undefined;
      try {
        createPrivateFile(temp); // 0600 before SQLite opens it; its -wal and -shm inherit the mode
        db = new Database(temp);
        // Set before the first table: a file's 64 KiB chunks then take 5 pages, not 17. SQLite
        // writes the WAL a page at a time, and at 4 KiB that was most of an evidence file's add.
        db.pragma(`page_size = ${VAULT_PAGE_BYTES}`);
        applyPragmas(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        runMigrations(db, MIGRATIONS);
        const header = buildHeader(kdf, options.passphrase, vaultKey, recoverySecret);
        const keys = deriveKeys(vaultKey);
        db.transaction(() => {
          insertHeader(db!, header);
          putRecord(db!, keys, 'identity', serializeIdentity(identity), keys.identity);
          for (const table of Object.keys(HIDDEN_COUNT_TABLES) as HiddenCountTable[]) {
            balanceDecoys(db!, table, keys.rows, decoyIds(keys.recordNames, table));
          }
          writeManifest(db!, manifestKeys(keys), {
            counter: 1,
            entries: tagRowsInFile(db!, manifestKeys(keys), header),
          });
        })();
        wipeKeys({ ...keys, vault: new Uint8Array(0) });
        db.close();
        db = undefined;
        options.showRecoveryKey?.({
          recoveryKey: formatRecoveryKey(recoverySecret),
          fingerprint: publicIdentity(identity).fingerprint,
        });
        placeNewVault(temp, target, filePath);
      } catch (error) {
        throw toCrossingError(error);
      } finally {
        db?.close();
        for (const suffix of ['', ...COMPANION_SUFFIXES]) fs.rmSync(temp + suffix, { force: true });
        wipe(vaultKey);
      }
      const vault = await Vault.open(target, { recoveryKey: formatRecoveryKey(recoverySecret) }, { lock });
      const recoveryKey = formatRecoveryKey(recoverySecret);
      wipe(recoverySecret);
      return { vault, recoveryKey };
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Opens and unlocks a vault. Everything is read and authenticated before anything is written:
   * a wrong passphrase, a foreign file or a tampered row is refused with the file untouched.
   *
   * A writer (the default) takes the vault's writer lock for as long as it is open: a second
   * writer is refused, naming the holder. `readOnly` opens without the lock, for reading only
   * (list, show, stats, check), on a snapshot that stays consistent while a writer works.
   */
  static async open(filePath: string, unlock: Unlock, options: OpenOptions = {}): Promise<Vault> {
    await loadSodium();
    // Shares are checked (typos, sets, count) and combined before the file is touched.
    const given =
      'recoveryShares' in unlock ? { recoverySecrets: await restoreCandidates(unlock.recoveryShares) } : unlock;
    const target = path.resolve(filePath);
    if (!fs.existsSync(target)) throw usageError(`there is no vault at ${filePath}`, 'noVaultHere');
    const stat = fs.statSync(target);
    if (!stat.isFile()) throw authError(`${filePath} is not a Crossing vault: it is not a file`, 'notAVault');
    if (stat.size === 0) throw authError(`${filePath} is not a Crossing vault: the file is empty`, 'notAVault');
    const readOnly = options.readOnly ?? false;
    const lock = readOnly ? null : (options.lock ?? acquireWriterLock(target, filePath));
    let db: Database.Database;
    try {
      if (lock) {
        removeStaleCreations(target);
        restrictToOwner(target);
      }
      db = new Database(target, { fileMustExist: true });
      if (readOnly) {
        // Not SQLite's read-only mode: that one cannot remove the -wal and -shm it makes, and leaves
        // them beside the vault. query_only refuses every write all the same.
        db.pragma('query_only = ON');
        // A reader keeps one snapshot for its whole life: segments a writer compacts away meanwhile
        // stay readable to it, and it never sees half of anything.
        db.exec('BEGIN');
      }
    } catch (error) {
      lock?.release();
      if (error instanceof CrossingError) throw error;
      throw authError(`${filePath} cannot be opened as a Crossing vault: ${(error as Error).message}`, 'notAVault');
    }
    let keys: Keys | undefined;
    let refused: { attempt: Exclude<UnlockAttempt, { key: Uint8Array }>; guard: UnlockGuard | null } | undefined;
    try {
      const header = readHeader(db, filePath);
      const guard = readUnlockGuard(db);
      const attempt = attemptUnlock(header, given, guard);
      if (!('key' in attempt)) {
        refused = { attempt, guard };
        throw authError('refused', 'wrongPassphrase'); // answered below, once the file is closed
      }
      if (guard && guard.failed > 0) afterGoodUnlock(target);
      keys = deriveKeys(attempt.key);
      const identity = deserializeIdentity(getRecord(db, keys, 'identity', keys.identity) ?? missing('identity'));
      const vault = new Vault(target, db, header, keys, identity, lock);
      // The whole first: is every row there, in its last version (the manifest's tag of its sealed bytes)?
      const schema = db.pragma('user_version', { simple: true }) as number;
      let stored: ManifestState | null = null;
      try {
        stored = verifyManifest(db, manifestKeys(keys), header, schema);
      } catch (error) {
        if (!options.rescue || !(error instanceof CrossingError) || error.code !== 'rejected') throw error;
        vault.tampering = error.message;
        db.pragma('query_only = ON'); // nothing is written to an altered vault, by any path
      }
      // Rows the verified manifest vouches for need no decryption now: each is authenticated again
      // when it is read. Without a manifest (an old vault), or before format 2 (whose segments must
      // be found to be compressed), every segment is authenticated here.
      vault.loadAllOps(options.onProgress, stored !== null && !vault.tampering && schema >= COMPRESSED_SCHEMA);
      vault.openedCounter = stored?.counter ?? null;
      if (lock && !vault.tampering) {
        // Only now, with every row authenticated, may the file be written to.
        runMigrations(db, MIGRATIONS);
        applyPragmas(db);
        vault.startManifest(stored);
        vault.compressOldSegments();
        // What a crash left in the WAL (a purge's old pages) is folded in and the WAL emptied.
        checkpoint(db);
      }
      return vault;
    } catch (error) {
      db.close();
      let answer = error;
      try {
        // A duress passphrase, or the last attempt the wipe allows: erased before the answer, which
        // is the very refusal a wrong passphrase gets.
        if (refused) answer = afterRefusedUnlock(target, filePath, refused.attempt, refused.guard, lock ?? undefined);
      } finally {
        lock?.release();
      }
      if (keys) wipeKeys(keys);
      throw classifyOpenError(answer, filePath);
    }
  }

  private loadAllOps(onProgress: Progress | undefined, vouched: boolean): void {
    const snapshot = readIndexSnapshot(this.db, this.keys.index, this.snapshotChunkId);
    const newer = snapshot ? this.store.loadFromSnapshot(snapshot.state, onProgress, vouched) : null;
    if (snapshot && newer !== null) {
      this.observe(snapshot.clock);
      if (newer) this.observe(newer);
      this.snapshotBuckets = snapshot.buckets;
      return;
    }
    const maxHlc = this.store.loadAll(onProgress);
    if (maxHlc) this.observe(maxHlc);
  }

  private readonly snapshotChunkId = (n: number) => this.keyedId('index-snapshot', String(n));

  /**
   * Seals the in-memory index into the vault, so that the next open need not fold every case. Only
   * the buckets holding cases changed since the last snapshot are written again; the whole snapshot
   * when there is none in the file yet, when the number of cases outgrew its buckets, or when
   * deleted segments leave more gaps in the numbering than live segments.
   */
  private saveIndexSnapshot(): void {
    const plan = planSnapshotWrite(
      this.snapshotBuckets,
      this.index.unsavedCases(),
      this.index.entryCount,
      this.index.mostlyGaps,
    );
    if (plan.whole) this.index.renumberSegments();
    const header = {
      segments: this.index.segmentList(),
      ops: this.index.opCount,
      clock: formatHlc(this.clock),
      merges: this.store.merges.ops(),
      undone: this.store.merges.undoneMerges(),
    };
    try {
      this.write(() =>
        writeIndexSnapshot(this.db, this.keys.index, this.snapshotChunkId, {
          ...plan,
          header,
          entriesOf: (keep) => this.index.entries(keep),
        }),
      );
    } catch (error) {
      // The segments were numbered afresh in memory but not in the file: only a whole write fits now.
      if (plan.whole) this.snapshotBuckets = null;
      throw error;
    }
    this.index.markSaved();
    this.snapshotBuckets = plan.buckets;
  }

  private sealSnapshotQuietly(): void {
    if (this.db.inTransaction || !this.writerLock || this.tampering) return;
    try {
      this.saveIndexSnapshot();
    } catch {
      // Housekeeping: the lock tries again.
    }
  }

  /**
   * A bulk write (an import, a spreadsheet, the demo) seals the changed buckets at once, outside
   * its transaction: the lock that follows then has little left to write, and a panic lock or a
   * crash after it still leaves a snapshot that covers the bulk.
   */
  private sealSnapshotAfterBulk(touched: ReadonlySet<string>): void {
    if (touched.size < Math.max(BULK_SNAPSHOT_CASES, this.index.entryCount / 4)) return;
    this.sealSnapshotQuietly();
  }

  // ---- reading ------------------------------------------------------------------------------

  /** The vault's clock: the newest change written here or imported (clock values sort as text). */
  get lastChange(): string {
    return formatHlc(this.clock);
  }

  get vaultId(): string {
    return Buffer.from(this.header.vaultId).toString('hex');
  }

  get kdf(): KdfParams {
    return this.header.kdf;
  }

  /** The device id in every clock value this vault writes (for layers that build ops themselves). */
  get device(): string {
    this.assertOpen();
    return this.identity.device;
  }

  get me(): PublicIdentity {
    this.assertOpen();
    return publicIdentity(this.identity);
  }

  /** The secret age identity, for the person who explicitly asks to open an export with `age`. */
  revealAgeIdentity(): string {
    this.assertOpen();
    return this.identity.ageIdentity;
  }

  /** The signing key pair, for the export layer only. */
  signingKeys(): { publicKey: Uint8Array; secretKey: Uint8Array } {
    this.assertOpen();
    return { publicKey: this.identity.signPublicKey, secretKey: this.identity.signSecretKey };
  }

  get caseCount(): number {
    return this.index.caseCount;
  }

  get opCount(): number {
    return this.index.opCount;
  }

  /** The cases matching a filter, as summaries: what a list, a board or a count needs. */
  listCases(filter: CaseFilter = {}): CaseSummary[] {
    this.assertOpen();
    return this.index.query(filter);
  }

  allCases(): IterableIterator<CaseSummary> {
    this.assertOpen();
    return this.index.allSummaries();
  }

  /** Grows with every change to a case's summary: what a reader's derived views (sorted lists) compare. */
  get summaryGeneration(): number {
    this.assertOpen();
    return this.index.generation;
  }

  /** The cases whose summary changed since a generation, or null when that is too long ago to tell. */
  casesChangedSince(generation: number): Set<string> | null {
    this.assertOpen();
    return this.index.changedSince(generation);
  }

  /** One case's summary, from memory (undefined when the vault does not show it). */
  caseSummary(caseId: string): CaseSummary | undefined {
    this.assertOpen();
    return this.index.summary(caseId);
  }

  /** The whole case, folded from its ops as it is asked for. */
  getCase(idOrAbsorbed: string): CaseState {
    this.assertOpen();
    // A case merged into another answers as the case it became.
    const caseId = this.store.merges.survivorOf(idOrAbsorbed);
    const found = this.index.summary(caseId) ? foldCaseOps(this.store.activeOps(caseId), caseId) : null;
    if (!found) throw usageError(`there is no case ${caseId} in this vault`, 'noSuchCase');
    return found;
  }

  /** Finds a case by its id or by the first characters of it (at least 4), as a person types them. */
  resolveCaseId(idOrPrefix: string): string {
    this.assertOpen();
    if (idOrPrefix.length < 4) throw usageError('give at least the first 4 characters of the case id', 'ambiguousId');
    const survivor = this.store.merges.survivorOf(idOrPrefix);
    if (survivor !== idOrPrefix) return survivor;
    const ids = this.index.idsStartingWith(idOrPrefix);
    if (ids.length === 0) throw usageError(`there is no case ${idOrPrefix} in this vault`, 'noSuchCase');
    if (ids.length > 1)
      throw usageError(`${idOrPrefix} matches ${ids.length} cases: give more of the id`, 'ambiguousId');
    return ids[0]!;
  }

  /** True while the vault holds the case (not purged, not only waiting for its create op). */
  holdsCase(caseId: string): boolean {
    this.assertOpen();
    return this.index.knowsCase(caseId);
  }

  /** The alias of a case held here, from memory (null when it is not held). */
  heldAlias(caseId: string): string | null {
    this.assertOpen();
    return this.index.summary(caseId)?.fields.alias ?? null;
  }

  /** A case's ops with those of every case merged into it: its history, and what an export carries. */
  caseOps(caseId: string): readonly Op[] {
    this.assertOpen();
    return this.store.groupOps(caseId);
  }

  /** The ops a case folds from now (merges that took no effect left out): what a new write builds on. */
  activeCaseOps(caseId: string): readonly Op[] {
    this.assertOpen();
    return this.store.activeOps(caseId);
  }

  /** The case a case id shows as: itself, or the survivor it was merged into. */
  survivorOf(caseId: string): string {
    this.assertOpen();
    return this.store.merges.survivorOf(caseId);
  }

  /** The merges in effect (log order), for undoing one. */
  activeMerges(): MergeOp[] {
    this.assertOpen();
    return this.store.merges.activeMerges();
  }

  /** Every op held, each segment decrypted once: exporting or backing up everything, fast. */
  allOps(): Op[] {
    this.assertOpen();
    const ops: Op[] = [];
    const rows = this.db.prepare('SELECT id, sealed FROM op_segments').iterate() as Iterable<{
      id: Buffer;
      sealed: Buffer;
    }>;
    for (const row of rows) {
      for (const op of decodeSegment(openRow(this.keys.rows, 'op_segments', row.id, row.sealed))) ops.push(op);
    }
    return ops;
  }

  /** Every case id that has ops, including ops still waiting for their case's create op (exports, backups). */
  opCaseIds(): string[] {
    this.assertOpen();
    return [...this.index.allOpCaseIds()];
  }

  /** The ids of the ops held for a case: what an incoming op is checked against. */
  heldOpIds(caseId: string): Set<string> {
    this.assertOpen();
    return this.index.knowsCase(caseId) ? new Set(this.store.caseOps(caseId).map((op) => op.id)) : new Set();
  }

  // ---- writing ------------------------------------------------------------------------------

  addCase(input: NewCase): CaseState {
    const parsed = newCaseSchema.safeParse(input);
    if (!parsed.success) throw rejectedError(`the case is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
    const ops = newCaseOps(parsed.data, this.opContext());
    this.commitOps(ops);
    return this.getCase(ops[0]!.caseId);
  }

  /** Adds many cases in one transaction (demo data, bulk intake). Input must already be valid. */
  addCases(inputs: readonly NewCase[]): string[] {
    const ctx = this.opContext();
    const ops = inputs.flatMap((input) => newCaseOps(input, ctx));
    this.commitOps(ops);
    return ops.filter((op) => op.type === 'create').map((op) => op.caseId);
  }

  /** Applies a patch; returns the case and the number of ops written (0 when nothing changed). */
  updateCase(idOrAbsorbed: string, patch: CasePatch): { case: CaseState; opsWritten: number } {
    const caseId = this.getCase(idOrAbsorbed).id;
    const parsed = casePatchSchema.safeParse(patch);
    if (!parsed.success) throw rejectedError(`the change is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
    let ops: Op[];
    try {
      ops = patchCaseOps(caseId, this.store.activeOps(caseId), parsed.data as ParsedCasePatch, this.opContext());
    } catch (error) {
      throw rejectedError(`the change is not valid: ${(error as Error).message}`, 'invalidData');
    }
    this.commitOps(ops);
    return { case: this.getCase(caseId), opsWritten: ops.length };
  }

  addNote(idOrAbsorbed: string, text: string): CaseState {
    const caseId = this.getCase(idOrAbsorbed).id;
    const parsed = noteTextSchema.safeParse(text);
    if (!parsed.success) throw rejectedError(`the note is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
    this.commitOps([noteOp(caseId, parsed.data, this.opContext())]);
    return this.getCase(caseId);
  }

  /** Records a hand-off's consent (or its override) as an item of the case: it stays in its history. */
  addConsent(idOrAbsorbed: string, consent: Consent): CaseState {
    const caseId = this.getCase(idOrAbsorbed).id;
    const parsed = consentSchema.safeParse(consent);
    if (!parsed.success)
      throw rejectedError(`the consent is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
    const ctx = this.opContext();
    this.commitOps([itemOp(caseId, 'consents', ctx.newId(), parsed.data, [], ctx)]);
    return this.getCase(caseId);
  }

  resolveConflict(idOrAbsorbed: string, key: string, chosenOpId: string): CaseState {
    const current = this.getCase(idOrAbsorbed);
    const caseId = current.id;
    if (!current.conflicts.some((c) => c.key === key))
      throw usageError(`the case has no conflict on ${key}`, 'noSuchConflict');
    let op: Op;
    try {
      op = resolveConflictOp(caseId, this.store.activeOps(caseId), key, chosenOpId, this.opContext());
    } catch (error) {
      throw usageError((error as Error).message, 'noSuchConflict');
    }
    // Picking a file's removal takes its content out, as removing it does.
    this.commitOps([op], (db) => this.dropContentOfRemovedFiles(db, [op]));
    return this.getCase(caseId);
  }

  /**
   * Merges ops from elsewhere: validates every one, skips those already held, writes the rest in
   * one transaction. Nothing is written unless all are valid. Returns the ops that were new.
   */
  mergeOps(incoming: readonly unknown[], extra?: (db: Database.Database) => void): Op[] {
    this.assertOpen();
    const ops = incoming.map((candidate, i) => {
      const parsed = opSchema.safeParse(candidate);
      if (!parsed.success)
        throw rejectedError(`op ${i + 1} is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
      return parsed.data as Op;
    });
    return this.mergeValidatedOps(ops, extra);
  }

  /**
   * mergeOps for ops the caller has already validated with the op schemas (the import layer does,
   * to name a bad op in its own words): validating 50,000 ops twice would double an import's time.
   */
  mergeValidatedOps(
    ops: readonly Op[],
    extra?: (db: Database.Database) => void,
    /** Purged cases whose holder hands them back: their tombstones go in the merge's transaction. */
    lift: ReadonlySet<string> = new Set(),
  ): Op[] {
    this.assertOpen();
    const fresh: Op[] = [];
    const held = new Map<string, Set<string>>();
    const purged = new Map<string, boolean>();
    // One look at the table first: most vaults have purged nothing, and then no case needs a lookup.
    const anyTombstone = countRows(this.db, 'tombstones', this.decoyId('tombstones')).real > 0;
    for (const op of ops) {
      let ids = held.get(op.caseId);
      if (!ids) held.set(op.caseId, (ids = this.heldOpIds(op.caseId)));
      if (ids.has(op.id)) continue;
      // A purged case stays purged: a replayed older export must not bring it back.
      let tombstoned = anyTombstone ? purged.get(op.caseId) : false;
      if (tombstoned === undefined)
        purged.set(op.caseId, (tombstoned = this.isTombstoned(op.caseId) && !lift.has(op.caseId)));
      if (tombstoned) continue;
      ids.add(op.id);
      fresh.push(op);
    }
    // Nothing new and nothing else to write: no transaction at all (the change number stays).
    const liftTombstones = (db: Database.Database) => {
      for (const caseId of lift)
        db.prepare('DELETE FROM tombstones WHERE id = ?').run(this.keyedId('tombstone', caseId));
      extra?.(db);
    };
    const work =
      fresh.length > 0 || extra || lift.size > 0
        ? (db: Database.Database) => this.afterMerge(db, fresh, liftTombstones)
        : undefined;
    this.commitOps(fresh, work);
    for (const op of fresh) this.observe(op.hlc);
    return fresh;
  }

  /** Inside the merge's transaction, once its ops are written: the caller's work, then removals. */
  private afterMerge(db: Database.Database, fresh: readonly Op[], extra?: (db: Database.Database) => void): void {
    extra?.(db);
    this.dropContentOfRemovedFiles(db, fresh);
  }

  /**
   * A file a colleague removed goes from here too: content held for no listed file is sensitive and
   * kept for no reason. For each file the merged ops name whose content is held, its register is
   * settled as the fold settles it (the latest surviving write wins, even in a conflict); only when
   * that write is a removal do the chunks and key go, in the merge's transaction, so a crash keeps
   * both the file and its content or neither. A removal that loses to a later rename keeps them.
   */
  private dropContentOfRemovedFiles(db: Database.Database, fresh: readonly Op[]): void {
    const held: string[] = [];
    // A file's writes may sit in the case it was added to and in the one naming it now (a merge).
    const cases = new Set<string>();
    for (const [fileId, caseId] of filesNamedBy(fresh)) {
      const row = readFileRow(db, this.evidenceKeys, fileId);
      if (!row) continue;
      held.push(fileId);
      cases.add(row.caseId).add(caseId);
    }
    if (held.length === 0) return;
    const heldOps = [...cases].flatMap((caseId) => this.store.groupOps(caseId));
    const writes = writesOfFiles(new Set(held), [...heldOps, ...fresh]);
    for (const fileId of held) {
      const winner = registerHeads(writes.get(fileId) ?? []).get(itemKey('files', fileId))?.[0];
      if (winner?.value === null) deleteFileContent(db, this.evidenceKeys, fileId);
    }
  }

  /** Writes ops in one transaction, then (only after commit) folds them into memory. */
  commitOps(ops: readonly Op[], extra?: (db: Database.Database) => void): void {
    this.assertOpen();
    if (ops.length === 0 && !extra) return;
    this.commit((db) => {
      const added = this.store.insert(ops);
      extra?.(db);
      return { added, removed: [] };
    });
  }

  /**
   * Runs a write in one transaction; only after it commits does memory learn the segments it added
   * and removed, and the cases they touch are folded again.
   */
  private commit(work: (db: Database.Database) => SegmentChanges, refold = true): void {
    this.assertWritable();
    let changes: SegmentChanges = { added: [], removed: [] };
    try {
      this.write(() => {
        changes = work(this.db);
      });
    } catch (error) {
      throw toCrossingError(error);
    }
    const touched = this.store.afterCommit(changes.added, changes.removed, refold);
    if (refold) this.sealSnapshotAfterBulk(touched);
  }

  /** Author, clock and ids for new ops: also for layers that build ops themselves (merge.ts). */
  opContext(): OpContext {
    return {
      author: this.identity.fingerprint,
      newId: randomId,
      clock: () => {
        this.clock = tickHlc(this.clock, Date.now());
        return formatHlc(this.clock);
      },
    };
  }

  private observe(hlc: string): void {
    const remote = parseHlc(hlc);
    if (remote.ms > this.clock.ms || (remote.ms === this.clock.ms && remote.counter >= this.clock.counter)) {
      this.clock = observeHlc(this.clock, remote, Date.now());
    }
  }

  // ---- evidence files (shared/evidence) -----------------------------------------------------

  /**
   * Adds a file to a case: its content sealed in chunks under a key of its own, its description an
   * item op, both in one transaction. A refusal (see sourceFile.ts) or a failure midway (a full
   * disk, the file changing) leaves the vault as it was.
   */
  addFile(caseId: string, filePath: string, options: AddFileOptions = {}): WithId<EvidenceFile> {
    return this.addFiles(caseId, [filePath], options)[0]!;
  }

  /** Adds several files at once: all of them, or (one refused or failing) none. */
  addFiles(caseId: string, sources: readonly FileSource[], options: AddFileOptions = {}): WithId<EvidenceFile>[] {
    this.assertWritable();
    const state = this.getCase(caseId);
    this.checkDocumentLink(state, options.documentId);
    const added: WithId<EvidenceFile>[] = [];
    this.commitOpsFrom((db) =>
      sources.map((source) => {
        // One at a time: a photo being stripped is the only content ever whole in memory.
        const prepared = prepareSource(source, options);
        try {
          const fileId = randomId();
          const row = writeFileContent(db, this.evidenceKeys, fileId, caseId, prepared.chunks());
          const item = this.parseFileItem({
            name: prepared.name,
            type: prepared.type.mime,
            size: row.size,
            sha256: row.sha256,
            kind: options.kind ?? defaultKind(prepared.type),
            caption: options.caption ?? null,
            documentId: options.documentId ?? null,
            addedAt: Date.now(),
            addedBy: this.identity.fingerprint,
            removedMetadata: prepared.removed,
            keptMetadata: prepared.keptMetadata,
          });
          added.push({ ...item, id: fileId });
          return itemOp(caseId, 'files', fileId, item, [], this.opContext());
        } finally {
          prepared.close();
        }
      }),
    );
    return added;
  }

  /** Renames, recaptions, re-kinds or re-links a file: an item op over its current value. */
  updateFile(fileId: string, change: FileChange): WithId<EvidenceFile> {
    const { caseId, file } = this.findFile(fileId);
    if (change.documentId) this.checkDocumentLink(this.getCase(caseId), change.documentId);
    const { id: _id, ...current } = file;
    const next = this.parseFileItem({ ...current, ...change });
    const heads = registerHeads(this.store.activeOps(caseId)).get(itemKey('files', fileId)) ?? [];
    // A change to nothing (a field left as it was) writes nothing; one that settles a conflict does.
    if (heads.length <= 1 && isDeepStrictEqual(next, this.parseFileItem(current))) return file;
    this.commitOps([
      itemOp(
        caseId,
        'files',
        fileId,
        next,
        heads.map((w) => w.opId),
        this.opContext(),
      ),
    ]);
    return { ...next, id: fileId };
  }

  /**
   * Removes a file from its case: an op like any other change (it shows in the history and travels),
   * and the content and its key go from this vault in the same transaction.
   */
  removeFile(fileId: string): void {
    const { caseId } = this.findFile(fileId);
    const heads = registerHeads(this.store.activeOps(caseId)).get(itemKey('files', fileId)) ?? [];
    this.commitOps(
      [
        itemOp(
          caseId,
          'files',
          fileId,
          null,
          heads.map((w) => w.opId),
          this.opContext(),
        ),
      ],
      (db) => {
        deleteFileContent(db, this.evidenceKeys, fileId);
      },
    );
  }

  /** A file by its id (or the first 4 or more characters of it), with its case. */
  findFile(idOrPrefix: string): { caseId: string; file: WithId<EvidenceFile>; held: boolean } {
    this.assertOpen();
    if (idOrPrefix.length < 4) throw usageError('give at least the first 4 characters of the file id', 'ambiguousId');
    const found: Array<{ caseId: string; file: WithId<EvidenceFile> }> = [];
    for (const summary of this.index.allSummaries()) {
      if (!summary.fileCount) continue;
      for (const file of this.getCase(summary.id).files) {
        if (file.id.startsWith(idOrPrefix)) found.push({ caseId: summary.id, file });
      }
    }
    if (found.length === 0)
      throw usageError(`there is no file ${idOrPrefix} in this vault`, 'noSuchFile', { name: idOrPrefix });
    if (found.length > 1)
      throw usageError(`${idOrPrefix} matches ${found.length} files: give more of the id`, 'ambiguousId');
    const [match] = found;
    return { ...match!, held: this.holdsFileContent(match!.file.id) };
  }

  /** Whether this vault holds the content of a file (a case received without its files does not). */
  holdsFileContent(fileId: string): boolean {
    this.assertOpen();
    return readFileRow(this.db, this.evidenceKeys, fileId) !== null;
  }

  /**
   * A file's content, chunk by chunk, each authenticated before it is given out, the count and the
   * SHA-256 checked at the end against the case's record of the file. Never whole in memory.
   */
  readFile(fileId: string): Iterable<Uint8Array> {
    const { file } = this.findFile(fileId);
    return readFileContent(this.db, this.evidenceKeys, file.id, file.sha256);
  }

  /**
   * Seals a received file's content (an import, a restore) inside the caller's transaction, as its
   * chunks come (each a full 64 KiB but the last), unless it is held already. Returns whether it was written.
   */
  storeReceivedFile(db: Database.Database, fileId: string, caseId: string, chunks: Iterable<Uint8Array>): boolean {
    this.assertWritable();
    if (readFileRow(db, this.evidenceKeys, fileId)) return false;
    writeFileContent(db, this.evidenceKeys, fileId, caseId, chunks);
    return true;
  }

  /** The SHA-256 of a file's content held here, or undefined. */
  heldFileSha256(fileId: string): string | undefined {
    this.assertOpen();
    return readFileRow(this.db, this.evidenceKeys, fileId)?.sha256;
  }

  private get evidenceKeys(): EvidenceKeys {
    return { files: this.keys.files, names: this.keys.recordNames };
  }

  private parseFileItem(value: unknown): EvidenceFile {
    const parsed = evidenceFileSchema.safeParse(value);
    if (!parsed.success) throw rejectedError(`the file is not valid: ${describeIssues(parsed.error)}`, 'invalidData');
    return parsed.data;
  }

  private checkDocumentLink(state: CaseState, documentId: string | null | undefined): void {
    if (documentId && !state.documents.some((d) => d.id === documentId)) {
      throw usageError(`the case has no document ${documentId} to link the file to`, 'noSuchDocument');
    }
  }

  /** Runs work that writes rows and returns the ops describing them: all in one transaction. */
  private commitOpsFrom(work: (db: Database.Database) => readonly Op[]): void {
    this.commit((db) => ({ added: this.store.insert(work(db)), removed: [] }));
  }

  // ---- named records (identity, settings; later: contacts and the import log) -----------------

  getRecord(name: string): string | undefined {
    this.assertOpen();
    return getRecord(this.db, this.keys, name, this.keys.rows);
  }

  putRecord(name: string, json: string, db: Database.Database = this.db): void {
    this.assertOpen();
    putRecord(db, this.keys, name, json, this.keys.rows);
  }

  /** Runs work in one transaction on the vault's database (for layers built on the vault). */
  transaction<T>(work: (db: Database.Database) => T): T {
    this.assertOpen();
    try {
      return this.write(work);
    } catch (error) {
      throw toCrossingError(error);
    }
  }

  /**
   * One write transaction, with the manifest brought up to date inside it (see manifestStore.ts).
   * A transaction already running (a layer's work calling back into the vault) is joined: the
   * outermost one writes the manifest.
   */
  private write<T>(work: (db: Database.Database) => T): T {
    if (this.db.inTransaction && !this.isReadOnly) return work(this.db);
    try {
      const result = this.db.transaction(() => {
        const value = work(this.db);
        if (this.manifest) {
          for (const table of this.manifest.touchedTables()) {
            if (isHiddenCountTable(table)) balanceDecoys(this.db, table, this.keys.rows, this.decoyId(table));
          }
          this.manifest.seal(this.db);
        }
        return value;
      })();
      this.manifest?.committed();
      return result;
    } catch (error) {
      this.manifest?.rolledBack();
      throw error;
    }
  }

  /** After open: the tracker that keeps the manifest, made from the file for a vault that had none. */
  private startManifest(stored: ManifestState | null): void {
    const keys = manifestKeys(this.keys);
    let state = stored;
    if (!state) {
      // A vault from before manifests (migration 004): every row has just been authenticated.
      state = { counter: 1, entries: tagRowsInFile(this.db, keys, this.header) };
      const first = state;
      this.db.transaction(() => writeManifest(this.db, keys, first))();
    }
    this.manifest = new ManifestTracker(state, keys);
    this.manifest.install(this.db);
    // A vault from before decoys gets them now (nothing is written when they are already in place).
    this.write((db) => {
      for (const table of Object.keys(HIDDEN_COUNT_TABLES) as HiddenCountTable[]) {
        balanceDecoys(db, table, this.keys.rows, this.decoyId(table));
      }
    });
  }

  /** The ids of a table's decoy rows, numbered from 0 (see decoys.ts). */
  private decoyId(table: HiddenCountTable): (n: number) => Uint8Array {
    return decoyIds(this.keys.recordNames, table);
  }

  /**
   * The manifest's counter: raised by one with every write. A copy of the vault with a lower number
   * than one seen before is an older copy (DESIGN.md: a whole-file rollback cannot be seen from
   * inside; this number is how people can see it). Null for a vault not yet given a manifest.
   */
  get counter(): number | null {
    return this.manifest?.counter ?? this.openedCounter;
  }

  sealFor(table: string, id: Uint8Array, plaintext: Uint8Array): Uint8Array {
    this.assertOpen();
    return sealRow(this.keys.rows, table, id, plaintext);
  }

  openFrom(table: string, id: Uint8Array, sealed: Uint8Array): Uint8Array {
    this.assertOpen();
    return openRow(this.keys.rows, table, id, sealed);
  }

  // ---- exchange: keyed ids, tombstones, purge ------------------------------------------------

  /** A row id for something that must be findable but not readable: a keyed hash of purpose and value. */
  keyedId(purpose: string, value: string): Uint8Array {
    this.assertOpen();
    return recordId(this.keys.recordNames, `${purpose}\u0000${value}`);
  }

  /** True when the case was purged here, so that its ops must never come back. */
  isTombstoned(caseId: string): boolean {
    this.assertOpen();
    return (
      this.db.prepare('SELECT 1 FROM tombstones WHERE id = ?').get(this.keyedId('tombstone', caseId)) !== undefined
    );
  }

  /**
   * Purge (data minimisation after a handoff): removes every op of the case from the file and
   * leaves a sealed tombstone, in one transaction; only then forgets the case in memory. Segments
   * holding its ops are rewritten without them under new ids; secure_delete zeroes the old pages.
   * Returns the number of ops removed.
   */
  purgeCase(
    caseId: string,
    purgedAt: string = new Date().toISOString(),
    extra?: (db: Database.Database) => void,
  ): number {
    this.assertOpen();
    if (!this.index.knowsCase(caseId) && !this.isTombstoned(caseId)) {
      throw usageError(`there is no case ${caseId} in this vault`, 'noSuchCase');
    }
    let removed = 0;
    this.commit((db) => {
      const segments = this.store.remove(this.index.segmentsOf(caseId));
      const kept = segments.flatMap((segment) => segment.ops.filter((op) => op.caseId !== caseId));
      removed = segments.reduce((n, segment) => n + segment.ops.length, 0) - kept.length;
      // The index snapshot holds the case's name and summary: its bucket goes now, with the purge.
      dropSnapshotBucketOf(db, this.snapshotChunkId, this.snapshotBuckets, caseId);
      // So does any unsaved edit of it.
      dropDraft(this, caseId, db);
      for (const fileId of fileIdsIn(
        segments.flatMap((segment) => segment.ops),
        caseId,
      )) {
        deleteFileContent(db, this.evidenceKeys, fileId);
      }
      const id = this.keyedId('tombstone', caseId);
      const tombstone = new TextEncoder().encode(fixedSizeJson('tombstones', JSON.stringify({ caseId, purgedAt })));
      db.prepare('INSERT OR REPLACE INTO tombstones (id, sealed) VALUES (?, ?)').run(
        id,
        sealRow(this.keys.rows, 'tombstones', id, tombstone),
      );
      // The caller's record of why (a hand-off) is written with the purge, or neither is.
      extra?.(db);
      return { added: this.store.insert(kept), removed: segments };
    });
    this.index.removeCase(caseId);
    // The bucket is written again without the person at once, so that the next open, even after a
    // panic lock, reads the snapshot instead of folding every case. Failing that, the lock does it.
    this.sealSnapshotQuietly();
    // The purged ops' old pages go from the WAL and the main file now, not at the next clean close:
    // this one waits (up to the busy timeout) for readers still on a snapshot from before the purge.
    checkpoint(this.db, { wait: true });
    return removed;
  }

  // ---- keys ---------------------------------------------------------------------------------

  /**
   * Checks a passphrase against the open vault's header without opening it again: whoever finds a
   * laptop unlocked must still not be able to change the passphrase.
   */
  verifyPassphrase(passphrase: string): void {
    this.assertOpen();
    const kek = deriveKek(passphrase, this.header.salt, this.header.kdf);
    const key = open(kek, this.header.passphraseWrap, passphraseWrapAd(this.header));
    wipe(kek);
    if (!key) throw authError('the current passphrase is wrong', 'wrongCurrentPassphrase');
    wipe(key);
  }

  /** Rewraps the vault key under a new passphrase (and, if given, a new KDF level). Nothing else changes. */
  changePassphrase(newPassphrase: string, level: KdfLevel = this.header.kdf.level): void {
    this.assertWritable();
    checkNewPassphrase(newPassphrase);
    const kdf = kdfParamsFor(level);
    const salt = randomBytes(SALT_BYTES);
    const next: VaultHeader = { ...this.header, kdf, salt };
    const kek = deriveKek(newPassphrase, salt, kdf);
    next.passphraseWrap = seal(kek, this.keys.vault, passphraseWrapAd(next));
    wipe(kek);
    this.transaction((db) => {
      db.prepare(
        'UPDATE vault_header SET kdf_level = ?, kdf_ops = ?, kdf_mem = ?, salt = ?, passphrase_wrap = ? WHERE id = 1',
      ).run(kdf.level, kdf.opsLimit, kdf.memLimit, salt, next.passphraseWrap);
      this.manifest?.headerChanged(next);
      // The duress slot is bound to the salt and KDF settings that just changed: it would never match
      // again. Cleared, and said so (`duressPassphraseSet` turns false).
      if (this.guard()) this.setDuressSlot(randomDuressSlot(), false, db);
    });
    this.header = next;
  }

  // ---- when the laptop is taken (shared/seizure) --------------------------------------------

  private guard(): UnlockGuard | null {
    return readUnlockGuard(this.db);
  }

  /** What Settings shows: whether a duress passphrase is set (a sealed record: the slot never says) and the wipe. */
  seizureSettings(): { duressPassphraseSet: boolean; wipeAfter: WipeAfter } {
    this.assertOpen();
    const sealed = this.getRecord(SEIZURE_RECORD);
    const duressPassphraseSet = sealed ? (JSON.parse(sealed) as { duress?: boolean }).duress === true : false;
    return { duressPassphraseSet, wipeAfter: this.guard()?.wipeAfter ?? 0 };
  }

  /**
   * Sets the duress passphrase, after the current passphrase (whoever finds the laptop unlocked
   * must not set one). It must differ from the passphrase: the passphrase always opens.
   */
  setDuressPassphrase(currentPassphrase: string, duressPassphrase: string): void {
    this.assertWritable();
    this.verifyPassphrase(currentPassphrase);
    checkNewPassphrase(duressPassphrase);
    const kek = deriveKek(duressPassphrase, this.header.salt, this.header.kdf);
    const opensVault = open(kek, this.header.passphraseWrap, passphraseWrapAd(this.header));
    if (opensVault) {
      wipe(opensVault);
      wipe(kek);
      throw usageError('the duress passphrase must differ from the vault passphrase', 'duressLikePassphrase');
    }
    const slot = duressTag(kek, this.header.vaultId);
    wipe(kek);
    this.transaction((db) => this.setDuressSlot(slot, true, db));
  }

  clearDuressPassphrase(currentPassphrase: string): void {
    this.assertWritable();
    this.verifyPassphrase(currentPassphrase);
    this.transaction((db) => this.setDuressSlot(randomDuressSlot(), false, db));
  }

  private setDuressSlot(slot: Uint8Array, set: boolean, db: Database.Database): void {
    writeDuressSlot(db, slot);
    this.putRecord(SEIZURE_RECORD, JSON.stringify({ duress: set }), db);
  }

  /** Wipe after this many failed unlocks in a row (0: never). Starts counting afresh. */
  setWipeAfter(wipeAfter: WipeAfter): void {
    this.assertWritable();
    this.transaction((db) => writeWipeAfter(db, wipeAfter));
  }

  /**
   * Replaces the recovery key by `count` shares, any `threshold` of which open the vault: a new
   * recovery secret, split, and the vault key wrapped under it. The old recovery key (and any older
   * set of shares) stops working, so no copy of the whole secret is left anywhere.
   */
  async splitRecovery(
    count: number,
    threshold: number,
    /** Where the shares go (files, the screen) before the old way back is dropped; a throw changes nothing. */
    deliver: (shares: RecoveryShare[]) => void | Promise<void> = () => {},
  ): Promise<RecoveryShare[]> {
    this.assertWritable();
    const secret = generateRecoveryKey();
    try {
      const shares = await splitRecoverySecret(secret, count, threshold);
      await deliver(shares);
      const next: VaultHeader = { ...this.header, ...rewrapRecovery(this.header, this.keys.vault, secret) };
      this.transaction((db) => {
        db.prepare('UPDATE vault_header SET recovery_salt = ?, recovery_wrap = ? WHERE id = 1').run(
          next.recoverySalt,
          next.recoveryWrap,
        );
        this.manifest?.headerChanged(next);
      });
      this.header = next;
      return shares;
    } finally {
      wipe(secret);
    }
  }

  /**
   * Quick erase: the vault is locked (keys forgotten, file closed) keeping its writer lock, then
   * erased (shared/seizure/erase.ts). The object is unusable afterwards, as after a lock.
   */
  erase(): EraseReport {
    this.assertWritable();
    const lock = this.writerLock!;
    this.keepWriterLock = true; // through the erase: no other process may open the file meanwhile
    this.lock({ quick: true });
    try {
      return eraseVault(this.path, path.basename(this.path), { lock });
    } finally {
      lock.release();
    }
  }

  /**
   * Verifies the whole file: SQLite's own integrity check, then every row decrypted and
   * authenticated, every op valid. Returns counts; throws naming the first bad row.
   */
  check(onProgress?: Progress): {
    segments: number;
    records: number;
    files: number;
    /** Files whose content is held here though no case lists them (see `unlistedFileIds`). */
    unlistedFiles: number;
    ops: number;
    cases: number;
    counter: number | null;
  } {
    this.assertOpen();
    const integrity = this.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw rejectedError(`the vault file is damaged: ${String(integrity)}`, 'vaultDamaged');
    const segments = this.db.prepare('SELECT id, sealed FROM op_segments').all() as Array<{
      id: Buffer;
      sealed: Buffer;
    }>;
    let ops = 0;
    segments.forEach((row, i) => {
      const decoded = decodeSegment(openRow(this.keys.rows, 'op_segments', row.id, row.sealed));
      decoded.forEach((op, j) => {
        const parsed = opSchema.safeParse(op);
        if (!parsed.success) {
          throw rejectedError(
            `op ${j + 1} of op_segments/${row.id.toString('hex')} is not valid: ${describeIssues(parsed.error)}`,
            'vaultDamaged',
          );
        }
      });
      ops += decoded.length;
      onProgress?.(i + 1, segments.length);
    });
    const tables = (
      this.db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('vault_header', 'op_segments', 'manifest', 'file_keys', 'file_chunks', 'unlock_guard') AND name NOT LIKE 'sqlite_%'",
        )
        .all() as Array<{ name: string }>
    ).map((r) => r.name);
    let records = 0;
    for (const table of tables) {
      for (const row of this.db.prepare(`SELECT id, sealed FROM "${table}"`).iterate() as Iterable<{
        id: Buffer;
        sealed: Buffer;
      }>) {
        const identityRow =
          table === 'records' && Buffer.from(row.id).equals(Buffer.from(recordId(this.keys.recordNames, 'identity')));
        const key = identityRow ? this.keys.identity : table === 'index_snapshot' ? this.keys.index : this.keys.rows;
        openRow(key, table, row.id, row.sealed);
        records += 1;
      }
    }
    // Every evidence file: each chunk in its place, each SHA-256 as recorded.
    const files = checkAllFiles(this.db, this.evidenceKeys);
    const unlistedFiles = this.unlistedFileIds(files).length;
    // The whole: every row the manifest names is there in its last version, and nothing else is.
    const schema = this.db.pragma('user_version', { simple: true }) as number;
    const stored = verifyManifest(this.db, manifestKeys(this.keys), this.header, schema);
    if (stored && this.manifest && stored.counter !== this.manifest.counter) {
      throw rejectedError(
        `the vault file was altered: its manifest is number ${stored.counter}, this window wrote ${this.manifest.counter}`,
        'vaultAltered',
      );
    }
    return {
      segments: segments.length,
      records,
      files: files.length,
      unlistedFiles,
      ops,
      cases: this.index.caseCount,
      counter: stored?.counter ?? null,
    };
  }

  /**
   * Of these held files, those no case lists: content kept for no reason, which a merge now takes
   * out with the removal (a vault that received removals before that still holds theirs until the
   * case is purged). Cheap: the cases are folded in memory already.
   */
  private unlistedFileIds(held: readonly string[]): string[] {
    const listed = new Set<string>();
    for (const summary of this.index.allSummaries()) {
      if (!summary.fileCount) continue;
      for (const file of this.getCase(summary.id).files) listed.add(file.id);
    }
    return held.filter((fileId) => !listed.has(fileId));
  }

  /** Merges the small segments that single edits leave into few large ones, in one transaction. */
  compact(): number {
    this.assertOpen();
    const small = this.store.smallSegmentIds();
    if (small.length < 2) return 0;
    return this.rewriteSegments(small);
  }

  /**
   * Writes the ops of some segments again as new segments, in one transaction: the same ops (in
   * fewer segments, or compressed), so no case changes and nothing needs folding again.
   */
  private rewriteSegments(segmentIds: string[]): number {
    this.commit(() => {
      const removed = this.store.remove(segmentIds);
      return { added: this.store.insert(removed.flatMap((segment) => segment.ops)), removed };
    }, false);
    checkpoint(this.db);
    return segmentIds.length;
  }

  /** The upgrade from format 1: segments written as bare JSON are written again compressed, once. */
  private compressOldSegments(): number {
    const old = this.store.uncompressedSegmentIds();
    return old.length === 0 ? 0 : this.rewriteSegments(old);
  }

  /**
   * Lock: forget every key and every decrypted object, close the file. The object is unusable
   * afterwards; unlocking again means opening the vault again. Before that, unless `quick`, small
   * segments are compacted and the index snapshot is sealed (up to a second at 100,000 cases).
   */
  lock(options: { quick?: boolean } = {}): void {
    if (this.locked) return;
    try {
      if (this.writerLock && !this.tampering && !options.quick) {
        if (this.store.smallSegmentCount >= COMPACT_WHEN_SMALL_SEGMENTS) this.compact();
        if (this.index.hasUnsaved) this.saveIndexSnapshot();
      }
    } catch {
      // Compaction and the snapshot are housekeeping: failing them (a full disk) must never stop a lock.
    } finally {
      this.locked = true;
      wipeKeys(this.keys);
      wipe(this.identity.signSecretKey);
      this.identity = { ...this.identity, ageIdentity: '' };
      this.index.clear();
      this.store.clear();
      try {
        if (this.writerLock) checkpoint(this.db);
        else this.db.exec('ROLLBACK'); // the reader's snapshot
      } catch {
        // Closing below checkpoints too when this is the last connection.
      }
      this.db.close();
      if (!this.keepWriterLock) this.writerLock?.release();
    }
  }

  get isLocked(): boolean {
    return this.locked;
  }

  private assertOpen(): void {
    if (this.locked) throw authError('the vault is locked', 'locked');
  }

  /** Whether this vault was opened for reading only (no writer lock, or opened for rescue). */
  get isReadOnly(): boolean {
    return this.writerLock === null || this.tampering !== null;
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.tampering) {
      throw rejectedError(
        `${this.tampering}; it is open for reading only, to rescue its cases with a backup`,
        'vaultAltered',
      );
    }
    if (!this.writerLock) throw failureError(READ_ONLY_MESSAGE, 'readOnly');
  }
}

// ---- helpers ----------------------------------------------------------------------------------

/** The ids of every file a case's ops ever named (to remove their content with the case). */
function fileIdsIn(ops: readonly Op[], caseId: string): Set<string> {
  const ids = new Set<string>();
  for (const op of ops) {
    if (op.caseId !== caseId) continue;
    if (op.type === 'item' && op.list === 'files') ids.add(op.itemId);
    if (op.type === 'create') for (const id of Object.keys(op.items.files ?? {})) ids.add(id);
  }
  return ids;
}

/** The files an op writes: an item op on the files list, or a create op's files. */
function fileIdsWrittenBy(op: Op): string[] {
  if (op.type === 'item') return op.list === 'files' ? [op.itemId] : [];
  if (op.type === 'create') return Object.keys(op.items.files ?? {});
  return [];
}

/** Every file the ops write, with the case the op belongs to. */
function filesNamedBy(ops: readonly Op[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const op of ops) for (const fileId of fileIdsWrittenBy(op)) files.set(fileId, op.caseId);
  return files;
}

/** The ops that write each of these files (duplicates are harmless: a register counts an op once). */
function writesOfFiles(fileIds: ReadonlySet<string>, ops: readonly Op[]): Map<string, Op[]> {
  const writes = new Map<string, Op[]>();
  for (const op of ops) {
    for (const fileId of fileIdsWrittenBy(op)) {
      if (!fileIds.has(fileId)) continue;
      const list = writes.get(fileId);
      if (list) list.push(op);
      else writes.set(fileId, [op]);
    }
  }
  return writes;
}

function manifestKeys(keys: Keys): ManifestKeys {
  return { tag: keys.manifest, seal: keys.rows };
}

/**
 * Copies the WAL into the main file and empties it (TRUNCATE). With secure_delete on, a purge or a
 * compaction zeroes the freed pages; only once they are checkpointed are the old bytes gone from
 * both files. A reader still on an older snapshot holds it back: a purge waits for it (`wait`, up to
 * the busy timeout, 5 s); elsewhere (open, compaction, lock) it is tried once and never delays the
 * person. Returns whether the WAL was emptied; if not, the next writer open or lock tries again.
 */
export function checkpoint(db: Database.Database, options: { wait?: boolean } = {}): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  if (!options.wait) db.pragma('busy_timeout = 0');
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return result?.busy === 0;
  } finally {
    if (!options.wait) db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** New vaults' SQLite page size; a vault made before keeps its own (4 KiB). */
export const VAULT_PAGE_BYTES = 16 * 1024;

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // Sorting and temporary indexes stay in memory: no temp file ever holds vault pages.
  db.pragma('temp_store = MEMORY');
}

/** A new passphrase must be long enough and hard to guess (zxcvbn-ts: see passphraseStrength.ts). */
export function checkNewPassphrase(passphrase: string): void {
  const verdict = judgePassphrase(passphrase);
  if (!verdict.acceptable)
    throw usageError(verdict.problem ?? 'the passphrase is too easy to guess', 'passphraseTooEasy');
}

function classifyOpenError(error: unknown, filePath: string): CrossingError {
  if (error instanceof CrossingError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return rejectedError(
      `the vault ${filePath} is damaged (truncated or overwritten): ${(error as Error).message}`,
      'vaultDamaged',
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return failureError(`the vault ${filePath} is in use by another program`, 'vaultInUse');
  return toCrossingError(error);
}
