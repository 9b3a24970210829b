/**
 * Reads a decrypted payload given chunk by chunk (ageStream.ts) as a stream of bytes: the bundle
 * head and text by length, then each evidence file's region in pieces, then the padding. Chunks are
 * wiped once read past; what it returns is a copy the caller owns.
 */
export class PlaintextReader {
  private current: Uint8Array = new Uint8Array(0);
  private at = 0;
  private ended = false;

  constructor(private readonly chunks: Iterator<Uint8Array>) {}

  /** Up to `n` bytes: fewer only where the plaintext ends. */
  read(n: number): Uint8Array {
    const out = Buffer.alloc(n);
    let got = 0;
    while (got < n && this.fill()) {
      const take = Math.min(n - got, this.current.length - this.at);
      out.set(this.current.subarray(this.at, this.at + take), got);
      this.at += take;
      got += take;
    }
    return out.subarray(0, got);
  }

  /** The next byte, or -1 at the end. */
  readByte(): number {
    if (!this.fill()) return -1;
    return this.current[this.at++]!;
  }

  /** `n` bytes in pieces of `size` (the last shorter); stops early where the plaintext ends. */
  *pieces(n: number, size: number): Generator<Uint8Array> {
    for (let left = n; left > 0;) {
      const piece = this.read(Math.min(size, left));
      if (piece.length === 0) return;
      left -= piece.length;
      yield piece;
      if (piece.length < Math.min(size, left + piece.length)) return;
    }
  }

  /** Everything left, in the pieces it comes in (a view: the caller must not keep it). */
  *rest(): Generator<Uint8Array> {
    while (this.fill()) {
      const piece = this.current.subarray(this.at);
      this.at = this.current.length;
      yield piece;
    }
  }

  /** Whether a chunk remains, reading (and so authenticating) the next one if needed. */
  private fill(): boolean {
    while (this.at >= this.current.length) {
      this.current.fill(0);
      if (this.ended) return false;
      const next = this.chunks.next();
      if (next.done) {
        this.ended = true;
        this.current = new Uint8Array(0);
        return false;
      }
      this.current = next.value;
      this.at = 0;
    }
    return true;
  }
}
