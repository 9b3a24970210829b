import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';

/**
 * Small real image files, built byte by byte for tests (no pasted blobs). The JPEG is structurally
 * complete (markers, a scan, EOI) though its entropy-coded data is not a picture; exiftool reads and
 * writes it as any JPEG. The PNG is a real 2×2 picture.
 */
export function segment(marker: number, body: Uint8Array): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

export function minimalJpeg(): Buffer {
  const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof0 = Buffer.from([8, 0, 2, 0, 2, 1, 1, 0x11, 0]);
  const sos = Buffer.from([1, 1, 0, 0, 0x3f, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xc0, sof0),
    segment(0xda, sos),
    Buffer.from([0x12, 0x34, 0x56, 0x78]), // scan data
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An RGB PNG (2×2 unless sized) of soft diagonal bands; `text` adds tEXt chunks (keyword → text),
 * `time` a tIME chunk.
 */
export function minimalPng(
  options: { text?: Record<string, string>; time?: boolean; fill?: number; width?: number; height?: number } = {},
): Buffer {
  const width = options.width ?? 2;
  const height = options.height ?? 2;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const fill = options.fill ?? 0x80;
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (1 + width * 3) + 1 + x * 3;
      const band = ((x + y) >> 4) % 2 === 0 ? 0 : 0x30;
      rows.set([fill, 0x20 + band, 0x60 + band], at);
    }
  }
  const texts = Object.entries(options.text ?? {}).map(([key, value]) =>
    pngChunk('tEXt', Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')])),
  );
  const time = options.time ? [pngChunk('tIME', Buffer.from([0x07, 0xe9, 1, 2, 3, 4, 5]))] : [];
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...texts,
    ...time,
    pngChunk('IDAT', zlib.deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes GPS position, time and camera serial into a JPEG with Debian's exiftool, as a phone would. */
export function addPhoneMetadata(file: string): void {
  const result = spawnSync(
    'exiftool',
    [
      '-overwrite_original',
      '-GPSLatitude=43.3178',
      '-GPSLatitudeRef=N',
      '-GPSLongitude=45.6949',
      '-GPSLongitudeRef=E',
      '-DateTimeOriginal=2025:03:01 12:00:00',
      '-SerialNumber=SAFEHOUSE-CAMERA-0042',
      '-XMP:Description=taken at the safe house',
      '-IPTC:City=Grozny',
      '-Comment=phone comment',
      file,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`exiftool failed: ${result.stderr}`);
}

/** exiftool's view of a file: every tag it finds, by group, as JSON. */
export function readMetadata(file: string): Record<string, unknown> {
  const result = spawnSync('exiftool', ['-j', '-G', '-a', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`exiftool failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as Array<Record<string, unknown>>)[0]!;
}
