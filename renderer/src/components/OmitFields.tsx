import { useTranslation } from 'react-i18next';
import { OMITTABLE_FIELDS } from '../../../shared/ipc/contract';

export type Omittable = (typeof OMITTABLE_FIELDS)[number];

/** Data minimisation: fields left out of a sealed file. */
export function OmitFields({ value, onChange }: { value: Omittable[]; onChange: (v: Omittable[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t('exchange.omit')}</legend>
      {OMITTABLE_FIELDS.map((field) => (
        <label key={field} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(field)}
            onChange={(e) =>
              onChange(OMITTABLE_FIELDS.filter((f) => (f === field ? e.target.checked : value.includes(f))))
            }
          />
          <span>{t(`field.${field}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
