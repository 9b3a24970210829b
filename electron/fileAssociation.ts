export const CROSSING_EXTENSION = '.crossing';

/** The `.crossing` file a launch was asked to open (double-click, "Open with", command line), if any. */
export function crossingFileIn(argv: readonly string[]): string | null {
  const files = argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(CROSSING_EXTENSION));
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
