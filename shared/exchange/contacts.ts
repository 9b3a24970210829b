import { rejectedError, usageError } from '../errors.js';
import type { Vault } from '../vault/vault.js';
import { formatKeyCard, parseKeyCard, type KeyCard } from './keyCard.js';
import { personNameSchema } from './personName.js';
import { safetyNumber } from './safetyNumber.js';
import { deleteRow, readAllRows, readRow, writeRow } from './sealedTable.js';

/**
 * Contacts: people whose key cards this vault holds. A contact is `unverified` until a person has
 * compared the safety number and marked it `verified`. A card that gives a known contact (same
 * name) different keys is never taken silently: it is refused unless the person re-verifies now.
 */
export interface Contact {
  /** The name this vault knows them by: the card's name, or one the person chose. */
  name: string;
  /** The name on their key card (what their exports call them). */
  cardName: string;
  signPublicKey: string;
  ageRecipient: string;
  fingerprint: string;
  verified: boolean;
  verifiedAt: string | null;
  addedAt: string;
  /** Fingerprints this contact had before a key change that a person re-verified. */
  previousFingerprints: string[];
}

export type AddContactOutcome = 'added' | 'unchanged' | 'verified' | 'key replaced';

export interface AddContactResult {
  contact: Contact;
  outcome: AddContactOutcome;
  safetyNumber: string;
}

/** Names are compared as people read them: Unicode-normalised, case-insensitive. */
const sameName = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

export function listContacts(vault: Vault): Contact[] {
  return readAllRows<Contact>(vault, 'contacts').sort((a, b) => a.name.localeCompare(b.name));
}

export function contactByFingerprint(vault: Vault, fingerprint: string): Contact | undefined {
  return readRow<Contact>(vault, 'contacts', fingerprint);
}

export function contactByName(vault: Vault, name: string): Contact | undefined {
  return listContacts(vault).find((c) => sameName(c.name, name));
}

/** The contact whose own key card carries this name (how a new key of theirs would introduce itself). */
export function contactByCardName(vault: Vault, cardName: string): Contact | undefined {
  return listContacts(vault).find((c) => sameName(c.cardName, cardName));
}

/** Finds a contact by name, or by fingerprint (at least 8 hex digits of it). */
export function findContact(vault: Vault, nameOrFingerprint: string): Contact {
  const byName = contactByName(vault, nameOrFingerprint);
  if (byName) return byName;
  const prefix = nameOrFingerprint.replace(/\s+/g, '').toLowerCase();
  if (/^[0-9a-f]{8,40}$/.test(prefix)) {
    const matches = listContacts(vault).filter((c) => c.fingerprint.startsWith(prefix));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1)
      throw usageError(`${nameOrFingerprint} matches ${matches.length} contacts: give more of it`, 'ambiguousContact');
  }
  throw usageError(
    `there is no contact ${nameOrFingerprint}: add their key card with \`crossing contact add\``,
    'noSuchContact',
  );
}

export function contactSafetyNumber(vault: Vault, contact: Pick<Contact, 'signPublicKey' | 'ageRecipient'>): string {
  return safetyNumber(vault.me, contact);
}

export function myKeyCard(vault: Vault): string {
  return formatKeyCard(vault.me);
}

/**
 * Adds the contact of a key card. `verified` means the person has compared the safety number now.
 * A card with a known name but other keys is refused unless `verified` is given (re-verification);
 * then the new keys replace the old ones and the old fingerprint is kept in the history.
 */
