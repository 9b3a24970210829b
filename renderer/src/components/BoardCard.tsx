import { FileCountFlag } from './FileCountFlag';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../shared/model/case';
import { countryName } from '../format';
import type { CaseRow } from '../state/useCasePages';
import { PassportBadge, RiskBadge } from './Badges';

type Props = { row: CaseRow; stages: readonly Stage[]; onOpen: () => void; onMove: (stage: Stage) => void };

/** One case on the board: drag it, press Alt+←/→, or pick a stage from its menu. */
export function BoardCard({ row, stages, onOpen, onMove }: Props) {
  const { t } = useTranslation();
  const index = stages.indexOf(row.stage);
  return (
    <li
      className={`board-card risk-edge-${row.risk}`}
      data-case-id={row.id}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-crossing-case', row.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
        const next = stages[index + (e.key === 'ArrowRight' ? 1 : -1)];
        if (next) {
          e.preventDefault();
          onMove(next);
        }
      }}
    >
      <button type="button" className="card-open" title={row.alias} onClick={onOpen}>
        {row.alias}
      </button>
      <div className="card-meta">
        <RiskBadge risk={row.risk} />
        <PassportBadge status={row.passport} />
        {row.refugeCountry ? <span className="muted small">{countryName(row.refugeCountry)}</span> : null}
        {row.overdueTasks ? (
          <span className="mini-flag flag-overdue">{t('cases.overdueFlag', { count: row.overdueTasks })}</span>
        ) : null}
        {row.conflicts ? (
          <span className="mini-flag flag-conflict">{t('cases.conflictFlag', { count: row.conflicts })}</span>
        ) : null}
        <FileCountFlag count={row.fileCount} />
      </div>
      <label className="sr-only" htmlFor={`move-${row.id}`}>
        {t('board.moveLabel', { alias: row.alias })}
      </label>
      <select
        id={`move-${row.id}`}
        className="card-move"
        value={row.stage}
        onChange={(e) => onMove(e.target.value as Stage)}
      >
        {row.stage === 'closed' ? <option value="closed">{t('stage.closed')}</option> : null}
        {stages.map((s) => (
          <option key={s} value={s}>
            {t(`stage.${s}`)}
          </option>
        ))}
      </select>
    </li>
  );
}
