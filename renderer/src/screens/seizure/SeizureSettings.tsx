import { CurrentPassphraseField } from '../../components/CurrentPassphraseField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api, ApiError, asApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { ShortcutRecorder } from '../../components/ShortcutRecorder';
import { formatDate } from '../../format';
import { useApp } from '../../state/app';
import { useAsync } from '../../state/useAsync';
import { RecoveryShares } from './RecoveryShares';

const WIPE_CHOICES = [0, 5, 10, 20] as const;
type SeizureState = ChannelResult<'getSeizureState'>;

/**
 * Settings → "If the laptop is taken": quick erase and its shortcut, the duress passphrase, the wipe
 * after failed unlocks, recovery shares. Each says plainly what it does not protect against.
 */
export function SeizureSettings() {
  const { t } = useTranslation();
  const { data, error, reload } = useAsync(() => api.getSeizureState({}), []);
  return (
    <section className="panel stack seizure" aria-labelledby="seizure-title">
      <h2 id="seizure-title">{t('seizure.title')}</h2>
      <ErrorNote error={error} />
      {data && (
        <div className="seizure-grid">
          <QuickErase state={data} />
          <DuressPassphrase state={data} onChanged={reload} />
          <WipeAfter state={data} onChanged={reload} />
          <RecoveryShares />
        </div>
      )}
    </section>
  );
}

function QuickErase({ state }: { state: SeizureState }) {
  const { t } = useTranslation();
  const { settings, updateSettings, startErase, notify } = useApp();
  const [shortcut, setShortcut] = useState(settings.eraseShortcut);
  const [error, setError] = useState<string | null>(null);
  const save = async (eraseShortcut: string) => {
    setError(null);
    if (eraseShortcut && eraseShortcut === settings.panicShortcut) return setError(t('seizure.shortcutIsPanic'));
    await updateSettings({ eraseShortcut });
    setShortcut(eraseShortcut);
    notify(t('settings.saved'));
  };
  return (
    <div className="stack">
      <h3>{t('seizure.erase.title')}</h3>
      <p className="small">{t('seizure.erase.intro')}</p>
      {state.changedSinceSaved && (
        <p className="alert alert-warn small">
          {state.lastSaved
            ? t('seizure.unsavedSince', { date: formatDate(state.lastSaved.at) })
            : t('seizure.neverSaved')}
        </p>
      )}
      <p className="small muted">{t('seizure.erase.cannot')}</p>
      <div className="row">
        <button type="button" className="btn btn-danger" onClick={startErase}>
          {t('seizure.erase.button')}
        </button>
      </div>
      <div className="row align-end">
        <Field
          label={t('seizure.erase.shortcut')}
          hint={t('seizure.erase.shortcutHint')}
          error={error}
          className="grow"
        >
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
          type="button"
          className="btn"
          disabled={shortcut === settings.eraseShortcut}
          onClick={() => void save(shortcut)}
        >
          {t('settings.apply')}
        </button>
        {settings.eraseShortcut && (
          <button type="button" className="btn btn-ghost" onClick={() => void save('')}>
            {t('seizure.erase.shortcutOff')}
          </button>
        )}
      </div>
    </div>
  );
}

function DuressPassphrase({ state, onChanged }: { state: SeizureState; onChanged: () => void }) {
  const { t } = useTranslation();
  const { notify } = useApp();
  const [current, setCurrent] = useState('');
  const [duress, setDuress] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const clearing = state.duressPassphraseSet;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!current || (!clearing && (!duress || duress !== confirm))) return;
    setBusy(true);
    setWrong(false);
    setError(null);
    try {
      if (clearing) await api.clearDuressPassphrase({ current });
      else await api.setDuressPassphrase({ current, duress });
      setCurrent('');
      setDuress('');
      setConfirm('');
      setTouched(false);
      notify(clearing ? t('seizure.duress.cleared') : t('seizure.duress.saved'));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'wrongCurrentPassphrase') setWrong(true);
      else setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="duress-title">
      <h3 id="duress-title">{t('seizure.duress.title')}</h3>
      <p className="small">{t('seizure.duress.intro')}</p>
      <p className="small muted">{t('seizure.duress.cannot')}</p>
      <p className={`small dot-label ${clearing ? 'tone-good' : ''}`} data-testid="duress-status">
        {clearing ? t('seizure.duress.isSet') : t('seizure.duress.notSet')}
      </p>
      <CurrentPassphraseField value={current} onChange={setCurrent} wrong={wrong} touched={touched} />
      {!clearing && (
        <>
          <Field label={t('seizure.duress.passphrase')} error={touched && !duress ? t('validation.required') : null}>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="off"
                value={duress}
                onChange={(e) => setDuress(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('seizure.duress.repeat')}
            error={touched && duress !== confirm ? t('seizure.duress.differ') : null}
          >
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="off"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="btn" disabled={busy}>
          {clearing ? t('seizure.duress.clear') : t('seizure.duress.set')}
        </button>
      </div>
    </form>
  );
}

function WipeAfter({ state, onChanged }: { state: SeizureState; onChanged: () => void }) {
  const { t } = useTranslation();
  const { notify } = useApp();
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <div className="stack">
      <h3>{t('seizure.wipe.title')}</h3>
      <Field label={t('seizure.wipe.label')} hint={t('seizure.wipe.hint')}>
        {(p) => (
          <select
            {...p}
            value={state.wipeAfter}
            onChange={(e) => {
              setError(null);
              const wipeAfter = Number(e.target.value) as (typeof WIPE_CHOICES)[number];
              void api.setWipeAfter({ wipeAfter }).then(
                () => {
                  notify(t('settings.saved'));
                  onChanged();
                },
                (err: unknown) => setError(asApiError(err)),
              );
            }}
          >
            {WIPE_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? t('seizure.wipe.off') : t('seizure.wipe.after', { count: n })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNote error={error} />
    </div>
  );
}
