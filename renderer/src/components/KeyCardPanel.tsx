import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../api';
import { describeError } from '../describeError';
import { useApp } from '../state/app';
import { useAsync } from '../state/useAsync';
import { ErrorNote } from './ErrorNote';

/** This vault's key card: what a contact needs to send sealed files here. Copy it or save it as a file. */
export function KeyCardPanel() {
  const { t } = useTranslation();
  const { notify } = useApp();
  const card = useAsync(() => api.getKeyCard({}), []);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!card.data) return;
    try {
      await navigator.clipboard.writeText(card.data.card);
    } catch {
      textRef.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    notify(t('contacts.copied'));
  };
  const save = async () => {
    try {
      const { savedAs } = await api.saveKeyCard({});
      if (savedAs) notify(t('contacts.savedAs', { path: savedAs }));
    } catch (e) {
      notify(describeError(t, asApiError(e)), 'error');
    }
  };

  return (
    <section className="panel stack" aria-labelledby="my-card-title">
      <h2 id="my-card-title">{t('contacts.myCard')}</h2>
      <p className="small muted">{t('contacts.myCardIntro')}</p>
      <ErrorNote error={card.error} />
      {card.data ? (
        <>
          <div className="small">
            {card.data.me.displayName} ·{' '}
            <span className="mono muted">{card.data.me.fingerprint.replace(/(.{4})/g, '$1 ').trim()}</span>
          </div>
          <label htmlFor="my-card" className="sr-only">
            {t('contacts.myCard')}
          </label>
          <textarea id="my-card" ref={textRef} className="mono key-card" readOnly rows={5} value={card.data.card} />
          <div className="row">
            <button type="button" className="btn" onClick={() => void copy()}>
              {copied ? t('contacts.copiedShort') : t('contacts.copy')}
            </button>
            <button type="button" className="btn" onClick={() => void save()}>
              {t('contacts.save')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
