import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EventPayload, Settings } from '../../shared/ipc/contract';
import { RescueBanner } from './components/RescueBanner';
import { Sidebar } from './components/Sidebar';
import { Toasts, type Toast } from './components/Toasts';
import { BoardScreen } from './screens/BoardScreen';
import { CaseScreen } from './screens/CaseScreen';
import { CasesScreen } from './screens/CasesScreen';
import { ContactsScreen } from './screens/ContactsScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { ExchangeScreen } from './screens/ExchangeScreen';
import { NewCaseScreen } from './screens/NewCaseScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { isModKey, matchesAccelerator } from './shortcuts';
import { AppContext, type AppContextValue, type Me, type Route } from './state/app';
import { useIdleLock } from './state/useIdleLock';

type Props = {
  me: Me;
  /** Set when the vault was found altered and opened for reading only, to rescue its cases. */
  tampering: string | null;
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
  lock: (reason?: string) => Promise<void>;
  /** A `.crossing` file opened with the app (also while the vault was locked): its preview opens. */
  openedFile: EventPayload<'importFileOpened'> | null;
  onOpenedFileTaken: () => void;
};

/** The unlocked app: navigation, global shortcuts, idle lock and the current screen. */
export function Workspace({ me, tampering, settings, updateSettings, lock, openedFile, onOpenedFileTaken }: Props) {
  const [route, setRoute] = useState<Route>({ name: 'cases' });
  const [toasts, setToasts] = useState<Toast[]>([]);

  const navigate = useCallback((next: Route) => {
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);
  const notify = useCallback((message: string, tone: 'ok' | 'error' = 'ok') => {
    const id = Date.now() + Math.random();
    setToasts((list) => [...list.slice(-3), { id, message, tone }]);
    window.setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), 5000);
  }, []);

  useIdleLock(settings.autoLockMinutes, () => void lock('idle'));

  useEffect(() => {
    if (!openedFile) return;
    // Opening the preview is what the person asked for by opening the file with the app.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    navigate({ name: 'exchange', importFile: openedFile });
    onOpenedFileTaken();
  }, [openedFile, onOpenedFileTaken, navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (matchesAccelerator(event, settings.panicShortcut) || isModKey(event, 'l')) {
        event.preventDefault();
        void lock(matchesAccelerator(event, settings.panicShortcut) ? 'panic' : 'user');
      } else if (isModKey(event, 'n')) {
        event.preventDefault();
        navigate({ name: 'newCase' });
      } else if (isModKey(event, 'f') || isModKey(event, 'k')) {
        event.preventDefault();
        if (route.name !== 'cases') navigate({ name: 'cases' });
        window.setTimeout(() => document.getElementById('case-search')?.focus(), 0);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [settings.panicShortcut, lock, navigate, route.name]);

  const context = useMemo<AppContextValue>(
    () => ({ me, settings, updateSettings, route, navigate, lock: () => void lock('user'), notify }),
    [me, settings, updateSettings, route, navigate, lock, notify],
  );

  return (
    <AppContext.Provider value={context}>
      <div className="workspace">
        <Sidebar />
        <main className="screen" id="main">
          {tampering !== null && <RescueBanner what={tampering} />}
          <CurrentScreen route={route} />
        </main>
        <Toasts toasts={toasts} />
      </div>
    </AppContext.Provider>
  );
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.name) {
    case 'cases':
      return <CasesScreen />;
    case 'board':
      return <BoardScreen />;
    case 'case':
      return <CaseScreen key={route.id} id={route.id} />;
    case 'newCase':
      return <NewCaseScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'contacts':
      return <ContactsScreen />;
    case 'exchange':
      return (
        <ExchangeScreen
          key={route.importFile?.token ?? route.handOff ?? 'exchange'}
          importFile={route.importFile}
          handOff={route.handOff}
        />
      );
    case 'settings':
      return <SettingsScreen />;
  }
}
