import { loadSodium } from '../../crypto/sodium.js';
import { encodePublicKey, formatKeyId, parsePublicKey } from '../../release/minisign.js';
import { verifyRelease } from '../../release/verifyRelease.js';
import type { Handlers } from '../types.js';

/**
 * About the app, and checking an installer before it is installed: the person picks the installer in
 * a native dialog (the UI holds only its token); its SHA256SUMS and signature are looked for beside it.
 * Both work while the vault is locked.
 */
export const releaseHandlers: Handlers<'getAbout' | 'chooseInstaller' | 'verifyRelease'> = {
  getAbout: async (ctx) => {
    await loadSodium();
    const key = parsePublicKey(ctx.releasePublicKey);
    return {
      appVersion: ctx.appVersion,
      electron: ctx.runtime.electron,
      chromium: ctx.runtime.chromium,
      node: ctx.runtime.node,
      releaseKeyId: formatKeyId(key.keyId),
      releasePublicKey: encodePublicKey(key),
    };
  },

  chooseInstaller: async (ctx) => {
    const chosen = await ctx.dialogs.openInstaller();
    return { file: chosen === null ? null : ctx.files.register(chosen) };
  },

  verifyRelease: (ctx, args) =>
    verifyRelease({
      installer: ctx.files.resolve(args.token),
      runningVersion: ctx.appVersion,
      trustedKey: ctx.releasePublicKey,
    }),
};
