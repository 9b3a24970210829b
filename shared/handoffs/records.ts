import type Database from 'better-sqlite3';
import { z } from 'zod';
import { fingerprintSchema } from '../model/case.js';
import { idSchema } from '../oplog/ops.js';
import type { Vault } from '../vault/vault.js';
import { HANDOFF_STATES, RECEIPT_OUTCOMES } from './states.js';

/**
 * What a vault remembers of hand-offs (DESIGN.md, "Hand-off lifecycle"), in two sealed records:
 *
 * - `sent`: each hand-off made here — to whom, when, in which file, whether the case was purged, the
 *   consent — and its state, moved by the receiver's receipt: sent → accepted | declined, or
 *   returned once the holder hands the case back. Where the case was purged, the record is the stub
 *   the person sees; it holds the alias only if they chose to keep that minimal trace.
 * - `received`: each hand-off imported here and what this vault decided (accepted or declined, with
 *   the reason). They are the receipts owed to each sender: written as a receipt file at the import
 *   and carried again in every later export to that sender alone, until superseded.
 *
 * A case that left this vault (handed off, or declined back to its sender) has a holder as far as
 * this vault knows: only a hand-off or a declining receipt from that holder may lift its tombstone.
 */
export { HANDOFF_STATES, RECEIPT_OUTCOMES, type HandoffState, type ReceiptOutcome } from './states.js';

const reasonSchema = z.string().trim().min(1).max(500);

export const sentHandoffSchema = z.strictObject({
  /** The export id of the hand-off file: the receipt names it. */
  handoffId: idSchema,
  caseId: idSchema,
  /** Null where the case was purged and the person kept no trace of its alias. */
  alias: z.string().max(200).nullable(),
  to: z.strictObject({ fingerprint: fingerprintSchema, name: z.string().max(200) }),
  sentAt: z.iso.datetime(),
  /** The file's name only (a folder on this laptop says nothing the receiver needs). */
  fileName: z.string().max(255),
  purged: z.boolean(),
  /** Whether the person agreed, or the coordinator handed the case off without their agreement. */
  consent: z.enum(['agreed', 'override']),
  /**
   * The consent's words: what they agreed to, or why it went without. They are about the person, so
   * a purged case's stub keeps neither (they stay in the case's history, which went with it).
   */
  agreedTo: z.string().max(300).nullable(),
  override: z.string().max(500).nullable(),
  state: z.enum(HANDOFF_STATES),
  /** The receiver's answer once a receipt came (kept when the case is back: `returned` hides it). */
  answer: z.enum(RECEIPT_OUTCOMES).nullable(),
  /** When the receiver imported the hand-off, and when their decision reached this vault. */
  receivedAt: z.iso.datetime().nullable(),
  receiptAt: z.iso.datetime().nullable(),
  reason: reasonSchema.nullable(),
  returnedAt: z.iso.datetime().nullable(),
});
export type SentHandoff = z.output<typeof sentHandoffSchema>;

export const receivedHandoffSchema = z.strictObject({
  handoffId: idSchema,
  caseId: idSchema,
  from: z.strictObject({ fingerprint: fingerprintSchema, name: z.string().max(200) }),
  receivedAt: z.iso.datetime(),
  outcome: z.enum(RECEIPT_OUTCOMES),
  reason: reasonSchema.nullable(),
});
export type ReceivedHandoff = z.output<typeof receivedHandoffSchema>;

export const handoffLedgerSchema = z.strictObject({
  sent: z.array(sentHandoffSchema).max(100_000),
  received: z.array(receivedHandoffSchema).max(100_000),
});
export type HandoffLedger = z.output<typeof handoffLedgerSchema>;

const RECORD = 'exchange.handoffs';

/** The vault's hand-off ledger (empty in a vault that never handed off or received one). */
export function readLedger(vault: Vault): HandoffLedger {
  const stored = vault.getRecord(RECORD);
  if (stored === undefined) return { sent: [], received: [] };
  return handoffLedgerSchema.parse(JSON.parse(stored));
}

/** Writes the ledger inside the caller's transaction (so it changes with the ops it describes). */
export function writeLedger(vault: Vault, ledger: HandoffLedger, db: Database.Database): void {
  vault.putRecord(RECORD, JSON.stringify(handoffLedgerSchema.parse(ledger)), db);
}
