import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult, EventPayload, Settings } from '../../shared/ipc/contract';
import { FileNotice } from './components/FileNotice';
import { api, onEvent } from './api';
import { setLanguage } from './i18n';
import { LockedGate } from './screens/LockedGate';
import { Workspace } from './Workspace';
import { useQuickErase } from './screens/seizure/useQuickErase';
import type { Me } from './state/app';

type AppState = ChannelResult<'getAppState'>;
type Phase =
  | { kind: 'loading' }
  | { kind: 'locked'; state: AppState; reason?: string }
  | { kind: 'open'; me: Me; tampering: string | null };

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
let followSystem = false;

/** The page is always light or dark; "system" follows the operating system, also when it changes. */
function applyTheme(theme: Settings['theme']): void {
  followSystem = theme === 'system';
  document.documentElement.dataset.theme = followSystem ? (systemDark.matches ? 'dark' : 'light') : theme;
}
systemDark.addEventListener('change', () => {
  if (followSystem) applyTheme('system');
});

/** Top of the UI: decides between the locked gate (create / unlock) and the unlocked workspace. */
export function App() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // A file opened with the app may arrive while the vault is locked: it waits here for the unlock.
  const [openedFile, setOpenedFile] = useState<EventPayload<'importFileOpened'> | null>(null);
  const [fileProblem, setFileProblem] = useState<EventPayload<'fileOpenFailed'> | null>(null);

  const refresh = useCallback(async (reason?: string) => {
    try {
      const state = await api.getAppState({});
      setSettings(state.settings);
      setLanguage(state.settings.language);
      applyTheme(state.settings.theme);
      if (state.unlocked && state.me) setPhase({ kind: 'open', me: state.me, tampering: state.tampering });
      else setPhase({ kind: 'locked', state, ...(reason ? { reason } : {}) });
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    // State is set when the vault answers, not synchronously in the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  useEffect(() => onEvent('locked', ({ reason }) => void refresh(reason)), [refresh]);
  useEffect(
    () =>
      onEvent('importFileOpened', (file) => {
        setFileProblem(null);
        setOpenedFile(file);
      }),
    [],
  );
  useEffect(() => onEvent('fileOpenFailed', setFileProblem), []);
  const takeOpenedFile = useCallback(() => setOpenedFile(null), []);

  useEffect(() => {
    const ready =
      phase.kind === 'open' ? 'app' : phase.kind === 'locked' ? (phase.state.vaultExists ? 'unlock' : 'create') : '';
    if (ready) document.body.dataset.ready = ready;
    else delete document.body.dataset.ready;
  }, [phase]);

  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    const next = await api.updateSettings(patch);
    setSettings(next);
    setLanguage(next.language);
    applyTheme(next.theme);
  }, []);

  // After a quick erase the app shows what a first start shows: nothing of the vault remains.
  const afterErase = useCallback(() => void refresh(), [refresh]);
  const quickErase = useQuickErase(settings?.eraseShortcut ?? '', phase.kind === 'open', afterErase);

  const lock = useCallback(
    async (reason = 'user') => {
      setPhase({ kind: 'loading' });
      try {
        await api.lockVault({});
      } finally {
        await refresh(reason);
      }
    },
    [refresh],
  );

  if (loadError) {
    return (
      <main className="gate">
        <p role="alert" className="alert alert-error">
          {t('app.loadFailed')} {loadError}
        </p>
      </main>
    );
  }
  if (phase.kind === 'loading' || !settings) {
    return (
      <main className="gate" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </main>
    );
  }
  const notice = (
    <FileNotice
      problem={fileProblem}
      waiting={phase.kind === 'locked' ? openedFile : null}
      onDismiss={() => setFileProblem(null)}
    />
  );
  if (phase.kind === 'locked') {
    return (
      <>
        {notice}
        {quickErase.element}
        <LockedGate
          state={phase.state}
          settings={settings}
          reason={phase.reason}
          onUpdateSettings={updateSettings}
          onOpened={() => void refresh()}
        />
      </>
    );
  }
  return (
    <>
      {notice}
      {quickErase.element}
      <Workspace
        me={phase.me}
        tampering={phase.tampering}
        settings={settings}
        updateSettings={updateSettings}
        lock={lock}
        openedFile={openedFile}
        onOpenedFileTaken={takeOpenedFile}
        startErase={quickErase.start}
      />
    </>
  );
}
