import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';

/**
 * Why a file handed to the app (double-click, command line) cannot be taken, or null when it can: a
 * file manager may hand over a path that is gone, a folder, a device, or a file this user cannot read.
 */
export function whyUnopenable(filePath: string): 'missing' | 'not-a-file' | 'unreadable' | null {
  try {
    if (!fs.statSync(filePath).isFile()) return 'not-a-file';
    fs.accessSync(filePath, fs.constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
}

export interface FileRef {
  token: string;
  name: string;
}

/** How many chosen files are remembered: enough for any session, bounded so tokens cannot pile up. */
const MAX_REFS = 64;

/**
 * Files a person chose in a dialog (or opened with the app). The UI only ever holds the random
 * token, so a compromised renderer cannot name a path of its own choosing.
 */
export class FileRefs {
  private readonly paths = new Map<string, string>();

  register(filePath: string): FileRef {
    const token = crypto.randomBytes(16).toString('hex');
    this.paths.set(token, path.resolve(filePath));
    if (this.paths.size > MAX_REFS) this.paths.delete(this.paths.keys().next().value!);
    return { token, name: path.basename(filePath) };
  }

  resolve(token: string): string {
    const found = this.paths.get(token);
    if (found === undefined) throw usageError('this file is no longer known: choose it again', 'fileGone');
    return found;
  }

  refOf(token: string): FileRef {
    return { token, name: path.basename(this.resolve(token)) };
  }
}
