import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { open, seal, wipe } from '../crypto/aead.js';
import {
  DEFAULT_KDF_LEVEL,
  SALT_BYTES,
  deriveKek,
  isKnownKdf,
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
  describeIssues,
  newCaseSchema,
  type CasePatch,
  type NewCase,
  type ParsedCasePatch,
} from '../model/case.js';
import { newCaseOps, noteOp, patchCaseOps, resolveConflictOp, type OpContext } from '../oplog/caseOps.js';
import { foldCaseOps, type CaseState } from '../oplog/fold.js';
import type { CaseSummary } from '../oplog/summary.js';
import { formatHlc, observeHlc, parseHlc, tickHlc, type Hlc } from '../oplog/hlc.js';
import { opSchema, type Op } from '../oplog/ops.js';
import { noteTextSchema } from '../model/case.js';
import type { CaseFilter } from '../search/filter.js';
import { MIN_PASSPHRASE_LENGTH } from '../model/passphrase.js';
import { CaseIndex } from './caseIndex.js';
import { dropIndexSnapshot, readIndexSnapshot, writeIndexSnapshot } from './indexSnapshot.js';
import { OpStore, type WrittenSegment } from './opStore.js';
import {
  APPLICATION_ID,
  FORMAT_VERSION,
  VAULT_MAGIC,
  passphraseWrapAd,
  recoveryWrapAd,
  type VaultHeader,
} from './header.js';
import { runMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey, recoveryKek } from './recoveryKey.js';
import { decodeSegment } from './segments.js';
import { SUBKEY, deriveSubkey, openRow, recordId, sealRow } from './sealedRows.js';

export type Unlock = { passphrase: string } | { recoveryKey: string };
export type { Progress } from './opStore.js';
import type { Progress } from './opStore.js';

interface SegmentChanges {
  added: WrittenSegment[];
  removed: WrittenSegment[];
}

export interface CreateVaultOptions {
  passphrase: string;
  kdf?: KdfLevel;
  displayName?: string;
  postQuantum?: boolean;
  /**
   * Called with the recovery key once the new vault is complete but before it is put in place. If
   * it throws (the key could not be shown or written: a full disk, a closed pipe), nothing is
   * created: a vault whose recovery key nobody saw must not exist.
   */
  showRecoveryKey?: (shown: { recoveryKey: string; fingerprint: string }) => void;
}

const COMPACT_WHEN_SMALL_SEGMENTS = 64;

interface Keys {
  vault: Uint8Array;
  rows: Uint8Array;
  identity: Uint8Array;
  recordNames: Uint8Array;
  index: Uint8Array;
}

/**
 * An open, unlocked vault: the SQLite file, the keys, and every case folded in memory. All writes
 * go through one transaction each and reach memory only after they commit.
 */
export class Vault {
  private readonly index = new CaseIndex();
  private readonly store: OpStore;
  private clock: Hlc;
  private locked = false;
  /** Whether the index differs from the sealed snapshot in the file. */
  private indexChanged = false;

