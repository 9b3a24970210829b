/** A hand-off's journey as its sender records it, and the answers a receiver gives (DESIGN.md). */
export const HANDOFF_STATES = ['sent', 'accepted', 'declined', 'returned'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];
export const RECEIPT_OUTCOMES = ['accepted', 'declined'] as const;
export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number];
