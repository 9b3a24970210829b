import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import type { ContactEntry } from '../state/usePeople';

/** A contact: name, key, safety number to compare aloud, verified or not, and a warning if the key changed. */
export function ContactCard({ contact, onVerify }: { contact: ContactEntry; onVerify: () => void }) {
  const { t } = useTranslation();
  const state = contact.pendingKeyChange ? 'changed' : contact.verified ? 'verified' : 'unverified';
  return (
    <li className={`contact contact-${state}`}>
      <div className="contact-head">
        <span className="contact-name">{contact.name}</span>
        <span className={`badge trust-${state}`}>{t(`contacts.state.${state}`)}</span>
      </div>
      {contact.pendingKeyChange ? (
        <p className="alert alert-warn small" role="alert">
          {t('contacts.keyChanged')}
        </p>
      ) : null}
      <div className="small muted">
        {t('contacts.fingerprint')}:{' '}
        <span className="mono">{contact.fingerprint.replace(/(.{4})/g, '$1 ').trim()}</span>
      </div>
      <div className="safety">
        <span className="small muted">{t('contacts.safetyNumber')}</span>
        <span className="safety-number mono" aria-label={t('contacts.safetyNumberOf', { name: contact.name })}>
          {contact.safetyNumber}
        </span>
      </div>
      {contact.verified && contact.verifiedAt && !contact.pendingKeyChange ? (
        <div className="small muted">{t('contacts.verifiedOn', { date: formatDate(contact.verifiedAt) })}</div>
      ) : (
        <div className="row">
          <span className="small">{t('contacts.compareHint')}</span>
          <button type="button" className="btn btn-small" onClick={onVerify}>
            {t('contacts.markVerified', { name: contact.name })}
          </button>
        </div>
      )}
    </li>
  );
}