  private constructor(
    readonly path: string,
    private db: Database.Database,
    private header: VaultHeader,
    private keys: Keys,
    private identity: Identity,
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
    if (fs.existsSync(target)) throw usageError(`${filePath} already exists: Crossing never overwrites a file`);
    if (!fs.existsSync(path.dirname(target))) throw usageError(`the folder ${path.dirname(filePath)} does not exist`);
    const kdf = kdfParamsFor(options.kdf ?? DEFAULT_KDF_LEVEL);
    const vaultKey = randomBytes(32);
    const recoverySecret = generateRecoveryKey();
    const identity = await generateIdentity(options.displayName ?? 'Crossing', {
      postQuantum: options.postQuantum ?? false,
    });

    // Built beside the target and moved into place only when complete: a crash leaves no half vault.
    const temp = `${target}.${randomId()}.creating`;
    let db: Database.Database | undefined;
    try {
      db = new Database(temp);
      applyPragmas(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      runMigrations(db, MIGRATIONS);
      const header = buildHeader(kdf, options.passphrase, vaultKey, recoverySecret);
      const keys = deriveKeys(vaultKey);
      db.transaction(() => {
        insertHeader(db!, header);
        putRecord(db!, keys, 'identity', serializeIdentity(identity), keys.identity);
      })();
      db.close();
      db = undefined;
      options.showRecoveryKey?.({
        recoveryKey: formatRecoveryKey(recoverySecret),
        fingerprint: publicIdentity(identity).fingerprint,
      });
      fs.linkSync(temp, target); // fails rather than overwrite a file that appeared meanwhile
    } catch (error) {
      throw toCrossingError(error);
    } finally {
      db?.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
      wipe(vaultKey);
    }
    const vault = await Vault.open(target, { recoveryKey: formatRecoveryKey(recoverySecret) });
    const recoveryKey = formatRecoveryKey(recoverySecret);
    wipe(recoverySecret);
    return { vault, recoveryKey };
  }

  /**
   * Opens and unlocks a vault. Everything is read and authenticated before anything is written:
   * a wrong passphrase, a foreign file or a tampered row is refused with the file untouched.
   */
  static async open(filePath: string, unlock: Unlock, options: { onProgress?: Progress } = {}): Promise<Vault> {
    await loadSodium();
    const target = path.resolve(filePath);
    if (!fs.existsSync(target)) throw usageError(`there is no vault at ${filePath}`);
    const stat = fs.statSync(target);
    if (!stat.isFile()) throw authError(`${filePath} is not a Crossing vault: it is not a file`);
    if (stat.size === 0) throw authError(`${filePath} is not a Crossing vault: the file is empty`);
    let db: Database.Database;
    try {
      db = new Database(target, { fileMustExist: true });
    } catch (error) {
      throw authError(`${filePath} cannot be opened as a Crossing vault: ${(error as Error).message}`);
    }
    let keys: Keys | undefined;
    try {
      const header = readHeader(db, filePath);
      const vaultKey = unwrapVaultKey(header, unlock);
      keys = deriveKeys(vaultKey);
      const identity = deserializeIdentity(getRecord(db, keys, 'identity', keys.identity) ?? missing('identity'));
      const vault = new Vault(target, db, header, keys, identity);
      vault.loadAllOps(options.onProgress);
      // Only now, with every row authenticated, may the file be written to.
      runMigrations(db, MIGRATIONS);
      applyPragmas(db);
      return vault;
    } catch (error) {
      db.close();
      if (keys) wipeKeys(keys);
      throw classifyOpenError(error, filePath);
    }
  }

  private loadAllOps(onProgress?: Progress): void {
    const snapshot = readIndexSnapshot(this.db, this.keys.index, this.snapshotChunkId);
    const newer = snapshot ? this.store.loadFromSnapshot(snapshot.state, onProgress) : null;
    if (snapshot && newer !== null) {
      this.observe(snapshot.clock);
      if (newer) this.observe(newer);
      this.indexChanged = newer !== '';
      return;
    }
    const maxHlc = this.store.loadAll(onProgress);
    if (maxHlc) this.observe(maxHlc);
    this.indexChanged = true;
  }

  private readonly snapshotChunkId = (n: number) => this.keyedId('index-snapshot', String(n));

  /** Seals the in-memory index into the vault, so that the next open need not fold every case. */
  private saveIndexSnapshot(): void {
    const snapshot = { state: this.index.exportState(), clock: formatHlc(this.clock) };
    this.db.transaction(() => writeIndexSnapshot(this.db, this.keys.index, this.snapshotChunkId, snapshot))();
    this.indexChanged = false;
  }

  // ---- reading ------------------------------------------------------------------------------

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

  /** The whole case, folded from its ops as it is asked for. */
  getCase(caseId: string): CaseState {
    this.assertOpen();
    const found = this.index.summary(caseId) ? foldCaseOps(this.store.caseOps(caseId)) : null;
    if (!found) throw usageError(`there is no case ${caseId} in this vault`);
    return found;
  }

  /** Finds a case by its id or by the first characters of it (at least 4), as a person types them. */
  resolveCaseId(idOrPrefix: string): string {
    this.assertOpen();
    if (idOrPrefix.length < 4) throw usageError('give at least the first 4 characters of the case id');
    const ids = this.index.idsStartingWith(idOrPrefix);
    if (ids.length === 0) throw usageError(`there is no case ${idOrPrefix} in this vault`);
    if (ids.length > 1) throw usageError(`${idOrPrefix} matches ${ids.length} cases: give more of the id`);
    return ids[0]!;
  }

  caseOps(caseId: string): readonly Op[] {
    this.assertOpen();
    return this.store.caseOps(caseId);
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
    if (!parsed.success) throw rejectedError(`the case is not valid: ${describeIssues(parsed.error)}`);
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
  updateCase(caseId: string, patch: CasePatch): { case: CaseState; opsWritten: number } {
    this.getCase(caseId);
    const parsed = casePatchSchema.safeParse(patch);
    if (!parsed.success) throw rejectedError(`the change is not valid: ${describeIssues(parsed.error)}`);
    let ops: Op[];
    try {
      ops = patchCaseOps(caseId, this.store.caseOps(caseId), parsed.data as ParsedCasePatch, this.opContext());
    } catch (error) {
      throw rejectedError(`the change is not valid: ${(error as Error).message}`);
    }
    this.commitOps(ops);
    return { case: this.getCase(caseId), opsWritten: ops.length };
  }

  addNote(caseId: string, text: string): CaseState {
    this.getCase(caseId);
    const parsed = noteTextSchema.safeParse(text);
    if (!parsed.success) throw rejectedError(`the note is not valid: ${describeIssues(parsed.error)}`);
    this.commitOps([noteOp(caseId, parsed.data, this.opContext())]);
    return this.getCase(caseId);
  }

  resolveConflict(caseId: string, key: string, chosenOpId: string): CaseState {
    const current = this.getCase(caseId);
    if (!current.conflicts.some((c) => c.key === key)) throw usageError(`the case has no conflict on ${key}`);
    let op: Op;
    try {
      op = resolveConflictOp(caseId, this.store.caseOps(caseId), key, chosenOpId, this.opContext());
    } catch (error) {
      throw usageError((error as Error).message);
    }
    this.commitOps([op]);
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
      if (!parsed.success) throw rejectedError(`op ${i + 1} is not valid: ${describeIssues(parsed.error)}`);
      return parsed.data as Op;
    });
    return this.mergeValidatedOps(ops, extra);
  }

