import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError } from '../api';
import { describeError } from '../describeError';
import { ContactCard } from '../components/ContactCard';
import { ErrorNote } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { KeyCardPanel } from '../components/KeyCardPanel';
import { useApp } from '../state/app';
import { useAsync } from '../state/useAsync';

/** Who this vault exchanges with: its own key card, contacts added from theirs, and their verification state. */
export function ContactsScreen() {
  const { t } = useTranslation();
  const { notify } = useApp();
  const contacts = useAsync(() => api.listContacts({}), []);
  const [card, setCard] = useState('');
  const [addError, setAddError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!card.trim()) return;
    setBusy(true);
    setAddError(null);
    try {
      const { contact } = await api.addContact({ card: card.trim(), verified: false });
      setCard('');
      notify(t('contacts.added', { name: contact.name }));
      contacts.reload();
    } catch (e) {
      setAddError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const verify = async (fingerprint: string) => {
    try {
      const { contact } = await api.verifyContact({ fingerprint });
      notify(t('contacts.verifiedNow', { name: contact.name }));
      contacts.reload();
    } catch (e) {
      notify(describeError(t, asApiError(e)), 'error');
    }
  };

  const list = contacts.data?.contacts ?? [];
  return (
    <section className="screen-contacts" aria-labelledby="contacts-title">
      <header className="screen-head">
        <h1 id="contacts-title">{t('contacts.title')}</h1>
      </header>
      <div className="two-col">
        <div className="stack">
          <KeyCardPanel />
          <form className="panel stack" onSubmit={(e) => void add(e)} aria-labelledby="add-contact-title">
            <h2 id="add-contact-title">{t('contacts.addTitle')}</h2>
            <p className="small muted">{t('contacts.addIntro')}</p>
            <Field label={t('contacts.cardLabel')}>
              {(p) => (
                <textarea
                  {...p}
                  rows={5}
                  className="mono"
                  spellCheck={false}
                  value={card}
                  onChange={(e) => setCard(e.target.value)}
                />
              )}
            </Field>
            <ErrorNote error={addError} />
            <div className="row">
              <button type="submit" className="btn btn-primary" disabled={busy || !card.trim()}>
                {t('contacts.add')}
              </button>
            </div>
          </form>
        </div>
        <section className="panel" aria-labelledby="contact-list-title">
          <h2 id="contact-list-title">
            {t('contacts.listTitle')} <span className="muted">{list.length || ''}</span>
          </h2>
          <ErrorNote error={contacts.error} />
          {list.length === 0 && !contacts.loading ? (
            <p className="muted">
              {t('contacts.none')} {t('contacts.firstStep')}
            </p>
          ) : null}
          <ul className="contact-list">
            {list.map((c) => (
              <ContactCard key={c.fingerprint} contact={c} onVerify={() => void verify(c.fingerprint)} />
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
