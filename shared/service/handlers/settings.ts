import type { Handlers } from '../types.js';

/** Settings: read and changed even while the vault is locked. */
export const settingsHandlers: Handlers<'getSettings' | 'updateSettings'> = {
  getSettings: (ctx) => ctx.settings.read(),
  updateSettings: (ctx, args) => ctx.settings.update(args),
};
