import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app';
import type { ContactEntry } from '../state/usePeople';

type Props = {
  legend: string;
  contacts: ContactEntry[];
  multiple: boolean;
  value: string[];
  onChange: (v: string[]) => void;
};

/** Contacts to seal a file to, each with its verification state in words. */
export function RecipientPicker({ legend, contacts, multiple, value, onChange }: Props) {
  const { t } = useTranslation();
  const { navigate } = useApp();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {contacts.length === 0 ? (
        <p className="small muted">
          {t('exchange.noContacts')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'contacts' })}>
            {t('exchange.goToContacts')}
          </button>
        </p>
      ) : null}
      {contacts.map((c) => {
        const state = c.pendingKeyChange ? 'changed' : c.verified ? 'verified' : 'unverified';
        return (
          <label key={c.fingerprint} className="checkbox">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={multiple ? undefined : `recipient-${legend}`}
              checked={value.includes(c.fingerprint)}
              onChange={(e) =>
                onChange(
                  multiple
                    ? e.target.checked
                      ? [...value, c.fingerprint]
                      : value.filter((v) => v !== c.fingerprint)
                    : [c.fingerprint],
                )
              }
            />
            <span>{c.name}</span>
            <span className={`badge trust-${state}`}>{t(`contacts.state.${state}`)}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
