import { useTranslation } from 'react-i18next';
import { Field } from './Field';

type Props = { value: string; onChange: (value: string) => void; wrong: boolean; touched: boolean };

/** "Current passphrase", asked before anything that guards the vault changes (passphrase, duress). */
export function CurrentPassphraseField({ value, onChange, wrong, touched }: Props) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('settings.currentPassphrase')}
      error={wrong ? t('gate.unlock.wrong.passphrase') : touched && !value ? t('validation.required') : null}
    >
      {(p) => (
        <input
          {...p}
          type="password"
          autoComplete="current-password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
