import fs from 'node:fs';
import { backupVault, restoreBackup } from '../../exchange/backup.js';
import { writeFileAtomically } from '../../files/atomicWrite.js';
import { unsavedChanges } from '../../seizure/savedElsewhere.js';
import { localDate } from '../localDate.js';
import type { Handlers } from '../types.js';

type BackupChannel = 'getBackupState' | 'backupVault' | 'restoreBackup' | 'saveSecretIdentity';

/**
 * Backup and restore from the app, as `crossing backup` and `crossing restore` do them. File names
 * carry a date, never a name. The secret identity is saved only when asked, with a warning in the UI.
 */
export const backupHandlers: Handlers<BackupChannel> = {
  getBackupState: (ctx) => {
    const unsaved = unsavedChanges(ctx.session.requireVault());
    return { lastBackupAt: unsaved.lastBackupAt, changedSinceSaved: unsaved.changedSince };
  },

  backupVault: async (ctx) => {
    const vault = ctx.session.requireVault();
    const outFile = await ctx.dialogs.saveFile(`crossing-backup-${localDate(ctx.now())}.crossing`, 'crossing');
    if (outFile === null) return { savedAs: null, cases: 0, bytes: 0, changeNumber: vault.counter };
    const result = await backupVault(vault, outFile, ctx.now());
    return { savedAs: result.file, cases: result.caseIds.length, bytes: result.bytes, changeNumber: vault.counter };
  },

  restoreBackup: async (ctx, args) => {
    const vault = ctx.session.requireVault();
    const file = ctx.files.resolve(args.token);
    const result = await restoreBackup(vault, file, { ageIdentity: args.identity ?? vault.revealAgeIdentity() });
    return {
      cases: result.cases,
      newOps: result.newOps,
      contacts: result.contacts,
      contactsSkipped: result.contactsSkipped,
      tombstones: result.tombstones,
    };
  },

  saveSecretIdentity: async (ctx) => {
    const vault = ctx.session.requireVault();
    const outFile = await ctx.dialogs.saveFile(`crossing-secret-identity-${localDate(ctx.now())}.txt`, 'card');
    if (outFile === null) return { savedAs: null };
    // The person confirmed any overwrite in the dialog; readable by its owner only, as a vault is.
    writeFileAtomically(outFile, `${vault.revealAgeIdentity()}\n`, { replace: true });
    fs.chmodSync(outFile, 0o600);
    return { savedAs: outFile };
  },
};
