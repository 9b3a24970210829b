import { refuseSheet } from './sheetErrors.js';

/**
 * The text of a CSV file. Russian Excel on Windows saves "CSV" in Windows-1251 without a BOM, newer
 * Excel saves UTF-8 with a BOM, "Unicode text" is UTF-16 with a BOM; so a BOM decides, then strict
 * UTF-8 (which Windows-1251 text practically never passes), then Windows-1251. A person who knows
 * better chooses the encoding. TextDecoder knows windows-1251 in Node with full ICU and in Chromium.
 */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

export function decodeText(bytes: Uint8Array, chosen?: TextEncoding): DecodedText {
  const encoding = chosen ?? detectEncoding(bytes);
  let text: string;
  try {
    // fatal: a wrong choice of encoding is refused rather than imported as replacement characters.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuseSheet(
      'encoding',
      `the file is not valid ${encoding} text: choose the encoding it was saved in (${'utf-8, utf-16le, utf-16be, windows-1251'})`,
      { encoding },
    );
  }
  return { text, encoding };
}

/**
 * True when the bytes are no text file at all (a picture, an archive, a program): NUL bytes outside
 * UTF-16 text. Checked on the first 8 KiB, which is where any binary format shows it.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  const encoding = detectEncoding(head);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  return head.includes(0);
}
