import { usageError } from '../../errors.js';
import type { Handlers } from '../types.js';

/** Settings: read and changed even while the vault is locked. */
export const settingsHandlers: Handlers<'getSettings' | 'updateSettings' | 'platformProtections'> = {
  getSettings: (ctx) => ctx.settings.read(),
  updateSettings: (ctx, args) => ctx.settings.update(args),
  // Shown on the Settings screen, but main answers it (it knows the platform and what it watches): a call
  // that reaches the vault process came by another way, and is refused.
  platformProtections: () => {
    throw usageError('platformProtections is answered by the desktop shell, not by the vault', 'badRequest');
  },
};