  /**
   * mergeOps for ops the caller has already validated with the op schemas (the import layer does,
   * to name a bad op in its own words): validating 50,000 ops twice would double an import's time.
   */
  mergeValidatedOps(ops: readonly Op[], extra?: (db: Database.Database) => void): Op[] {
    this.assertOpen();
    const fresh: Op[] = [];
    const held = new Map<string, Set<string>>();
    const purged = new Map<string, boolean>();
    // One look at the table first: most vaults have purged nothing, and then no case needs a lookup.
    const anyTombstone = this.db.prepare('SELECT 1 FROM tombstones LIMIT 1').get() !== undefined;
    for (const op of ops) {
      let ids = held.get(op.caseId);
      if (!ids) held.set(op.caseId, (ids = this.heldOpIds(op.caseId)));
      if (ids.has(op.id)) continue;
      // A purged case stays purged: a replayed older export must not bring it back.
      let tombstoned = anyTombstone ? purged.get(op.caseId) : false;
      if (tombstoned === undefined) purged.set(op.caseId, (tombstoned = this.isTombstoned(op.caseId)));
      if (tombstoned) continue;
      ids.add(op.id);
      fresh.push(op);
    }
    this.commitOps(fresh, extra);
    for (const op of fresh) this.observe(op.hlc);
    return fresh;
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
    let changes: SegmentChanges = { added: [], removed: [] };
    try {
      this.db.transaction(() => {
        changes = work(this.db);
      })();
    } catch (error) {
      throw toCrossingError(error);
    }
    this.store.afterCommit(changes.added, changes.removed, refold);
    this.indexChanged = true;
  }

  private opContext(): OpContext {
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
      return this.db.transaction(() => work(this.db))();
    } catch (error) {
      throw toCrossingError(error);
    }
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
  purgeCase(caseId: string, purgedAt: string = new Date().toISOString()): number {
    this.assertOpen();
    if (!this.index.knowsCase(caseId) && !this.isTombstoned(caseId)) {
      throw usageError(`there is no case ${caseId} in this vault`);
    }
    let removed = 0;
    this.commit((db) => {
      const segments = this.store.remove(this.index.segmentsOf(caseId));
      const kept = segments.flatMap((segment) => segment.ops.filter((op) => op.caseId !== caseId));
      removed = segments.reduce((n, segment) => n + segment.ops.length, 0) - kept.length;
      // The index snapshot holds the case's name and summary: it goes now, and is written anew on lock.
      dropIndexSnapshot(db);
      const id = this.keyedId('tombstone', caseId);
      const tombstone = new TextEncoder().encode(JSON.stringify({ caseId, purgedAt }));
      db.prepare('INSERT OR REPLACE INTO tombstones (id, sealed) VALUES (?, ?)').run(
        id,
        sealRow(this.keys.rows, 'tombstones', id, tombstone),
      );
      return { added: this.store.insert(kept), removed: segments };
    });
    this.index.removeCase(caseId);
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
    if (!key) throw authError('the current passphrase is wrong');
    wipe(key);
  }

