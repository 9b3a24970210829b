import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Props<V extends string> = {
  label: string;
  options: readonly V[];
  optionLabel: (value: V) => string;
  selected: readonly V[] | undefined;
  onChange: (next: V[] | undefined) => void;
};

/** A drop-down of checkboxes for one enumerated field ("any of these"); native details/summary keeps it keyboard-friendly. */
export function FilterMenu<V extends string>({ label, options, optionLabel, selected, onChange }: Props<V>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDetailsElement>(null);
  const chosen = new Set<string>(selected ?? []);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const toggle = (value: V) => {
    const next = options.filter((o) => (o === value ? !chosen.has(o) : chosen.has(o)));
    onChange(next.length ? next : undefined);
  };

  return (
    <details
      ref={ref}
      className={`filter-menu ${chosen.size ? 'filter-active' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        {label}
        {chosen.size ? <span className="count-badge">{chosen.size}</span> : null}
      </summary>
      <fieldset className="filter-pop">
        <legend className="sr-only">{label}</legend>
        {options.map((value) => (
          <label key={value} className="checkbox">
            <input type="checkbox" checked={chosen.has(value)} onChange={() => toggle(value)} />
            <span>{optionLabel(value)}</span>
          </label>
        ))}
        {chosen.size ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(undefined)}>
            {t('filters.clear')}
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
