import { rejectedError, usageError } from '../errors.js';
import type { Vault } from '../vault/vault.js';
import { contentTypeOf, detectContentType, SNIFF_BYTES } from './contentType.js';

export interface ViewableContent {
  type: string;
  view: 'image' | 'pdf';
  base64: string;
}

/**
 * A file's content for the viewer or a thumbnail, given out only when the app can show it. The type
 * in the file's op is whatever the vault that added it wrote, and a colleague's vault can write
 * anything: a program labelled `image/png` would reach the page as a picture. So the content's own
 * first bytes are read again here, and it is given out only when they are the type the op names.
 */
export function readForViewing(vault: Vault, fileId: string): ViewableContent {
  const { file } = vault.findFile(fileId);
  const view = contentTypeOf(file.type).view;
  if (view === null) {
    throw usageError(`${file.name} cannot be shown in Crossing: save a copy to open it elsewhere`, 'fileNotShowable', {
      name: file.name,
    });
  }
  const chunks = vault.readFile(file.id)[Symbol.iterator]();
  const parts: Uint8Array[] = [];
  try {
    for (let next = chunks.next(); !next.done; next = chunks.next()) {
      if (parts.length === 0) checkContentIs(file, next.value);
      parts.push(next.value);
    }
    const whole = Buffer.concat(parts);
    const base64 = whole.toString('base64');
    whole.fill(0);
    return { type: file.type, view, base64 };
  } finally {
    for (const part of parts) part.fill(0);
    // Stopped early (a refusal): the reader wipes the file's key as it closes.
    chunks.return?.();
  }
}

function checkContentIs(file: { name: string; type: string }, firstChunk: Uint8Array): void {
  const actual = detectContentType(firstChunk.subarray(0, SNIFF_BYTES));
  if (actual.mime === file.type) return;
  const what = actual.executable ? `a program (${actual.mime})` : actual.mime;
  throw rejectedError(
    `${file.name} is recorded as ${file.type} but its content is ${what}: Crossing does not open it. ` +
      'Whoever added it may have mislabelled it; save a copy only if you trust them, and never run it',
    'fileMislabelled',
    { name: file.name },
  );
}