  /** Rewraps the vault key under a new passphrase (and, if given, a new KDF level). Nothing else changes. */
  changePassphrase(newPassphrase: string, level: KdfLevel = this.header.kdf.level): void {
    this.assertOpen();
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
    });
    this.header = next;
  }

  /**
   * Verifies the whole file: SQLite's own integrity check, then every row decrypted and
   * authenticated, every op valid. Returns counts; throws naming the first bad row.
   */
  check(onProgress?: Progress): { segments: number; records: number; ops: number; cases: number } {
    this.assertOpen();
    const integrity = this.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw rejectedError(`the vault file is damaged: ${String(integrity)}`);
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
          );
        }
      });
      ops += decoded.length;
      onProgress?.(i + 1, segments.length);
    });
    const tables = (
      this.db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('vault_header', 'op_segments') AND name NOT LIKE 'sqlite_%'",
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
    return { segments: segments.length, records, ops, cases: this.index.caseCount };
  }

  /** Merges the small segments that single edits leave into few large ones, in one transaction. */
  compact(): number {
    this.assertOpen();
    const small = this.store.smallSegmentIds();
    if (small.length < 2) return 0;
    // The same ops in fewer segments: no case changes, so nothing needs folding again.
    this.commit(() => {
      const removed = this.store.remove(small);
      return { added: this.store.insert(removed.flatMap((segment) => segment.ops)), removed };
    }, false);
    return small.length;
  }

  /**
   * Lock: forget every key and every decrypted object, close the file. The object is unusable
   * afterwards; unlocking again means opening the vault again. Before that, unless `quick`, small
   * segments are compacted and the index snapshot is sealed (up to a second at 100,000 cases).
   */
  lock(options: { quick?: boolean } = {}): void {
    if (this.locked) return;
    try {
      if (!options.quick && this.store.smallSegmentCount >= COMPACT_WHEN_SMALL_SEGMENTS) this.compact();
      if (!options.quick && this.indexChanged) this.saveIndexSnapshot();
    } catch {
      // Compaction and the snapshot are housekeeping: failing them (a full disk) must never stop a lock.
    } finally {
      this.locked = true;
      wipeKeys(this.keys);
      wipe(this.identity.signSecretKey);
      this.identity = { ...this.identity, ageIdentity: '' };
      this.index.clear();
      this.store.clear();
      this.db.close();
    }
  }

  get isLocked(): boolean {
    return this.locked;
  }

  private assertOpen(): void {
    if (this.locked) throw authError('the vault is locked');
  }
}

// ---- helpers ----------------------------------------------------------------------------------

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // Sorting and temporary indexes stay in memory: no temp file ever holds vault pages.
  db.pragma('temp_store = MEMORY');
}

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw usageError(`the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long`);
  }
}

function buildHeader(
  kdf: KdfParams,
  passphrase: string,
  vaultKey: Uint8Array,
  recoverySecret: Uint8Array,
): VaultHeader {
  const partial = {
    magic: VAULT_MAGIC,
    formatVersion: FORMAT_VERSION,
    vaultId: randomBytes(16),
    kdf,
    salt: randomBytes(SALT_BYTES),
    recoverySalt: randomBytes(SALT_BYTES),
  };
  const kek = deriveKek(passphrase, partial.salt, kdf);
  const rkek = recoveryKek(recoverySecret, partial.recoverySalt);
  const header: VaultHeader = {
    ...partial,
    passphraseWrap: seal(kek, vaultKey, passphraseWrapAd(partial)),
    recoveryWrap: seal(rkek, vaultKey, recoveryWrapAd(partial)),
  };
  wipe(kek);
  wipe(rkek);
  return header;
}

