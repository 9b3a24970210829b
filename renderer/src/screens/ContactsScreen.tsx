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

  const fromFile = async () => {
    setAddError(null);
    try {
      const { card: chosen } = await api.chooseKeyCardFile({});
      if (chosen !== null) setCard(chosen.trim());
    } catch (e) {
      setAddError(asApiError(e));
    }
  };

  const rename = async (fingerprint: string, name: string) => {
    try {
      const { contact } = await api.renameContact({ fingerprint, name });
      notify(t('contacts.renamed', { name: contact.name }));
      contacts.reload();
      return true;
    } catch (e) {
      notify(describeError(t, asApiError(e)), 'error');
      return false;
    }
  };

  const remove = async (fingerprint: string, name: string) => {
    try {
      const { assignedCases } = await api.removeContact({ fingerprint });
      notify(
        assignedCases > 0
          ? t('contacts.removedAssigned', { name, count: assignedCases })
          : t('contacts.removed', { name }),
      );
      contacts.reload();
    } catch (e) {
      notify(describeError(t, asApiError(e)), 'error');
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
              <button type="button" className="btn" onClick={() => void fromFile()}>
                {t('contacts.fromFile')}
              </button>
            </div>
            <p className="small muted">{t('contacts.bothSides')}</p>
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
              <ContactCard
                key={c.fingerprint}
                contact={c}
                onVerify={() => void verify(c.fingerprint)}
                onRename={(name) => rename(c.fingerprint, name)}
                onRemove={() => void remove(c.fingerprint, c.name)}
              />
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
