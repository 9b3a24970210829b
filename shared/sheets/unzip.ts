import { Inflate } from 'fflate';
import { refuseSheet } from './sheetErrors.js';

/**
 * The few entries of an XLSX archive Crossing reads, unpacked with a budget. The sizes an archive
 * declares are not trusted (a zip bomb lies about them): compressed bytes are fed to fflate's
 * inflater in small slices, and unpacking stops as soon as the bytes it produced pass the budget.
 * One slice of 16 KiB inflates to at most ~17 MB (deflate's ratio is bounded near 1:1032), so
 * memory never runs far past the limit before the refusal.
 */
interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const SLICE = 16 * 1024;

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private unpacked = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxUnpackedBytes: number,
  ) {
    for (const entry of readCentralDirectory(bytes)) this.entries.set(entry.name, entry);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry as UTF-8 text, decoded as it unpacks (no second copy of a large sheet in memory). */
  readText(name: string): string | undefined {
    const decoder = new TextDecoder();
    const parts: string[] = [];
    if (!this.unpack(name, (chunk) => parts.push(decoder.decode(chunk, { stream: true })))) return undefined;
    parts.push(decoder.decode());
    return parts.join('');
  }

  private unpack(name: string, sink: (chunk: Uint8Array) => void): boolean {
    const entry = this.entries.get(name);
    if (!entry) return false;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged(`entry ${name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw damaged(`entry ${name} is cut short`);
    if (entry.method === 0) sink(this.count(data));
    else if (entry.method === 8) this.inflate(name, data, sink);
    else throw damaged(`entry ${name} uses compression method ${entry.method}`);
    return true;
  }

  private inflate(name: string, data: Uint8Array, sink: (chunk: Uint8Array) => void): void {
    let size = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      if (this.unpacked + size > this.maxUnpackedBytes) over = true;
      else sink(chunk);
    });
    try {
      for (let i = 0; i < data.length && !over; i += SLICE) {
        inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
      }
    } catch {
      throw damaged(`entry ${name} cannot be unpacked`);
    }
    if (over) throw tooLarge(this.maxUnpackedBytes);
    this.unpacked += size;
  }

  private count(data: Uint8Array): Uint8Array {
    this.unpacked += data.length;
    if (this.unpacked > this.maxUnpackedBytes) throw tooLarge(this.maxUnpackedBytes);
    return data;
  }
}

function readCentralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 65,557 bytes (22 bytes and a comment of at most 65,535).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('the archive has no directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw damaged('ZIP64 archives are not read');
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged('the directory is cut short');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw refuseSheet('protected', `the archive's entry ${name} is encrypted`);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const damaged = (what: string) => refuseSheet('damaged', `the spreadsheet is damaged: ${what}`);
const tooLarge = (limit: number) =>
  refuseSheet(
    'unpacked',
    `the spreadsheet unpacks to more than ${Math.round(limit / (1024 * 1024))} MiB, far more than a sheet of cases holds: it may be a zip bomb, and was not read further`,
  );
