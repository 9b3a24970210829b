import { useTranslation } from 'react-i18next';
import { KDF_LEVELS, type KdfLevel } from '../kdf';
import { MIN_PASSPHRASE_LENGTH, passphraseAcceptable } from '../passphrase';
import { Field } from './Field';
import { StrengthMeter } from './StrengthMeter';

type Props = {
  label: string;
  passphrase: string;
  confirm: string;
  onPassphrase: (value: string) => void;
  onConfirm: (value: string) => void;
  /** Errors show only once the person has tried to submit. */
  touched: boolean;
  meterId: string;
};

/** A new passphrase typed twice, with its strength and the minimum: for creating a vault and for changing it. */
export function NewPassphraseFields({ label, passphrase, confirm, onPassphrase, onConfirm, touched, meterId }: Props) {
  const { t } = useTranslation();
  const weak = touched && !passphraseAcceptable(passphrase);
  return (
    <>
      <Field
        label={label}
        error={weak ? t('gate.create.tooWeak', { count: MIN_PASSPHRASE_LENGTH }) : null}
        hint={<StrengthMeter id={meterId} passphrase={passphrase} />}
      >
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => onPassphrase(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('gate.create.confirm')}
        error={touched && confirm !== passphrase ? t('gate.create.mismatch') : null}
      >
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => onConfirm(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** The Argon2id cost level, each with what it costs the person. */
export function KdfLevelChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: KdfLevel;
  onChange: (level: KdfLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t('kdf.label')}</legend>
      {KDF_LEVELS.map((level) => (
        <label key={level} className="radio">
          <input type="radio" name={name} value={level} checked={value === level} onChange={() => onChange(level)} />
          <span>
            {t(`kdf.${level}.name`)} <span className="muted small">— {t(`kdf.${level}.hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
