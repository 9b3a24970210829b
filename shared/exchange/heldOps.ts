import { canonicalJson } from '../oplog/fold.js';
import type { Op } from '../oplog/ops.js';
import { OMITTABLE_FIELDS, redactOps } from './redact.js';

/**
 * An op id names one change forever, so an incoming op whose id is held here must carry the same
 * content — except where one copy went through an export that left fields out (redact.ts). This
 * tells the cases apart: the same op, an incoming copy that carries fields the held one lacks (or
 * the reverse), or a different change under a known id, which no honest sender produces.
 */
export type HeldComparison = 'same' | 'held is fuller' | 'incoming is fuller' | 'both partial' | 'different';

export function compareWithHeld(held: Op, incoming: Op): HeldComparison {
  if (deepEqual(held, incoming)) return 'same';
  if (held.type !== incoming.type) return 'different';
  const bare = (op: Op) => canonicalJson(redactOps([op], OMITTABLE_FIELDS)[0] ?? null);
  // Everything a redaction may not touch must agree.
  if (bare(held) !== bare(incoming)) return 'different';
  const heldInfo = knownParts(held);
  const incomingInfo = knownParts(incoming);
  let heldMore = false;
  let incomingMore = false;
  for (const key of new Set([...heldInfo.keys(), ...incomingInfo.keys()])) {
    const a = heldInfo.get(key);
    const b = incomingInfo.get(key);
    if (a !== undefined && b !== undefined && a !== b) return 'different';
    if (a !== undefined && b === undefined) heldMore = true;
    if (b !== undefined && a === undefined) incomingMore = true;
  }
  if (heldMore && incomingMore) return 'both partial';
  if (incomingMore) return 'incoming is fuller';
  if (heldMore) return 'held is fuller';
  return 'same';
}

/** The omittable parts an op states, as canonical text; a left-out or blank part is absent. */
function knownParts(op: Op): Map<string, string> {
  const parts = new Map<string, string>();
  const put = (key: string, value: unknown) => {
    const blank = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    if (!blank) parts.set(key, canonicalJson(value));
  };
  if (op.type === 'create') {
    for (const field of ['legalName', 'otherNames', 'location'] as const) put(field, op.fields[field]);
    const contacts = op.items.contacts;
    put('contacts', contacts && Object.keys(contacts).length > 0 ? contacts : undefined);
  } else if (op.type === 'set') {
    for (const field of ['legalName', 'otherNames', 'location'] as const) {
      if (field in op.fields) parts.set(field, canonicalJson([op.fields[field], op.prev[field] ?? []]));
    }
  }
  return parts;
}

/** Structural equality of JSON values, whatever their key order (cheaper than two canonical texts). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => deepEqual(v, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
