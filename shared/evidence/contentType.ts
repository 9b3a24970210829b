/**
 * A file's type from its first bytes (magic numbers), never from its name: a name is whatever the
 * sender typed, and an executable renamed `passport.jpg` must not be opened as a picture.
 */
export interface ContentType {
  /** Media type, e.g. `image/jpeg`; `application/octet-stream` when nothing is recognised. */
  mime: string;
  /** How the app may show it: an image from a blob: URL, a PDF through pdf.js, or not at all. */
  view: 'image' | 'pdf' | null;
  /** A program or script: stored like any file, never opened by the app. */
  executable: boolean;
}

/** How many leading bytes `detectContentType` needs. */
export const SNIFF_BYTES = 16;

const UNKNOWN: ContentType = { mime: 'application/octet-stream', view: null, executable: false };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: ReadonlyArray<{ test: (b: Uint8Array) => boolean; type: ContentType }> = [
  { test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), type: { mime: 'image/jpeg', view: 'image', executable: false } },
  {
    test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    type: { mime: 'image/png', view: 'image', executable: false },
  },
  { test: (b) => startsWith(b, ascii('GIF8')), type: { mime: 'image/gif', view: 'image', executable: false } },
  {
    test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
    type: { mime: 'image/webp', view: 'image', executable: false },
  },
  {
    test: (b) =>
      startsWith(b, ascii('ftyp'), 4) && ['heic', 'heix', 'mif1', 'msf1'].some((t) => startsWith(b, ascii(t), 8)),
    type: { mime: 'image/heic', view: null, executable: false },
  },
  {
    test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
    type: { mime: 'image/tiff', view: null, executable: false },
  },
  { test: (b) => startsWith(b, ascii('%PDF-')), type: { mime: 'application/pdf', view: 'pdf', executable: false } },
  {
    test: (b) => startsWith(b, ascii('PK\u0003\u0004')),
    type: { mime: 'application/zip', view: null, executable: false },
  },
  // Programs: ELF, Windows PE, Mach-O (32/64-bit, both byte orders, universal), scripts with #!.
  { test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]), type: executable('application/x-elf') },
  { test: (b) => startsWith(b, ascii('MZ')), type: executable('application/vnd.microsoft.portable-executable') },
  {
    test: (b) =>
      [
        [0xfe, 0xed, 0xfa, 0xce],
        [0xfe, 0xed, 0xfa, 0xcf],
        [0xce, 0xfa, 0xed, 0xfe],
        [0xcf, 0xfa, 0xed, 0xfe],
        [0xca, 0xfe, 0xba, 0xbe],
      ].some((magic) => startsWith(b, magic)),
    type: executable('application/x-mach-binary'),
  },
  { test: (b) => startsWith(b, ascii('#!')), type: executable('text/x-shellscript') },
];

function executable(mime: string): ContentType {
  return { mime, view: null, executable: true };
}

export function detectContentType(head: Uint8Array): ContentType {
  return SIGNATURES.find((s) => s.test(head))?.type ?? UNKNOWN;
}

/** The type a stored file's media type stands for (the viewer trusts only what detection gave). */
export function contentTypeOf(mime: string): ContentType {
  for (const { type } of SIGNATURES) if (type.mime === mime) return type;
  return UNKNOWN;
}
