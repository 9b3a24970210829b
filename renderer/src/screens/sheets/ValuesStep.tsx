import { useTranslation } from 'react-i18next';
import { TARGET_CODES, isEnumTarget } from '../../../../shared/sheets/targets';
import { codeLabel, targetLabel } from './sheetLabels';
import type { Mapping } from './types';

/** Step 3: every distinct value of each enumerated column, with how many rows hold it, and what it becomes. */
export function ValuesStep({ mapping, onChange }: { mapping: Mapping; onChange: (mapping: Mapping) => void }) {
  const { t } = useTranslation();
  const columns = mapping.columns.filter((c) => isEnumTarget(c.target) && c.values && c.values.length > 0);
  if (columns.length === 0) return <p className="muted">{t('sheets.noValues')}</p>;
  const setCode = (column: string, value: string, code: string | null) =>
    onChange({
      ...mapping,
      columns: mapping.columns.map((c) =>
        c.column === column ? { ...c, values: c.values!.map((v) => (v.value === value ? { ...v, code } : v)) } : c,
      ),
    });
  return (
    <div className="stack sheet-scroll">
      {columns.map((c) => {
        if (!isEnumTarget(c.target)) return null;
        const target = c.target;
        const codes: readonly string[] = TARGET_CODES[target];
        return (
          <section key={c.column} className="stack sheet-values" aria-label={c.header}>
            <h3>
              {c.header} → {targetLabel(t, target)}
            </h3>
            <table className="sheet-table">
              <thead>
                <tr>
                  <th scope="col">{t('sheets.value')}</th>
                  <th scope="col">{t('sheets.count')}</th>
                  <th scope="col">{t('sheets.becomes')}</th>
                </tr>
              </thead>
              <tbody>
                {c.values!.map((v) => (
                  <tr key={v.value} className={v.code === null ? 'sheet-unmapped' : undefined}>
                    <th scope="row">{v.value}</th>
                    <td>{v.count ?? ''}</td>
                    <td>
                      <select
                        aria-label={t('sheets.valueOf', { value: v.value, header: c.header })}
                        value={v.code ?? ''}
                        onChange={(e) => setCode(c.column, v.value, e.target.value === '' ? null : e.target.value)}
                      >
                        <option value="">{t('sheets.keepInNote')}</option>
                        {codes.map((code) => (
                          <option key={code} value={code}>
                            {codeLabel(t, target, code)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
