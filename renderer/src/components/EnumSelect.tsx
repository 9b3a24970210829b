import { useTranslation } from 'react-i18next';

type Props<V extends string> = {
  id?: string;
  value: V | null;
  options: readonly V[];
  /** i18n key prefix: `stage` turns `intake` into t('stage.intake'). */
  prefix?: string;
  label?: (value: V) => string;
  onChange: (value: V | null) => void;
  allowEmpty?: boolean;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

/** A select over one of the model's enumerations, labelled in the current language. */
export function EnumSelect<V extends string>({
  value,
  options,
  prefix,
  label,
  onChange,
  allowEmpty,
  ...rest
}: Props<V>) {
  const { t } = useTranslation();
  const text = (v: V) => (label ? label(v) : t(`${prefix}.${v}`));
  return (
    <select {...rest} value={value ?? ''} onChange={(e) => onChange(e.target.value ? (e.target.value as V) : null)}>
      {allowEmpty ? <option value="">—</option> : null}
      {options.map((v) => (
        <option key={v} value={v}>
          {text(v)}
        </option>
      ))}
    </select>
  );
}