export function addContact(
  vault: Vault,
  cardText: string,
  options: { verified?: boolean; name?: string; now?: Date } = {},
): AddContactResult {
  const card: KeyCard = parseKeyCard(cardText);
  const chosen = options.name === undefined ? undefined : personNameSchema.safeParse(options.name);
  if (chosen && !chosen.success)
    throw usageError(`the name ${chosen.error.issues[0]?.message ?? 'is not valid'}`, 'invalidData');
  const name = chosen?.data ?? card.displayName;
  const now = (options.now ?? new Date()).toISOString();
  const verified = options.verified ?? false;
  const number = contactSafetyNumber(vault, card);
  if (card.fingerprint === vault.me.fingerprint) throw usageError("this is this vault's own key card", 'ownKeyCard');

  const sameKeys = contactByFingerprint(vault, card.fingerprint);
  if (sameKeys) {
    if (!sameName(sameKeys.name, name))
      throw usageError(`these keys are already known as ${sameKeys.name}`, 'keysAlreadyKnown', { name: sameKeys.name });
    if (!verified || sameKeys.verified) return { contact: sameKeys, outcome: 'unchanged', safetyNumber: number };
    const contact = { ...sameKeys, verified: true, verifiedAt: now };
    vault.transaction((db) => writeRow(vault, db, 'contacts', contact.fingerprint, contact));
    return { contact, outcome: 'verified', safetyNumber: number };
  }

  const sameName_ = contactByName(vault, name);
  if (sameName_ && !verified) {
    throw rejectedError(
      `the key of ${sameName_.name} has changed (was ${sameName_.fingerprint}, this card has ${card.fingerprint}). ` +
        `It is not used until you re-verify it: compare this safety number with ${sameName_.name} in person or by a call you trust\n` +
        `${number}\nand add the card again as verified`,
      'keyChanged',
      { name: sameName_.name },
    );
  }
  const contact: Contact = {
    name,
    cardName: card.displayName,
    signPublicKey: card.signPublicKey,
    ageRecipient: card.ageRecipient,
    fingerprint: card.fingerprint,
    verified,
    verifiedAt: verified ? now : null,
    addedAt: now,
    previousFingerprints: sameName_ ? [...sameName_.previousFingerprints, sameName_.fingerprint] : [],
  };
  vault.transaction((db) => {
    if (sameName_) deleteRow(vault, db, 'contacts', sameName_.fingerprint);
    writeRow(vault, db, 'contacts', contact.fingerprint, contact);
  });
  return { contact, outcome: sameName_ ? 'key replaced' : 'added', safetyNumber: number };
}

/** Marks a contact verified: the person has compared the safety number. */
export function verifyContact(vault: Vault, nameOrFingerprint: string, now: Date = new Date()): Contact {
  const found = findContact(vault, nameOrFingerprint);
  if (found.verified) return found;
  const contact = { ...found, verified: true, verifiedAt: now.toISOString() };
  vault.transaction((db) => writeRow(vault, db, 'contacts', contact.fingerprint, contact));
  return contact;
}

/** Writes contacts as they are (restoring a backup), inside the caller's transaction. */
export function putContacts(vault: Vault, db: Parameters<typeof writeRow>[1], contacts: readonly Contact[]): void {
  for (const contact of contacts) writeRow(vault, db, 'contacts', contact.fingerprint, contact);
}

/**
 * Renames a contact here (their card keeps its own name). Names stay unique: a second contact of
 * the same name would make `--to NAME` ambiguous.
 */
export function renameContact(vault: Vault, nameOrFingerprint: string, newName: string): Contact {
  const found = findContact(vault, nameOrFingerprint);
  const parsed = personNameSchema.safeParse(newName);
  if (!parsed.success) throw usageError(`the name ${parsed.error.issues[0]?.message ?? 'is not valid'}`, 'invalidData');
  const taken = contactByName(vault, parsed.data);
  if (taken && taken.fingerprint !== found.fingerprint) {
    throw usageError(`there is already a contact named ${taken.name}`, 'contactNameTaken', { name: taken.name });
  }
  const contact = { ...found, name: parsed.data };
  vault.transaction((db) => writeRow(vault, db, 'contacts', contact.fingerprint, contact));
  return contact;
}

export interface RemovedContact {
  contact: Contact;
  /** Cases still assigned to them: they keep the assignment, shown by its fingerprint, until reassigned. */
  assignedCases: number;
}

/** How many cases are assigned to each key, in one pass over the cases (a contact list asks for all). */
export function assignedCaseCounts(vault: Vault): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of vault.allCases()) {
    const fingerprint = c.fields.assignedTo;
    if (fingerprint) counts.set(fingerprint, (counts.get(fingerprint) ?? 0) + 1);
  }
  return counts;
}

/** How many cases are assigned to this contact (what removing them would leave pointing at a stranger). */
export function casesAssignedTo(vault: Vault, fingerprint: string): number {
  return assignedCaseCounts(vault).get(fingerprint) ?? 0;
}

/**
 * Removes a contact: nothing more can be exported to them and their files are refused as from an
 * unknown sender. Cases assigned to them keep the assignment (history is never rewritten).
 */
export function removeContact(vault: Vault, nameOrFingerprint: string): RemovedContact {
  const contact = findContact(vault, nameOrFingerprint);
  vault.transaction((db) => deleteRow(vault, db, 'contacts', contact.fingerprint));
  return { contact, assignedCases: casesAssignedTo(vault, contact.fingerprint) };
}
