import { z } from 'zod';
import { idSchema } from '../oplog/ops.js';
import {
  RECEIPT_OUTCOMES,
  type HandoffLedger,
  type ReceiptOutcome,
  type ReceivedHandoff,
  type SentHandoff,
} from './records.js';

/**
 * The hand-off ledger's rules as pure functions over plain data: who holds a case that left this
 * vault, what a receipt says and whether it may be applied, which receipts are owed to whom.
 */

/** A receiver's answer to one hand-off, signed inside their bundle (bundle.ts `receipts`). */
export const receiptSchema = z.strictObject({
  handoffId: idSchema,
  caseId: idSchema,
  outcome: z.enum(RECEIPT_OUTCOMES),
  reason: z.string().trim().min(1).max(500).nullable(),
  receivedAt: z.iso.datetime(),
});
export type Receipt = z.output<typeof receiptSchema>;
export const MAX_RECEIPTS_PER_BUNDLE = 10_000;

export interface Holder {
  fingerprint: string;
  name: string;
  since: string;
}

/**
 * Where the case went when it last left this vault: to whom it was handed off with a purge, or
 * declined back to.
 * Null when it never left, or came back since (a hand-off from its holder was accepted here).
 */
export function holderOf(ledger: HandoffLedger, caseId: string): Holder | null {
  let latest: { at: string; holder: Holder | null } | null = null;
  const consider = (at: string, holder: Holder | null) => {
    if (!latest || at >= latest.at) latest = { at, holder };
  };
  for (const sent of ledger.sent) {
    // A hand-off that kept the case here let nothing go: a purge after it was a purge on request.
    if (sent.caseId !== caseId || !sent.purged) continue;
    // Back here since (returned, or declined with the case): this hand-off no longer names a holder.
    if (sent.returnedAt !== null) {
      consider(sent.returnedAt, null);
      continue;
    }
    consider(sent.sentAt, {
      fingerprint: sent.to.fingerprint,
      name: sent.to.name,
      since: sent.sentAt,
    });
  }
  for (const received of ledger.received) {
    if (received.caseId !== caseId) continue;
    consider(
      received.receivedAt,
      received.outcome === 'declined'
        ? {
            fingerprint: received.from.fingerprint,
            name: received.from.name,
            since: received.receivedAt,
          }
        : null,
    );
  }
  return (latest as { holder: Holder | null } | null)?.holder ?? null;
}

/** The latest hand-off of the case made here (the record a return or a declining receipt settles). */
export function latestSent(ledger: HandoffLedger, caseId: string): SentHandoff | undefined {
  let found: SentHandoff | undefined;
  for (const sent of ledger.sent) if (sent.caseId === caseId && (!found || sent.sentAt >= found.sentAt)) found = sent;
  return found;
}

export const recordSent = (ledger: HandoffLedger, sent: SentHandoff): HandoffLedger => ({
  ...ledger,
  sent: [...ledger.sent, sent],
});

/** A hand-off imported here, with this vault's decision; one per hand-off file (the first stays). */
export function recordReceived(ledger: HandoffLedger, received: ReceivedHandoff): HandoffLedger {
  if (ledger.received.some((r) => r.handoffId === received.handoffId && r.caseId === received.caseId)) return ledger;
  return { ...ledger, received: [...ledger.received, received] };
}

/** Receipts this vault owes a sender: carried in every export made for that sender alone. */
export function receiptsOwedTo(ledger: HandoffLedger, fingerprint: string): Receipt[] {
  return ledger.received
    .filter((r) => r.from.fingerprint === fingerprint)
    .map((r) => ({
      handoffId: r.handoffId,
      caseId: r.caseId,
      outcome: r.outcome,
      reason: r.reason,
      receivedAt: r.receivedAt,
    }));
}

export type ReceiptVerdict =
  | { kind: 'apply'; receipt: Receipt; record: SentHandoff }
  /** Already recorded with the same outcome: a copy carried again in a later export. */
  | { kind: 'known'; receipt: Receipt; record: SentHandoff }
  | { kind: 'refuse'; problem: string };

/**
 * Whether a receipt signed by `signer` may settle one of this vault's hand-offs. Refused: a receipt
 * for a hand-off never made here, one signed by anyone but the person it was handed to, one naming
 * another case, and one that contradicts the decision already recorded.
 */
export function judgeReceipt(
  ledger: HandoffLedger,
  receipt: Receipt,
  signer: { fingerprint: string; name: string },
): ReceiptVerdict {
  const record = ledger.sent.find((s) => s.handoffId === receipt.handoffId);
  if (!record) {
    return {
      kind: 'refuse',
      problem: `it answers hand-off ${receipt.handoffId}, which was never made from this vault`,
    };
  }
  if (record.to.fingerprint !== signer.fingerprint) {
    return {
      kind: 'refuse',
      problem: `it answers the hand-off to ${record.to.name}, but ${signer.name} signed it: only the person a case was handed to can answer for it`,
    };
  }
  if (record.caseId !== receipt.caseId) {
    return {
      kind: 'refuse',
      problem: `it names case ${receipt.caseId}, but that hand-off carried case ${record.caseId}`,
    };
  }
  const decided: ReceiptOutcome | null = record.answer;
  if (decided === null) return { kind: 'apply', receipt, record };
  if (decided === receipt.outcome) return { kind: 'known', receipt, record };
  return {
    kind: 'refuse',
    problem: `the hand-off to ${record.to.name} was already recorded as ${decided} on ${record.receiptAt}; this receipt says ${receipt.outcome}`,
  };
}

/** The ledger after a receipt settled its hand-off. */
export function applyReceipt(ledger: HandoffLedger, receipt: Receipt, at: string): HandoffLedger {
  return {
    ...ledger,
    sent: ledger.sent.map((s) =>
      s.handoffId !== receipt.handoffId
        ? s
        : {
            ...s,
            // A case already back keeps `returned`; the answer is kept all the same.
            state: s.state === 'returned' ? 'returned' : receipt.outcome,
            answer: receipt.outcome,
            receivedAt: receipt.receivedAt,
            receiptAt: at,
            reason: receipt.reason,
          },
    ),
  };
}

/**
 * The ledger once the case came back from its holder: handed back (the hand-off is then `returned`)
 * or carried back by a declining receipt (it stays `declined`, and is back all the same).
 */
export function markReturned(ledger: HandoffLedger, caseId: string, at: string): HandoffLedger {
  const latest = latestSent(ledger, caseId);
  if (!latest) return ledger;
  return {
    ...ledger,
    sent: ledger.sent.map((s) =>
      s === latest ? { ...s, state: s.state === 'declined' ? 'declined' : 'returned', returnedAt: at } : s,
    ),
  };
}

/**
 * A restored backup's ledger beside the one held: every hand-off once. Where both know a hand-off,
 * the one that knows more of its journey (a receipt, a return) is kept.
 */
export function mergeLedgers(held: HandoffLedger, restored: HandoffLedger): HandoffLedger {
  const progress = (s: SentHandoff) => (s.returnedAt ? 2 : 0) + (s.receiptAt ? 1 : 0);
  const sent = new Map(held.sent.map((s) => [s.handoffId, s]));
  for (const s of restored.sent) {
    const known = sent.get(s.handoffId);
    if (!known || progress(s) > progress(known)) sent.set(s.handoffId, s);
  }
  let merged: HandoffLedger = { sent: [...sent.values()], received: held.received };
  for (const r of restored.received) merged = recordReceived(merged, r);
  return merged;
}
