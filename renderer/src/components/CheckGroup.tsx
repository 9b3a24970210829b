import { useTranslation } from 'react-i18next';

type Props<V extends string> = {
  legend: string;
  options: readonly V[];
  prefix: string;
  value: readonly V[];
  onChange: (value: V[]) => void;
};

/** A set of checkboxes for a many-valued enumeration (needs, threats). */
export function CheckGroup<V extends string>({ legend, options, prefix, value, onChange }: Props<V>) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset check-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(option)}
            onChange={(e) => onChange(options.filter((o) => (o === option ? e.target.checked : value.includes(o))))}
          />
          <span>{t(`${prefix}.${option}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
