import { useTranslation } from 'react-i18next';
import type { SheetReport } from './types';

/** What an import does (or did): the counts, every row with its outcome, every warning with its row and column. */
export function ReportView({ report }: { report: SheetReport }) {
  const { t } = useTranslation();
  const c = report.counts;
  return (
    <div className="stack">
      <dl className="facts sheet-counts">
        <dt>{t('sheets.counts.rows')}</dt>
        <dd>{c.rows}</dd>
        <dt>{t('sheets.counts.new')}</dt>
        <dd>{c.new}</dd>
        <dt>{t('sheets.counts.alreadyImported')}</dt>
        <dd>{c.alreadyImported + c.repeated}</dd>
        <dt>{t('sheets.counts.skipped')}</dt>
        <dd>{t('sheets.counts.skippedDetail', { blank: c.blank, totals: c.totals })}</dd>
        <dt>{t('sheets.counts.refused')}</dt>
        <dd>{c.refused}</dd>
        <dt>{t('sheets.counts.withNotes')}</dt>
        <dd>{c.withNotes}</dd>
        <dt>{t('sheets.counts.lookalikes')}</dt>
        <dd>{c.lookalikes}</dd>
      </dl>
      <div className="sheet-scroll">
        <table className="sheet-table" aria-label={t('sheets.rowsTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('sheets.row')}</th>
              <th scope="col">{t('field.alias')}</th>
              <th scope="col">{t('sheets.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row} className={`sheet-row-${r.status.replace(' ', '-')}`}>
                <td className="mono">{r.row}</td>
                <th scope="row">{r.alias ?? '—'}</th>
                <td>
                  {t(`sheets.status.${r.status.replace(' ', '_')}`)}
                  {r.status === 'skipped' && r.reason ? ` (${t(`sheets.skip.${r.reason}`)})` : null}
                  {r.status === 'refused' && r.reason
                    ? ` — ${r.reason.startsWith('no name') ? t('sheets.noName') : r.reason}`
                    : null}
                  {r.status === 'repeated' && r.reason
                    ? ` — ${t('sheets.sameAs', { row: r.reason.replace(/\D+/g, '') })}`
                    : null}
                  {r.keptInNote > 0 ? ` · ${t('sheets.keptInNote', { n: r.keptInNote })}` : null}
                  {r.lookalike ? (
                    <span className="badge trust-changed sheet-lookalike">
                      {t('sheets.lookalike', { alias: r.lookalike.alias })}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.warnings.length > 0 ? (
        <details className="sheet-warnings" open={report.warnings.length <= 20}>
          <summary>{t('sheets.warningsTitle', { n: report.warnings.length })}</summary>
          <ul className="plain-list small">
            {report.warnings.map((w, i) => (
              <li key={i}>
                <span className="mono">
                  {w.row === null
                    ? t('sheets.whereColumn', { column: w.column })
                    : t('sheets.whereCell', { row: w.row, column: w.column })}
                </span>
                {w.header ? ` (${w.header})` : ''}: {t(`sheets.warning.${w.kind}`)}
                {w.row === null ? null : `: «${w.text}»`}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
