import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import type { ContactEntry } from '../state/usePeople';
import { SafetyNumberGrid } from './SafetyNumberGrid';

type Props = {
  contact: ContactEntry;
  onVerify: () => void;
  onRename: (name: string) => Promise<boolean>;
  onRemove: () => void;
};

/**
 * A contact: name, key, safety number to compare aloud, verified or not, a warning if the key changed;
 * renamed here, or removed (saying first what happens to the cases assigned to them).
 */
export function ContactCard({ contact, onVerify, onRename, onRemove }: Props) {
  const { t } = useTranslation();
  const state = contact.pendingKeyChange ? 'changed' : contact.verified ? 'verified' : 'unverified';
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(contact.name);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || name.trim() === contact.name) return setRenaming(false);
    if (await onRename(name.trim())) setRenaming(false);
  };

  return (
    <li className={`contact contact-${state}`}>
      <div className="contact-head">
        {renaming ? (
          <form className="row grow" onSubmit={(e) => void rename(e)}>
            <input
              aria-label={t('contacts.newName', { name: contact.name })}
              value={name}
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setRenaming(false);
              }}
            />
            <button type="submit" className="btn btn-small">
              {t('contacts.saveName')}
            </button>
          </form>
        ) : (
          <span className="contact-name">{contact.name}</span>
        )}
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
        <SafetyNumberGrid number={contact.safetyNumber} label={t('contacts.safetyNumberOf', { name: contact.name })} />
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
      {confirmRemove ? (
        <div className="alert alert-warn stack small" role="alert">
          <span>
            {t('contacts.removeQuestion', { name: contact.name })}{' '}
            {contact.assignedCases > 0
              ? t('contacts.removeAssigned', { count: contact.assignedCases })
              : t('contacts.removeNoCases')}
          </span>
          <div className="row">
            <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
              {t('contacts.removeConfirm', { name: contact.name })}
            </button>
            <button type="button" className="btn btn-small btn-ghost" autoFocus onClick={() => setConfirmRemove(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row contact-actions">
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => {
              setName(contact.name);
              setRenaming(true);
            }}
          >
            {t('contacts.rename')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirmRemove(true)}>
            {t('contacts.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
