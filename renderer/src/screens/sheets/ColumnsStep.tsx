import { useTranslation } from 'react-i18next';
import { REPEATABLE_TARGETS, SHEET_TARGETS, type SheetTarget } from '../../../../shared/sheets/targets';
import { targetLabel } from './sheetLabels';
import type { Inspection, Mapping } from './types';

/**
 * Step 2: what each column becomes. A field a case has once can be chosen for one column only (the
 * others show it disabled); "keep in the note" loses nothing, "leave out" is the person's choice.
 */
export function ColumnsStep({
  mapping,
  samples,
  onChange,
}: {
  mapping: Mapping;
  samples: Inspection['samples'];
  onChange: (mapping: Mapping) => void;
}) {
  const { t } = useTranslation();
  const usedBy = new Map(mapping.columns.map((c) => [c.target, c.column]));
  const retarget = (column: string, target: SheetTarget) =>
    onChange({
      ...mapping,
      columns: mapping.columns.map((c) => (c.column === column ? { column: c.column, header: c.header, target } : c)),
    });
  return (
    <div className="sheet-scroll">
      <table className="sheet-table">
        <thead>
          <tr>
            <th scope="col">{t('sheets.column')}</th>
            <th scope="col">{t('sheets.header')}</th>
            <th scope="col">{t('sheets.samples')}</th>
            <th scope="col">{t('sheets.target.label')}</th>
          </tr>
        </thead>
        <tbody>
          {mapping.columns.map((c) => (
            <tr key={c.column}>
              <td className="mono">{c.column}</td>
              <th scope="row">{c.header || '—'}</th>
              <td className="small muted sheet-samples">{(samples[c.column] ?? []).join(' · ')}</td>
              <td>
                <select
                  aria-label={t('sheets.targetOf', { header: c.header || c.column })}
                  value={c.target}
                  onChange={(e) => retarget(c.column, e.target.value as SheetTarget)}
                >
                  {SHEET_TARGETS.map((target) => (
                    <option
                      key={target}
                      value={target}
                      disabled={
                        !REPEATABLE_TARGETS.has(target) && usedBy.has(target) && usedBy.get(target) !== c.column
                      }
                    >
                      {targetLabel(t, target)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
