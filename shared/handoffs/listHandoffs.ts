import { listContacts } from '../exchange/contacts.js';
import type { Vault } from '../vault/vault.js';
import { readLedger, type ReceivedHandoff, type SentHandoff } from './records.js';

/**
 * The hand-offs for people to read: those made here, newest first, each with the case still held
 * or only its stub; those received, newest first. A contact renamed since shows under its new name.
 */
export interface HandoffList {
  /** `heldAlias`: the case's alias now, while it is held here (the record's own may be null). */
  sent: Array<SentHandoff & { caseHeld: boolean; heldAlias: string | null }>;
  /** `alias`: the case's alias while it is held here (a declined one left with its receipt). */
  received: Array<ReceivedHandoff & { alias: string | null }>;
  counts: { awaiting: number; accepted: number; declined: number; returned: number; received: number };
}

export function listHandoffs(vault: Vault): HandoffList {
  const ledger = readLedger(vault);
  const names = new Map(listContacts(vault).map((c) => [c.fingerprint, c.name]));
  const renamed = <T extends { fingerprint: string; name: string }>(who: T): T => ({
    ...who,
    name: names.get(who.fingerprint) ?? who.name,
  });
  const newestFirst = <T>(items: T[], at: (item: T) => string) => items.sort((a, b) => (at(a) < at(b) ? 1 : -1));
  const sent = newestFirst(
    ledger.sent.map((s) => {
      const heldAlias = vault.heldAlias(s.caseId);
      return { ...s, to: renamed(s.to), caseHeld: heldAlias !== null, heldAlias };
    }),
    (s) => s.sentAt,
  );
  const received = newestFirst(
    ledger.received.map((r) => ({ ...r, from: renamed(r.from), alias: vault.heldAlias(r.caseId) })),
    (r) => r.receivedAt,
  );
  const count = (state: SentHandoff['state']) => sent.filter((s) => s.state === state).length;
  return {
    sent,
    received,
    counts: {
      awaiting: count('sent'),
      accepted: count('accepted'),
      declined: count('declined'),
      returned: count('returned'),
      received: received.length,
    },
  };
}
