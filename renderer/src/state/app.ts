import { createContext, useContext } from 'react';
import type { ChannelResult, Settings } from '../../../shared/ipc/contract';
import type { Stage } from '../../../shared/model/case';
import type { CaseListStore } from './caseListStore';

export type Me = NonNullable<ChannelResult<'getAppState'>['me']>;
export type FileRef = NonNullable<ChannelResult<'chooseImportFile'>['file']>;

export type Route =
  /** With a stage, the list opens on that stage alone (the board's "and N more"); without, where it was left. */
  | { name: 'cases'; stage?: Stage }
  | { name: 'board' }
  | { name: 'case'; id: string; restoreDraft?: boolean }
  | { name: 'newCase'; restoreDraft?: boolean }
  | { name: 'dashboard' }
  | { name: 'contacts' }
  | { name: 'exchange'; importFile?: FileRef; handOff?: string }
  | { name: 'settings' }
  | { name: 'duplicates' }
  | { name: 'handoffs' };

/** A screen with typed work registers one: leaving it then asks Save / Discard / Stay. */
export type LeaveGuard = {
  /** Who the unsaved work belongs to, for the question ("unsaved changes to Магомед И."). */
  subject: string;
  /** Saves; resolves false when the save was refused (the person stays to fix it). */
  save: () => Promise<boolean>;
  /** Drops the unsaved work, also the draft sealed in the vault. */
  discard: () => void;
  /** Seals the unsaved work into the vault at once: before a lock, which never waits for a question. */
  keepDraft: () => Promise<void>;
};

export type AppContextValue = {
  me: Me;
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
  route: Route;
  navigate: (route: Route) => void;
  lock: () => void;
  notify: (message: string, tone?: 'ok' | 'error') => void;
  /** Set while the current screen holds unsaved typed work; null when there is none. */
  setLeaveGuard: (guard: LeaveGuard | null) => void;
  /** Opens the quick-erase countdown (screens/seizure). */
  startErase: () => void;
  /** The case list's place and last rows, kept while the vault is open. */
  caseList: CaseListStore;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the unlocked app');
  return value;
}
