import { createContext, useContext } from 'react';
import type { ChannelResult, Settings } from '../../../shared/ipc/contract';

export type Me = NonNullable<ChannelResult<'getAppState'>['me']>;
export type FileRef = NonNullable<ChannelResult<'chooseImportFile'>['file']>;

export type Route =
  | { name: 'cases' }
  | { name: 'board' }
  | { name: 'case'; id: string }
  | { name: 'newCase' }
  | { name: 'dashboard' }
  | { name: 'contacts' }
  | { name: 'exchange'; importFile?: FileRef; handOff?: string }
  | { name: 'settings' };

export type AppContextValue = {
  me: Me;
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
  route: Route;
  navigate: (route: Route) => void;
  lock: () => void;
  notify: (message: string, tone?: 'ok' | 'error') => void;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the unlocked app');
  return value;
}
