import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../ipc/contract.js';
import { writeFileAtomically } from '../files/atomicWrite.js';
import { readFileBounded } from '../files/boundedRead.js';

export const SETTINGS_FILE = 'settings.json';
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * Settings live outside the vault (the unlock screen needs the language before any key exists) and
 * hold nothing secret. A damaged or hand-edited file never stops the app: each field that does not
 * validate falls back to its default.
 */
export class SettingsStore {
  constructor(private readonly dataDir: string) {}

  get filePath(): string {
    return path.join(this.dataDir, SETTINGS_FILE);
  }

  read(): Settings {
    let stored: unknown;
    try {
      // Settings are a few hundred bytes; anything larger is not ours and falls back to the defaults.
      const read = readFileBounded(this.filePath, MAX_SETTINGS_BYTES);
      if (!read.ok) return { ...DEFAULT_SETTINGS };
      stored = JSON.parse(read.bytes.toString('utf8'));
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ...DEFAULT_SETTINGS };
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [key, schema] of Object.entries(settingsSchema.shape)) {
      const parsed = schema.safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) settings[key] = parsed.data;
    }
    return settings as Settings;
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.read(), ...definedOnly(patch) });
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 }); // the app's folder: its owner's only
    writeFileAtomically(this.filePath, `${JSON.stringify(next, null, 2)}\n`, { replace: true });
    return next;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
