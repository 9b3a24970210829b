import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { CaseRow } from '../state/useCasePages';
import { useVaultVersion } from '../state/useVaultVersion';
import { StageBadge } from './Badges';

type Props = {
  label: string;
  multiple: boolean;
  selected: CaseRow[];
  onChange: (rows: CaseRow[]) => void;
};

/** Search cases by any spelling and tick the ones wanted (checkboxes, or radios for one case). */
export function CasePicker({ label, multiple, selected, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [total, setTotal] = useState(0);
  // After a purge, an import or a merge (here or in another panel), the list is fetched again.
  const version = useVaultVersion();

  useEffect(() => {
    let live = true;
    const handle = window.setTimeout(() => {
      api
        .queryCases({
          filter: search.trim() ? { search: search.trim() } : {},
          sort: { key: 'alias', direction: 'asc' },
          limit: 30,
        })
        .then(
          (r) => {
            if (!live) return;
            setRows(r.rows);
            setTotal(r.total);
          },
          () => undefined,
        );
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(handle);
    };
  }, [search, version]);

  const isChosen = (row: CaseRow) => selected.some((s) => s.id === row.id);
  const toggle = (row: CaseRow, on: boolean) => {
    if (!multiple) onChange(on ? [row] : []);
    else onChange(on ? [...selected.filter((s) => s.id !== row.id), row] : selected.filter((s) => s.id !== row.id));
  };

  return (
    <fieldset className="fieldset case-picker">
      <legend>{label}</legend>
      <label htmlFor={`${id}-search`} className="sr-only">
        {t('exchange.findCase')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder={t('exchange.findCase')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ul className="picker-list">
        {rows.map((row) => (
          <li key={row.id}>
            <label className="checkbox">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={multiple ? undefined : `${id}-case`}
                checked={isChosen(row)}
                onChange={(e) => toggle(row, e.target.checked)}
              />
              <span className="picker-alias">{row.alias}</span>
              <StageBadge stage={row.stage} />
            </label>
          </li>
        ))}
      </ul>
      {total > rows.length ? (
        <p className="small muted">{t('exchange.moreMatches', { count: total - rows.length })}</p>
      ) : null}
      {multiple && selected.length ? (
        <p className="small">{t('exchange.selectedCount', { count: selected.length })}</p>
      ) : null}
    </fieldset>
  );
}
