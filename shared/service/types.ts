import type { Channel, ChannelResult, EventName, EventPayload, ParsedArgs } from '../ipc/contract.js';
import type { FileRefs } from './fileRefs.js';
import type { Session } from './session.js';
import type { SettingsStore } from './settingsStore.js';

/** What a file dialog is asked to save: decides the filter and the extension the dialog offers. */
export type SaveKind = 'crossing' | 'report' | 'card' | 'evidence';

/**
 * The native dialogs the service needs. Electron answers with real dialogs, the test harness with
 * answers a test sets. `null` means the person cancelled.
 */
export interface DialogPort {
  openVault(): Promise<string | null>;
  saveFile(suggestedName: string, kind: SaveKind): Promise<string | null>;
  openImportFile(): Promise<string | null>;
  /** A spreadsheet of cases to import (.xlsx, .csv). */
  openSpreadsheet(): Promise<string | null>;
  /** An installer to verify (an AppImage, .deb, .exe, .dmg… beside its SHA256SUMS). */
  openInstaller(): Promise<string | null>;
  /** Evidence files to add to a case (scans, photos): several at once; none when cancelled. */
  openEvidenceFiles(): Promise<string[]>;
  /** A colleague's key card file (what `crossing identity` or "Save key card" wrote). */
  openKeyCard(): Promise<string | null>;
}

/**
 * What the app runs on, as main reports it (Electron's process.versions); the test harness, which is
 * not Electron, gives null for Electron and Chromium instead of inventing numbers (About says so).
 */
export interface RuntimeVersions {
  electron: string | null;
  chromium: string | null;
  node: string;
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Everything a handler may use: no Electron, no globals, so the same handlers run in main and in the harness. */
export interface ServiceContext {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly runtime: RuntimeVersions;
  /** The minisign public key installers must be signed with: Crossing's pinned release key in the app. */
  readonly releasePublicKey: string;
  readonly dialogs: DialogPort;
  readonly emit: Emit;
  readonly now: () => Date;
  readonly session: Session;
  readonly settings: SettingsStore;
  readonly files: FileRefs;
}

export type Handler<C extends Channel> = (
  ctx: ServiceContext,
  args: ParsedArgs<C>,
) => ChannelResult<C> | Promise<ChannelResult<C>>;

/** One area's handlers: a plain function per channel. */
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };
