import { listContacts } from '../exchange/contacts.js';
import type { ServiceContext } from './types.js';

/**
 * Names the author of an op for the history: this vault's own name, a contact's name (also under
 * a key they had before a re-verified change), else null (the UI shows the fingerprint).
 */
export function authorNames(ctx: ServiceContext): (fingerprint: string) => string | null {
  const vault = ctx.session.requireVault();
  const names = new Map<string, string>();
  for (const contact of listContacts(vault)) {
    for (const old of contact.previousFingerprints) names.set(old, contact.name);
    names.set(contact.fingerprint, contact.name);
  }
  names.set(vault.me.fingerprint, vault.me.displayName);
  return (fingerprint) => names.get(fingerprint) ?? null;
}
