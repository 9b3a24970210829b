import { CurrentPassphraseField } from '../components/CurrentPassphraseField';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, asApiError } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { ShortcutRecorder } from '../components/ShortcutRecorder';
import { Field } from '../components/Field';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { KdfLevelChoice, NewPassphraseFields } from '../components/NewPassphraseFields';
import { DEFAULT_KDF, type KdfLevel } from '../kdf';
import { passphraseAcceptable } from '../passphrase';
import { useApp } from '../state/app';
import { useAsync } from '../state/useAsync';
import { AboutSection } from './settings/AboutSection';
import { SeizureSettings } from './seizure/SeizureSettings';
import { BackupPanel } from './backup/BackupPanel';

const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60];
const FILE_SIZE_CHOICES = [20, 50, 100, 250, 500, 1000, 2000];
const THEMES = ['system', 'light', 'dark'] as const;

/** Language, theme, auto-lock, panic shortcut; passphrase and KDF level; what this computer does not protect. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { settings, updateSettings, notify } = useApp();
  const [shortcut, setShortcut] = useState(settings.panicShortcut);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async (patch: Parameters<typeof updateSettings>[0]) => {
    setError(null);
    try {
      await updateSettings(patch);
      notify(t('settings.saved'));
    } catch (e) {
      setError(asApiError(e));
    }
  };

  return (
    <section className="screen-settings" aria-labelledby="settings-title">
      <header className="screen-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="two-col">
        <section className="panel stack" aria-labelledby="prefs-title">
          <h2 id="prefs-title">{t('settings.preferences')}</h2>
          <ErrorNote error={error} />
          <div className="setting">
            <span className="setting-label">{t('settings.language')}</span>
            <LanguageSwitch value={settings.language} onChange={(language) => void save({ language })} />
          </div>
          <div className="setting">
            <span className="setting-label">{t('settings.theme')}</span>
            <div className="segmented" role="group" aria-label={t('settings.theme')}>
              {THEMES.map((theme) => (
                <button
                  key={theme}
                  type="button"
                  aria-pressed={settings.theme === theme}
                  onClick={() => void save({ theme })}
                >
                  {t(`settings.themes.${theme}`)}
                </button>
              ))}
            </div>
          </div>
          <Field label={t('settings.autoLock')} hint={t('settings.autoLockHint')}>
            {(p) => (
              <select
                {...p}
                value={settings.autoLockMinutes}
                onChange={(e) => void save({ autoLockMinutes: Number(e.target.value) })}
              >
                {[...new Set([...AUTO_LOCK_CHOICES, settings.autoLockMinutes])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={m}>
                      {t('settings.minutes', { count: m })}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={t('settings.maxFileSize')} hint={t('settings.maxFileSizeHint')}>
            {(p) => (
              <select
                {...p}
                value={settings.maxFileMegabytes}
                onChange={(e) => void save({ maxFileMegabytes: Number(e.target.value) })}
              >
                {[...new Set([...FILE_SIZE_CHOICES, settings.maxFileMegabytes])]
                  .sort((a, b) => a - b)
                  .map((n) => (
                    <option key={n} value={n}>
                      {t('files.sizeMb', { n })}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <form
            className="row align-end"
            aria-label={t('settings.panicShortcut')}
            onSubmit={(e) => {
              e.preventDefault();
              if (shortcut.trim()) void save({ panicShortcut: shortcut.trim() });
            }}
          >
            <Field label={t('settings.panicShortcut')} hint={t('settings.panicHint')} className="grow">
              {(p) => (
                <ShortcutRecorder
                  id={p.id}
                  value={shortcut}
                  onChange={setShortcut}
                  {...(p['aria-describedby'] ? { describedBy: p['aria-describedby'] } : {})}
                />
              )}
            </Field>
            <button
              type="submit"
              className="btn"
              disabled={shortcut.trim() === settings.panicShortcut || !shortcut.trim()}
            >
              {t('settings.apply')}
            </button>
          </form>
        </section>
        <ChangePassphrase />
        <ChangeNumber />
        <BackupPanel />
      </div>
      <SeizureSettings />
      <ProtectionGaps />
      <AboutSection />
    </section>
  );
}

/** The shell's protections this platform does not give (main knows which), each with what to do instead. */
function ProtectionGaps() {
  const { t } = useTranslation();
  const { data, error } = useAsync(() => api.platformProtections({}), []);
  const gaps = data?.protections.filter((protection) => protection.status !== 'works') ?? [];
  return (
    <section className="panel stack protections" aria-labelledby="protections-title">
      <h2 id="protections-title">{t('settings.protections.title')}</h2>
      <ErrorNote error={error} />
      {data && gaps.length === 0 && <p className="small muted">{t('settings.protections.allWork')}</p>}
      {gaps.length > 0 && (
        <>
          <p className="small muted">{t('settings.protections.intro')}</p>
          <ul className="protection-gaps">
            {gaps.map((gap) => (
              <li key={gap.id}>
                <div className="row">
                  <strong>{t(`settings.protections.names.${gap.id}`)}</strong>
                  <span className={`dot-label ${gap.status === 'missing' ? 'tone-bad' : 'tone-warn'}`}>
                    {t(`settings.protections.status.${gap.status === 'missing' ? 'missing' : 'partly'}`)}
                  </span>
                </div>
                {gap.reason && <p className="small">{t(`settings.protections.reasons.${gap.reason}`)}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The vault's change number: it rises with every change. A copy of the whole vault put back from
 * earlier cannot be detected from inside; a lower number than one noted before shows it.
 */
function ChangeNumber() {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void api.getAppState({}).then(
      (state) => live && setValue(state.changeNumber),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="panel stack" aria-labelledby="change-number-title">
      <h2 id="change-number-title">{t('settings.changeNumber')}</h2>
      <p className="change-number">{value ?? '—'}</p>
      <p className="small muted">{t('settings.changeNumberHint')}</p>
    </section>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const { notify } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [kdf, setKdf] = useState<KdfLevel>(DEFAULT_KDF);
  const [touched, setTouched] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!current || !passphraseAcceptable(next) || next !== confirm) return;
    setBusy(true);
    setWrong(false);
    setError(null);
    try {
      await api.changePassphrase({ current, next, kdf });
      setCurrent('');
      setNext('');
      setConfirm('');
      setTouched(false);
      notify(t('settings.passphraseChanged'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'auth') setWrong(true);
      else setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pass-title">
      <h2 id="pass-title">{t('settings.changePassphrase')}</h2>
      <p className="small muted">{t('settings.changePassphraseIntro')}</p>
      <CurrentPassphraseField value={current} onChange={setCurrent} wrong={wrong} touched={touched} />
      <NewPassphraseFields
        label={t('settings.newPassphrase')}
        passphrase={next}
        confirm={confirm}
        onPassphrase={setNext}
        onConfirm={setConfirm}
        touched={touched}
        meterId="new-strength"
      />
      <KdfLevelChoice name="kdf-change" value={kdf} onChange={setKdf} />
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('settings.changing') : t('settings.change')}
        </button>
      </div>
    </form>
  );
}
