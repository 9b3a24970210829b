import path from 'node:path';
import { readKeyCardFile } from '../../exchange/keyCardFile.js';
import {
  addContact,
  assignedCaseCounts,
  casesAssignedTo,
  removeContact,
  renameContact,
  contactSafetyNumber,
  listContacts,
  myKeyCard,
  verifyContact,
  type Contact,
} from '../../exchange/contacts.js';
import type { ChannelResult } from '../../ipc/contract.js';
import type { Vault } from '../../vault/vault.js';
import { writeFileAtomically } from '../../files/atomicWrite.js';
import { localDate } from '../localDate.js';
import type { Handlers } from '../types.js';

type IdentityChannel =
  | 'getKeyCard'
  | 'saveKeyCard'
  | 'listContacts'
  | 'addContact'
  | 'verifyContact'
  | 'chooseKeyCardFile'
  | 'renameContact'
  | 'removeContact';
type ContactEntry = ChannelResult<'listContacts'>['contacts'][number];

/** This vault's key card, and the contacts whose cards it holds (each with the safety number to compare). */
export const identityHandlers: Handlers<IdentityChannel> = {
  getKeyCard: (ctx) => {
    const vault = ctx.session.requireVault();
    return { card: myKeyCard(vault), me: vault.me };
  },

  saveKeyCard: async (ctx) => {
    const vault = ctx.session.requireVault();
    const card = myKeyCard(vault);
    // A key card is public, but the file name still says nothing about who the person is.
    const chosen = await ctx.dialogs.saveFile(`crossing-key-card-${localDate(ctx.now())}.txt`, 'card');
    if (chosen === null) return { savedAs: null };
    ctx.session.requireVault(); // the vault may have been locked while the dialog was open
    writeFileAtomically(chosen, card, { replace: true });
    return { savedAs: chosen };
  },

  listContacts: (ctx) => {
    const vault = ctx.session.requireVault();
    const assigned = assignedCaseCounts(vault);
    return { contacts: listContacts(vault).map((c) => toContactEntry(vault, c, assigned.get(c.fingerprint) ?? 0)) };
  },

  addContact: (ctx, args) => {
    const vault = ctx.session.requireVault();
    const { contact } = addContact(vault, args.card, { verified: args.verified, now: ctx.now() });
    return { contact: toContactEntry(vault, contact) };
  },

  verifyContact: (ctx, args) => {
    const vault = ctx.session.requireVault();
    return { contact: toContactEntry(vault, verifyContact(vault, args.fingerprint, ctx.now())) };
  },

  chooseKeyCardFile: async (ctx) => {
    ctx.session.requireVault();
    const chosen = await ctx.dialogs.openKeyCard();
    return { card: chosen === null ? null : readKeyCardFile(chosen, path.basename(chosen)) };
  },

  renameContact: (ctx, args) => {
    const vault = ctx.session.requireVault();
    return { contact: toContactEntry(vault, renameContact(vault, args.fingerprint, args.name)) };
  },

  removeContact: (ctx, args) => {
    const vault = ctx.session.requireVault();
    return { assignedCases: removeContact(vault, args.fingerprint).assignedCases };
  },
};

/**
 * `pendingKeyChange` is always false here: the exchange layer never stores a card whose keys differ
 * from a known contact's; it refuses it (with the safety number) until the person re-verifies.
 */
function toContactEntry(
  vault: Vault,
  contact: Contact,
  assignedCases = casesAssignedTo(vault, contact.fingerprint),
): ContactEntry {
  return {
    name: contact.name,
    fingerprint: contact.fingerprint,
    verified: contact.verified,
    verifiedAt: contact.verifiedAt,
    safetyNumber: contactSafetyNumber(vault, contact),
    pendingKeyChange: false,
    assignedCases,
  };
}
