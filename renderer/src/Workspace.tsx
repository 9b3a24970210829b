import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, Settings } from '../../shared/ipc/contract';
import { DraftsNotice } from './components/DraftsNotice';
import { LeaveDialog } from './components/LeaveDialog';
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
import { DuplicatesScreen } from './screens/duplicates/DuplicatesScreen';
import { HandoffsScreen } from './screens/handoffs/HandoffsScreen';
import { isModKey, matchesAccelerator } from './shortcuts';
import { AppContext, type AppContextValue, type LeaveGuard, type Me, type Route } from './state/app';
import { CaseListStore } from './state/caseListStore';
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
  startErase: () => void;
};

/** The unlocked app: navigation, global shortcuts, idle lock and the current screen. */
export function Workspace({
  me,
  tampering,
  settings,
  updateSettings,
  lock,
  openedFile,
  onOpenedFileTaken,
  startErase,
}: Props) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>({ name: 'cases' });
  const [toasts, setToasts] = useState<Toast[]>([]);
  // Dropped with the workspace at a lock, like every other decrypted thing.
  const [caseList] = useState(() => new CaseListStore());

  const leaveGuard = useRef<LeaveGuard | null>(null);
  const [leaving, setLeaving] = useState<{ to: Route; guard: LeaveGuard } | null>(null);
  const setLeaveGuard = useCallback((guard: LeaveGuard | null) => {
    leaveGuard.current = guard;
  }, []);

  const go = useCallback(
    (next: Route) => {
      leaveGuard.current = null;
      setLeaving(null);
      if (next.name === 'cases' && next.stage) caseList.showStage({ stage: [next.stage] });
      setRoute(next);
    },
    [caseList],
  );
  // Typed work is never dropped by a click elsewhere: with a guard set, leaving asks first.
  const navigate = useCallback(
    (next: Route) => {
      const guard = leaveGuard.current;
      if (guard) setLeaving({ to: next, guard });
      else go(next);
    },
    [go],
  );
  const notify = useCallback((message: string, tone: 'ok' | 'error' = 'ok') => {
    const id = Date.now() + Math.random();
    setToasts((list) => [...list.slice(-3), { id, message, tone }]);
    // Errors stay until dismissed: a refusal read too late is a refusal missed.
    if (tone === 'ok') window.setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), 5000);
  }, []);
  const dismissToast = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);

  // After every move, the new page's heading takes focus: a screen reader says where one is.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.getElementById('main')?.scrollTo(0, 0);
    return focusHeadingSoon();
  }, [route]);

  // A lock never asks: typed work is sealed into the vault as a draft (briefly waited for), then the lock goes on.
  const lockNow = useCallback(
    async (reason: 'idle' | 'panic' | 'user') => {
      const keep = leaveGuard.current?.keepDraft();
      if (keep) await Promise.race([keep.catch(() => undefined), new Promise((r) => window.setTimeout(r, 500))]);
      await lock(reason);
    },
    [lock],
  );

  useIdleLock(settings.autoLockMinutes, () => void lockNow('idle'));

  useEffect(() => {
    if (!openedFile) return;
    // Opening the preview is what the person asked for by opening the file with the app.
    navigate({ name: 'exchange', importFile: openedFile });
    onOpenedFileTaken();
  }, [openedFile, onOpenedFileTaken, navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (matchesAccelerator(event, settings.panicShortcut) || isModKey(event, 'l')) {
        event.preventDefault();
        void lockNow(matchesAccelerator(event, settings.panicShortcut) ? 'panic' : 'user');
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
  }, [settings.panicShortcut, lockNow, navigate, route.name]);

  const context = useMemo<AppContextValue>(
    () => ({
      me,
      settings,
      updateSettings,
      route,
      navigate,
      lock: () => void lockNow('user'),
      notify,
      setLeaveGuard,
      startErase,
      caseList,
    }),
    [me, settings, updateSettings, route, navigate, lockNow, notify, setLeaveGuard, startErase, caseList],
  );

  return (
    <AppContext.Provider value={context}>
      <div className="workspace">
        <a className="skip-link" href="#main" onClick={skipToMain}>
          {t('nav.skipToMain')}
        </a>
        <Sidebar />
        <div className="workspace-body">
          {tampering !== null && <RescueBanner what={tampering} />}
          <DraftsNotice />
          <main className="screen" id="main" tabIndex={-1}>
            <CurrentScreen route={route} />
          </main>
          <Toasts toasts={toasts} onDismiss={dismissToast} />
        </div>
        {leaving ? (
          <LeaveDialog
            subject={leaving.guard.subject}
            onSave={async () => {
              if (await leaving.guard.save()) go(leaving.to);
              else setLeaving(null);
            }}
            onDiscard={() => {
              leaving.guard.discard();
              go(leaving.to);
            }}
            onStay={() => setLeaving(null)}
          />
        ) : null}
      </div>
    </AppContext.Provider>
  );
}

/**
 * Focuses the page's heading once it has rendered (a case's heading waits for the case), unless the
 * page already put focus somewhere of its own, such as the search box or a form's first field.
 */
function focusHeadingSoon(): () => void {
  let tries = 0;
  let timer = 0;
  const attempt = () => {
    const main = document.getElementById('main');
    if (main?.contains(document.activeElement) && document.activeElement !== main) return;
    const heading = main?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    } else if (++tries < 20) timer = window.setTimeout(attempt, 50);
  };
  timer = window.setTimeout(attempt, 0);
  return () => window.clearTimeout(timer);
}

/** The skip link jumps past the navigation to the page's heading (the hash alone would not move focus). */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  const heading = document.querySelector<HTMLElement>('#main h1');
  if (heading) heading.tabIndex = -1;
  (heading ?? document.getElementById('main'))?.focus();
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.name) {
    case 'cases':
      // A stage asked for from the board is a fresh list, even when Cases is already on screen.
      return <CasesScreen key={route.stage ?? 'cases'} />;
    case 'board':
      return <BoardScreen />;
    case 'case':
      return <CaseScreen key={route.id} id={route.id} restoreDraft={route.restoreDraft ?? false} />;
    case 'newCase':
      return <NewCaseScreen restoreDraft={route.restoreDraft ?? false} />;
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
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'handoffs':
      return <HandoffsScreen />;
  }
}
