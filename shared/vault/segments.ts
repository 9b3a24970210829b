import type { Op } from '../oplog/ops.js';

/**
 * Ops are stored in sealed segments of up to ~64 KiB of JSON. One AEAD call per segment instead of
 * per op is what lets 100,000 cases open in about a second.
 */
export const SEGMENT_TARGET_BYTES = 64 * 1024;
/** Segments smaller than this are merged by compaction once there are many of them. */
export const SMALL_SEGMENT_BYTES = 8 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface SegmentPlaintext {
  bytes: Uint8Array;
  opIds: string[];
}

/** Splits ops into segment plaintexts of about the target size, in the order given. */
export function encodeSegments(ops: readonly Op[], targetBytes = SEGMENT_TARGET_BYTES): SegmentPlaintext[] {
  const out: SegmentPlaintext[] = [];
  let batch: string[] = [];
  let opIds: string[] = [];
  let size = 0;
  const flush = () => {
    out.push({ bytes: encoder.encode(`[${batch.join(',')}]`), opIds });
    batch = [];
    opIds = [];
    size = 0;
  };
  for (const op of ops) {
    const json = JSON.stringify(op);
    if (batch.length > 0 && size + json.length > targetBytes) flush();
    batch.push(json);
    opIds.push(op.id);
    size += json.length + 1;
  }
  if (batch.length > 0) flush();
  return out;
}

export function decodeSegment(plaintext: Uint8Array): Op[] {
  const parsed: unknown = JSON.parse(decoder.decode(plaintext));
  if (!Array.isArray(parsed)) throw new Error('a segment is not a list of ops');
  return parsed as Op[];
}
