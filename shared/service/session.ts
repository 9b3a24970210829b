import { UnlockBackoff } from './unlockBackoff.js';
import path from 'node:path';
import { authError } from '../errors.js';
import type { EventPayload } from '../ipc/contract.js';
import type { Vault } from '../vault/vault.js';
import type { VaultStats } from '../stats/stats.js';
import { CaseListCache } from './caseListCache.js';
import type { Emit } from './types.js';

export const DEFAULT_VAULT_FILE = 'vault.crossing-vault';
export type LockReason = EventPayload<'locked'>['reason'];

export interface PendingSplit {
  vault: Vault;
  setId: string;
  decide: (keep: boolean) => void;
  /** The split itself: resolves once the vault holds the new wrap, rejects if dropped or failed. */
  done: Promise<unknown>;
}

/** Which vault file is in use and, while unlocked, the open Vault. Locked means no Vault object exists. */
export class Session {
  private current: Vault | null = null;
  vaultPath: string;
  /** Consecutive wrong passphrases in this run of the app, and the delay they earn. */
  readonly unlockBackoff = new UnlockBackoff();
  /** Recovery shares shown and not yet confirmed as written down (handlers/seizure.ts); a lock drops them. */
  pendingSplit: PendingSplit | null = null;
  /** The list's rows in their sorted orders, derived from the open vault: dropped on lock. */
  readonly caseList = new CaseListCache();
  /** The dashboard's counts for one generation of the vault's summaries and one day: dropped on lock. */
  stats: { vault: Vault; generation: number; today: string; value: VaultStats } | null = null;

  constructor(
    dataDir: string,
    private readonly emit: Emit,
  ) {
    this.vaultPath = path.join(dataDir, DEFAULT_VAULT_FILE);
  }

  get unlocked(): boolean {
    return this.current !== null && !this.current.isLocked;
  }

  get vault(): Vault | null {
    return this.unlocked ? this.current : null;
  }

  requireVault(): Vault {
    const vault = this.vault;
    if (!vault) throw authError('the vault is locked', 'locked');
    return vault;
  }

  /** Takes an unlocked vault; any vault open before is locked first, so keys never outlive their use. */
  adopt(vault: Vault): void {
    if (this.current && this.current !== vault) this.current.lock();
    this.dropDerived();
    this.current = vault;
  }

  /** Wipes keys and decrypted data at once; tells the UI only when something was actually unlocked. */
  lock(reason: LockReason): void {
    this.dropPendingSplit();
    this.dropDerived();
    const vault = this.current;
    this.current = null;
    if (!vault) return;
    const wasUnlocked = !vault.isLocked;
    // A panic, a suspend or a screen lock must not wait for housekeeping (compaction, the index snapshot).
    vault.lock({ quick: reason !== 'user' && reason !== 'idle' });
    if (wasUnlocked) this.emit('locked', { reason });
  }

  /** Forgets what was derived from the vault's cases: it holds their aliases in the clear. */
  dropDerived(): void {
    this.caseList.clear();
    this.stats = null;
  }

  dropPendingSplit(): void {
    this.pendingSplit?.decide(false);
    this.pendingSplit = null;
  }
}