function insertHeader(db: Database.Database, h: VaultHeader): void {
  db.prepare(
    `INSERT INTO vault_header (id, magic, format_version, vault_id, kdf_level, kdf_ops, kdf_mem, salt, passphrase_wrap, recovery_salt, recovery_wrap)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    h.magic,
    h.formatVersion,
    h.vaultId,
    h.kdf.level,
    h.kdf.opsLimit,
    h.kdf.memLimit,
    h.salt,
    h.passphraseWrap,
    h.recoverySalt,
    h.recoveryWrap,
  );
}

interface HeaderRow {
  magic: string;
  format_version: number;
  vault_id: Buffer;
  kdf_level: string;
  kdf_ops: number;
  kdf_mem: number;
  salt: Buffer;
  passphrase_wrap: Buffer;
  recovery_salt: Buffer;
  recovery_wrap: Buffer;
}

function readHeader(db: Database.Database, filePath: string): VaultHeader {
  const notAVault = (why: string) => authError(`${filePath} is not a Crossing vault: ${why}`);
  let appId: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw notAVault('it is not a database file');
    throw error;
  }
  if (appId !== APPLICATION_ID) throw notAVault('it is a database of another kind');
  let row: HeaderRow | undefined;
  try {
    row = db.prepare('SELECT * FROM vault_header WHERE id = 1').get() as HeaderRow | undefined;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_ERROR') throw notAVault('it has no vault header');
    throw error;
  }
  if (!row) throw notAVault('its header is missing');
  if (row.magic !== VAULT_MAGIC) throw notAVault('its header is not a Crossing header');
  if (row.format_version > FORMAT_VERSION) {
    throw failureError(`this vault uses format ${row.format_version}, newer than this version of Crossing understands`);
  }
  if (row.format_version !== FORMAT_VERSION) throw notAVault(`unknown format version ${row.format_version}`);
  const kdf = { level: row.kdf_level, opsLimit: row.kdf_ops, memLimit: row.kdf_mem } as KdfParams;
  if (!isKnownKdf(kdf))
    throw rejectedError(`the vault header names key-derivation settings Crossing never writes: it was altered`);
  return {
    magic: row.magic,
    formatVersion: row.format_version,
    vaultId: new Uint8Array(row.vault_id),
    kdf,
    salt: new Uint8Array(row.salt),
    passphraseWrap: new Uint8Array(row.passphrase_wrap),
    recoverySalt: new Uint8Array(row.recovery_salt),
    recoveryWrap: new Uint8Array(row.recovery_wrap),
  };
}

function unwrapVaultKey(header: VaultHeader, unlock: Unlock): Uint8Array {
  if ('passphrase' in unlock) {
    const kek = deriveKek(unlock.passphrase, header.salt, header.kdf);
    const key = open(kek, header.passphraseWrap, passphraseWrapAd(header));
    wipe(kek);
    if (!key) throw authError('wrong passphrase');
    return key;
  }
  const parsed = parseRecoveryKey(unlock.recoveryKey);
  if (!parsed.ok) throw authError(parsed.problem);
  const kek = recoveryKek(parsed.secret, header.recoverySalt);
  wipe(parsed.secret);
  const key = open(kek, header.recoveryWrap, recoveryWrapAd(header));
  wipe(kek);
  if (!key) throw authError('this recovery key does not open this vault');
  return key;
}

function deriveKeys(vaultKey: Uint8Array): Keys {
  return {
    vault: vaultKey,
    rows: deriveSubkey(vaultKey, SUBKEY.rows),
    identity: deriveSubkey(vaultKey, SUBKEY.identity),
    recordNames: deriveSubkey(vaultKey, SUBKEY.recordNames),
    index: deriveSubkey(vaultKey, SUBKEY.index),
  };
}

function wipeKeys(keys: Keys): void {
  for (const key of Object.values(keys)) wipe(key);
}

function getRecord(db: Database.Database, keys: Keys, name: string, key: Uint8Array): string | undefined {
  const id = recordId(keys.recordNames, name);
  const row = db.prepare('SELECT sealed FROM records WHERE id = ?').get(id) as { sealed: Buffer } | undefined;
  if (!row) return undefined;
  return new TextDecoder().decode(openRow(key, 'records', id, row.sealed));
}

function putRecord(db: Database.Database, keys: Keys, name: string, json: string, key: Uint8Array): void {
  const id = recordId(keys.recordNames, name);
  const sealed = sealRow(key, 'records', id, new TextEncoder().encode(json));
  db.prepare(
    'INSERT INTO records (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed',
  ).run(id, sealed);
}

function missing(what: string): never {
  throw rejectedError(`the vault has no ${what} record: it was altered or damaged`);
}

function classifyOpenError(error: unknown, filePath: string): CrossingError {
  if (error instanceof CrossingError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return rejectedError(`the vault ${filePath} is damaged (truncated or overwritten): ${(error as Error).message}`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return failureError(`the vault ${filePath} is in use by another program`);
  return toCrossingError(error);
}
