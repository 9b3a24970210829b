import { usageError } from '../errors.js';
import type { Bundle } from '../exchange/bundle.js';
import { refuse } from '../exchange/openBundle.js';
import { hlcMillis } from '../oplog/hlc.js';
import type { Op } from '../oplog/ops.js';
import { applyReceipt, holderOf, judgeReceipt, markReturned, recordReceived, type Receipt } from './ledger.js';
import type { HandoffLedger, ReceiptOutcome } from './records.js';

/**
 * What an import does to hand-offs, decided before anything is written (importSealedFile.ts runs it
 * after the ops and before the files are checked). In order:
 *
 * 1. Receipts: each must answer a hand-off made here, to the file's signer, for the case it names,
 *    without contradicting a decision already recorded (ledger.ts `judgeReceipt`). A receipt file
 *    must answer something new, and carry no case but one it declines.
 * 2. Purged cases: a hand-off (or a declining receipt) from the person this vault handed the case
 *    to lifts its tombstone — the case comes back with its whole history. A hand-off of a purged case
 *    from anyone else is refused; an ordinary export's changes to it are skipped, as always.
 * 3. A hand-off received here is recorded with this vault's decision: the receipt owed to its sender.
 */
export interface ReturnedCase {
  caseId: string;
  /** Whom this vault handed it to, and when. */
  handedTo: string;
  handedOn: string;
  /** The file's changes to it made since it left. */
  changes: number;
}

export interface ReceiptSettled {
  handoffId: string;
  caseId: string;
  outcome: ReceiptOutcome;
  reason: string | null;
  receivedAt: string;
  /** Whom the case was handed to, and its alias if this vault kept it. */
  to: string;
  alias: string | null;
  /** False for a receipt already recorded (carried again in a later export). */
  isNew: boolean;
}

export interface HandoffPlan {
  ledger: HandoffLedger;
  changed: boolean;
  /** Purged cases whose tombstones go in the import's transaction. */
  lift: Set<string>;
  /** Purged cases that stay purged: the merge skips their ops. */
  skipped: Set<string>;
  returns: ReturnedCase[];
  receipts: ReceiptSettled[];
  /** The hand-off this file is, as this vault answers it (null for other files). */
  handoff: { handoffId: string; caseIds: string[]; outcome: ReceiptOutcome; reason: string | null } | null;
}

export interface PlanInput {
  ledger: HandoffLedger;
  bundle: Bundle;
  ops: readonly Op[];
  sender: { fingerprint: string; name: string; self: boolean };
  /** This vault's own key: its own ops in a returned case are not changes made since it left. */
  me: string;
  /** When the case was purged here, or null. */
  purgedAt: (caseId: string) => string | null;
  /** The person declines the hand-off, for this reason. */
  decline?: string | undefined;
  now: string;
}

export function planHandoffs(input: PlanInput): HandoffPlan {
  const { bundle, ops, sender, now } = input;
  const decline = input.decline?.trim() || null;
  if (input.decline !== undefined && bundle.kind !== 'handoff') {
    throw usageError(`only a hand-off can be declined: this file is ${articled(bundle.kind)}`, 'notAHandoff');
  }
  if (input.decline !== undefined && decline === null)
    throw usageError('say why the hand-off is declined: the sender reads it on the receipt', 'commandLine');
  if (decline !== null && decline.length > 500)
    throw usageError('the reason for declining is at most 500 characters', 'commandLine');
  let ledger = input.ledger;
  const signer = { fingerprint: sender.fingerprint, name: sender.name };

  // 1. Receipts (a vault's own files answer nothing).
  const receipts: Receipt[] = sender.self ? [] : (bundle.receipts ?? []);
  if (bundle.kind === 'receipt' && receipts.length === 0)
    throw refuse('receipt', 'it is a receipt file, but it answers no hand-off');
  const settled: ReceiptSettled[] = [];
  for (const receipt of receipts) {
    const verdict = judgeReceipt(ledger, receipt, signer);
    if (verdict.kind === 'refuse') throw refuse('receipt', verdict.problem);
    settled.push({
      handoffId: receipt.handoffId,
      caseId: receipt.caseId,
      outcome: receipt.outcome,
      reason: receipt.reason,
      receivedAt: receipt.receivedAt,
      to: verdict.record.to.name,
      alias: verdict.record.alias,
      isNew: verdict.kind === 'apply',
    });
    if (verdict.kind === 'apply') ledger = applyReceipt(ledger, receipt, now);
  }
  // Known already (an earlier export carried the answer) is no refusal while the file still brings
  // the declined case back: that file is the only copy of it on the way.
  if (bundle.kind === 'receipt' && settled.every((s) => !s.isNew) && ops.length === 0) {
    const first = settled[0]!;
    throw refuse(
      'receipt',
      `it was recorded before: the hand-off to ${first.to} is already marked ${first.outcome}, and this receipt changes nothing`,
    );
  }
  const declinedHere = new Set(settled.filter((s) => s.outcome === 'declined').map((s) => s.caseId));
  const caseIds = [...new Set(ops.map((op) => op.caseId))];
  if (bundle.kind === 'receipt') {
    const stray = caseIds.find((caseId) => !declinedHere.has(caseId));
    if (stray !== undefined)
      throw refuse(
        'receipt',
        `a receipt carries back only a case it declines, and this one carries changes to case ${stray}`,
      );
  }

  // 2. Purged cases coming back from their holder.
  const lift = new Set<string>();
  const skipped = new Set<string>();
  const returns: ReturnedCase[] = [];
  const returning = bundle.kind === 'handoff' || bundle.kind === 'receipt';
  for (const caseId of caseIds) {
    const purgedAt = input.purgedAt(caseId);
    if (purgedAt === null) continue;
    const holder = holderOf(input.ledger, caseId);
    const mayReturn = bundle.kind === 'handoff' || declinedHere.has(caseId);
    if (returning && mayReturn && holder?.fingerprint === sender.fingerprint && !sender.self) {
      lift.add(caseId);
      const since = Date.parse(holder.since);
      returns.push({
        caseId,
        handedTo: holder.name,
        handedOn: holder.since,
        changes: ops.filter((op) => op.caseId === caseId && op.author !== input.me && hlcMillis(op.hlc) > since).length,
      });
      ledger = markReturned(ledger, caseId, now);
    } else if (bundle.kind !== 'handoff') {
      skipped.add(caseId);
    } else {
      throw refuse(
        'handoff',
        holder
          ? `case ${caseId} was purged here after it was handed to ${holder.name} on ${holder.since}: only ${holder.name} can hand it back, not ${sender.name}`
          : `case ${caseId} was purged here on ${purgedAt}, not handed off: it cannot come back`,
      );
    }
  }

  // 3. The hand-off this file is, answered.
  let handoff: HandoffPlan['handoff'] = null;
  if (bundle.kind === 'handoff' && !sender.self) {
    const outcome: ReceiptOutcome = decline === null ? 'accepted' : 'declined';
    handoff = { handoffId: bundle.exportId, caseIds, outcome, reason: decline };
    for (const caseId of caseIds) {
      ledger = recordReceived(ledger, {
        handoffId: bundle.exportId,
        caseId,
        from: signer,
        receivedAt: now,
        outcome,
        reason: decline,
      });
    }
  }
  return { ledger, changed: ledger !== input.ledger, lift, skipped, returns, receipts: settled, handoff };
}

const articled = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);
