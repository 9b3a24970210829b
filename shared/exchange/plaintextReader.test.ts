import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { PlaintextReader } from './plaintextReader.js';

/** Payload chunks read back as a byte stream, whatever the boundaries. */
const chunked = (bytes: Buffer, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    Uint8Array.from(bytes.subarray(i * size, (i + 1) * size)),
  );

it('reads by length, in pieces of a fixed size, then the rest, across chunk boundaries', () => {
  const bytes = randomBytes(1000);
  const reader = new PlaintextReader(chunked(bytes, 64)[Symbol.iterator]());
  expect(Buffer.from(reader.read(10)).equals(bytes.subarray(0, 10))).toBe(true);
  expect(reader.readByte()).toBe(bytes[10]);
  const pieces = [...reader.pieces(500, 100)];
  expect(pieces.map((p) => p.length)).toEqual([100, 100, 100, 100, 100]);
  expect(Buffer.concat(pieces).equals(bytes.subarray(11, 511))).toBe(true);
  const parts: Buffer[] = [];
  for (const piece of reader.rest()) parts.push(Buffer.from(piece)); // a view, copied before the next
  const rest = Buffer.concat(parts);
  expect(rest.equals(bytes.subarray(511))).toBe(true);
  expect(reader.readByte()).toBe(-1);
});

it('stops short where the plaintext ends', () => {
  const reader = new PlaintextReader(chunked(randomBytes(150), 64)[Symbol.iterator]());
  expect([...reader.pieces(400, 100)].map((p) => p.length)).toEqual([100, 50]);
  expect(reader.read(10).length).toBe(0);
});

it('wipes each chunk once read past, so a decrypted payload does not linger', () => {
  const chunks = chunked(randomBytes(128), 64);
  const reader = new PlaintextReader(chunks[Symbol.iterator]());
  reader.read(100);
  expect(chunks[0]!.every((b) => b === 0)).toBe(true);
});
