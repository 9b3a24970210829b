import { authError, usageError } from '../../errors.js';
import { eraseVault } from '../../seizure/erase.js';
import type { RecoveryShare } from '../../seizure/recoveryShares.js';
import { unsavedChanges } from '../../seizure/savedElsewhere.js';
import type { Handlers } from '../types.js';

type SeizureChannel =
  | 'getSeizureState'
  | 'setDuressPassphrase'
  | 'clearDuressPassphrase'
  | 'setWipeAfter'
  | 'splitRecovery'
  | 'confirmRecoveryShares'
  | 'eraseVault';

/** When the laptop is taken (shared/seizure): erase, duress, the failed-unlock wipe, recovery shares. */
export const seizureHandlers: Handlers<SeizureChannel> = {
  getSeizureState: (ctx) => {
    const vault = ctx.session.requireVault();
    const unsaved = unsavedChanges(vault);
    return { ...vault.seizureSettings(), lastSaved: unsaved.lastSaved, changedSinceSaved: unsaved.changedSince };
  },

  setDuressPassphrase: (ctx, args) => {
    ctx.session.requireVault().setDuressPassphrase(args.current, args.duress);
    return { ok: true as const };
  },

  clearDuressPassphrase: (ctx, args) => {
    ctx.session.requireVault().clearDuressPassphrase(args.current);
    return { ok: true as const };
  },

  setWipeAfter: (ctx, args) => {
    ctx.session.requireVault().setWipeAfter(args.wipeAfter);
    return { ok: true as const };
  },

  splitRecovery: async (ctx, args) => {
    const vault = ctx.session.requireVault();
    if (args.threshold > args.count) {
      throw usageError(
        `the threshold (${args.threshold}) cannot exceed the number of shares (${args.count})`,
        'badRequest',
      );
    }
    ctx.session.dropPendingSplit();
    let shown!: (shares: RecoveryShare[]) => void;
    const made = new Promise<RecoveryShare[]>((resolve) => (shown = resolve));
    let decide!: (keep: boolean) => void;
    const decided = new Promise<boolean>((resolve) => (decide = resolve));
    const done = vault.splitRecovery(args.count, args.threshold, async (shares) => {
      shown(shares);
      if (!(await decided)) throw usageError('the shares were dropped: the recovery key is unchanged', 'badRequest');
    });
    // A failure before the shares exist (a locked vault) is the answer to this call.
    const shares = await Promise.race([made, done.then(() => [] as RecoveryShare[])]);
    const setId = shares[0]!.setId;
    done.catch(() => {}); // dropped or failed: awaited (and answered) by confirmRecoveryShares
    ctx.session.pendingSplit = { vault, setId, decide, done };
    return {
      setId,
      count: args.count,
      threshold: args.threshold,
      shares: shares.map((s) => ({ number: s.number, text: s.text })),
    };
  },

  confirmRecoveryShares: async (ctx, args) => {
    const split = ctx.session.pendingSplit;
    if (!split || split.setId !== args.setId || split.vault !== ctx.session.vault) {
      ctx.session.dropPendingSplit(); // the vault was locked meanwhile: those shares never take effect
      throw usageError('these shares are no longer waiting (the vault was locked): make a new set', 'badRequest');
    }
    ctx.session.pendingSplit = null;
    split.decide(args.keep);
    if (!args.keep) {
      await split.done.catch(() => {});
      return { replaced: false };
    }
    await split.done;
    return { replaced: true };
  },

  eraseVault: (ctx) => {
    ctx.session.dropPendingSplit();
    const vault = ctx.session.vault;
    if (vault) {
      const report = vault.erase();
      ctx.session.lock('user'); // forgets the erased vault; it is already locked
      return { removed: report.removed.length };
    }
    if (!ctx.session.vaultPath) throw authError('there is no vault to erase', 'noVaultHere');
    return { removed: eraseVault(ctx.session.vaultPath, ctx.session.vaultPath).removed.length };
  },
};
