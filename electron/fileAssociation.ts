import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CROSSING_EXTENSION = '.crossing';

/** The platform's path rules (Windows and POSIX resolve differently; tests pass either). */
type PathApi = Pick<typeof path, 'resolve'>;

/**
 * One launch argument as a local path: a `file://` URI (Linux desktop entries pass `%U`, so a file
 * manager hands over URIs with %-escapes), or a path relative to the folder the launch came from —
 * for a second instance that is *its* working directory, not the first instance's. Other URIs
 * (smb://, sftp://, a remote host) are not files Crossing can read: null.
 */
export function localPathOf(arg: string, workingDirectory: string, paths: PathApi = path): string | null {
  if (/^file:/i.test(arg)) {
    try {
      const url = new URL(arg);
      if (url.hostname === 'localhost') url.hostname = '';
      return url.hostname === '' ? fileURLToPath(url) : null;
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return null;
  return paths.resolve(workingDirectory, arg);
}

/** The `.crossing` file a launch was asked to open (double-click, "Open with", command line), if any. */
export function crossingFileIn(
  argv: readonly string[],
  workingDirectory: string,
  paths: PathApi = path,
): string | null {
  const files = argv
    .filter((arg) => !arg.startsWith('-'))
    .map((arg) => localPathOf(arg, workingDirectory, paths))
    .filter((file): file is string => file !== null && file.toLowerCase().endsWith(CROSSING_EXTENSION));
  return files.at(-1) ?? null;
}

/**
 * Files opened with the app wait here until the UI has loaded and can show an import preview; after
 * that they go straight through. macOS sends 'open-file' even before the app is ready.
 */
export function openFileQueue(open: (filePath: string) => void) {
  const waiting: string[] = [];
  let ready = false;
  return {
    push(filePath: string): void {
      if (ready) open(filePath);
      else waiting.push(filePath);
    },
    /** The UI is listening: hand over everything that waited. */
    ready(): void {
      ready = true;
      for (const filePath of waiting.splice(0)) open(filePath);
    },
    /** The UI reloads: hold files again until it is back. */
    pause(): void {
      ready = false;
    },
  };
}
