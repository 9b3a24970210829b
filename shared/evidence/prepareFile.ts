import path from 'node:path';
import { rejectedError, usageError } from '../errors.js';
import type { EvidenceFile } from '../model/case.js';
import { CHUNK_BYTES } from './chunks.js';
import { SNIFF_BYTES, detectContentType, type ContentType } from './contentType.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  closeSource,
  megabytes,
  openSource,
  readSourceChunks,
  readSourceHead,
  readSourceWhole,
} from './sourceFile.js';
import { canStrip, stripMetadata, type MetadataKind } from './stripMetadata.js';

/**
 * A file made ready to be sealed: opened and checked (sourceFile.ts), typed from its content, and,
 * for a JPEG or PNG, stripped of its metadata unless the person chose to keep the original bytes.
 * A photo whose structure cannot be followed is refused rather than kept with its metadata.
 */
export interface PrepareOptions {
  maxBytes?: number;
  keepMetadata?: boolean;
}

export interface PreparedFile {
  name: string;
  type: ContentType;
  removed: MetadataKind[];
  keptMetadata: boolean;
  /** The content to seal, in chunks; read once. */
  chunks: () => Iterable<Uint8Array>;
  close: () => void;
}

/** A file to add: a path the person chose, or bytes dropped on the window (never written to disk). */
export type FileSource = string | { name: string; bytes: Uint8Array };

export function prepareSource(source: FileSource, options: PrepareOptions = {}): PreparedFile {
  return typeof source === 'string' ? prepareFile(source, options) : prepareBytes(source.name, source.bytes, options);
}

/** Dropped bytes: the same checks as a file on disk (empty, over the limit), the same stripping. */
export function prepareBytes(rawName: string, bytes: Uint8Array, options: PrepareOptions = {}): PreparedFile {
  const name = fileNameOf(rawName);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length === 0) throw usageError(`${name} is empty: there is nothing to keep`, 'fileEmpty', { name });
  if (bytes.length > maxBytes) {
    throw usageError(
      `${name} is ${megabytes(bytes.length)}, over the limit of ${megabytes(maxBytes)} a file: ` +
        'raise the limit in the settings, or split or compress the file',
      'fileTooLarge',
      { name, limit: megabytes(maxBytes) },
    );
  }
  const type = detectContentType(bytes.subarray(0, SNIFF_BYTES));
  const keep = (options.keepMetadata ?? false) || !canStrip(type.mime);
  const stripped = keep ? { bytes, removed: [] } : stripOrRefuse(name, type, bytes);
  return {
    name,
    type,
    removed: stripped.removed,
    keptMetadata: (options.keepMetadata ?? false) && canStrip(type.mime),
    chunks: () => sliceChunks(stripped.bytes),
    close: () => {
      if (stripped.bytes !== bytes) stripped.bytes.fill(0);
    },
  };
}

function stripOrRefuse(label: string, type: ContentType, bytes: Uint8Array): ReturnType<typeof stripMetadata> {
  try {
    return stripMetadata(type.mime, bytes);
  } catch (error) {
    throw rejectedError(
      `${label} looks like ${type.mime} but its structure cannot be followed (${(error as Error).message}), ` +
        'so its metadata cannot be removed: it was not added. To keep it exactly as it is, add it with the original bytes kept',
      'fileUnfollowable',
      { name: label },
    );
  }
}

export function prepareFile(filePath: string, options: PrepareOptions = {}): PreparedFile {
  const source = openSource(filePath, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  try {
    const type = detectContentType(readSourceHead(source, SNIFF_BYTES));
    const name = fileNameOf(filePath);
    const keepMetadata = options.keepMetadata ?? false;
    if (keepMetadata || !canStrip(type.mime)) {
      return {
        name,
        type,
        removed: [],
        keptMetadata: keepMetadata && canStrip(type.mime),
        chunks: () => readSourceChunks(source),
        close: () => closeSource(source),
      };
    }
    const original = readSourceWhole(source);
    let stripped: ReturnType<typeof stripMetadata>;
    try {
      stripped = stripOrRefuse(filePath, type, original);
    } catch (error) {
      original.fill(0);
      throw error;
    }
    const content = stripped.bytes;
    return {
      name,
      type,
      removed: stripped.removed,
      keptMetadata: false,
      chunks: () => sliceChunks(content),
      close: () => {
        original.fill(0);
        if (content !== original) content.fill(0);
        closeSource(source);
      },
    };
  } catch (error) {
    closeSource(source);
    throw error;
  }
}

function* sliceChunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** The name shown for a file: its base name, without control characters, at most 255 characters. */
export function fileNameOf(filePath: string): string {
  const cleaned = path
    .basename(filePath)
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return (cleaned || 'file').slice(0, 255);
}

/** The kind a file gets when the person names none: a photo for pictures, "other" for the rest. */
export function defaultKind(type: ContentType): EvidenceFile['kind'] {
  return type.view === 'image' ? 'photo' : 'other';
}
