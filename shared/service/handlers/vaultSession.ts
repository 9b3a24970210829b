import fs from 'node:fs';
import path from 'node:path';
import { attemptsLeftAt } from '../../seizure/afterUnlock.js';
import { Vault, type Unlock } from '../../vault/vault.js';
import type { Handlers } from '../types.js';

type VaultChannel =
  'getAppState' | 'createVault' | 'unlockVault' | 'lockVault' | 'chooseOtherVault' | 'changePassphrase';

/** The vault's life: which file, create, unlock, lock, and the passphrase that guards it. */
export const vaultSessionHandlers: Handlers<VaultChannel> = {
  getAppState: (ctx) => ({
    version: ctx.appVersion,
    vaultPath: ctx.session.vaultPath,
    vaultExists: fs.existsSync(ctx.session.vaultPath),
    unlocked: ctx.session.unlocked,
    settings: ctx.settings.read(),
    me: ctx.session.vault?.me ?? null,
    changeNumber: ctx.session.vault?.counter ?? null,
    tampering: ctx.session.vault?.tampering ?? null,
    attemptsLeft: ctx.session.unlocked ? null : attemptsLeftAt(ctx.session.vaultPath),
  }),

  createVault: async (ctx, args) => {
    ctx.session.lock('user');
    // The app's own folder may not exist on first start; a folder the person chose must.
    if (path.dirname(ctx.session.vaultPath) === path.resolve(ctx.dataDir))
      fs.mkdirSync(ctx.dataDir, { recursive: true, mode: 0o700 });
    const { vault, recoveryKey } = await Vault.create(ctx.session.vaultPath, {
      passphrase: args.passphrase,
      kdf: args.kdf,
      displayName: args.displayName,
      postQuantum: args.postQuantum,
    });
    ctx.session.adopt(vault);
    return { recoveryKey, me: vault.me };
  },

  unlockVault: async (ctx, args) => {
    ctx.session.lock('user');
    const unlock: Unlock =
      args.method === 'passphrase'
        ? { passphrase: args.passphrase }
        : args.method === 'recoveryKey'
          ? { recoveryKey: args.recoveryKey }
          : { recoveryShares: args.shares };
    // Wrong passphrases are answered later and later (see unlockBackoff.ts: not a defence offline).
    const vault = await ctx.session.unlockBackoff.attempt(() =>
      Vault.open(ctx.session.vaultPath, unlock, { rescue: args.rescue }),
    );
    ctx.session.adopt(vault);
    return { me: vault.me, cases: vault.caseCount, tampering: vault.tampering };
  },

  lockVault: (ctx) => {
    ctx.session.lock('user');
    return { ok: true as const };
  },

  chooseOtherVault: async (ctx) => {
    const chosen = await ctx.dialogs.openVault();
    if (chosen === null) return { vaultPath: null };
    ctx.session.lock('user');
    ctx.session.vaultPath = path.resolve(chosen);
    return { vaultPath: ctx.session.vaultPath };
  },

  changePassphrase: (ctx, args) => {
    const vault = ctx.session.requireVault();
    vault.verifyPassphrase(args.current);
    vault.changePassphrase(args.next, args.kdf);
    return { ok: true as const };
  },
};
