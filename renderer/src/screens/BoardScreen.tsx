import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIPELINE_STAGES, STAGES, type Stage } from '../../../shared/model/case';
import { api, type ApiError, asApiError } from '../api';
import { BoardCard } from '../components/BoardCard';
import { ErrorNote } from '../components/ErrorNote';
import { formatNumber } from '../format';
import { useApp } from '../state/app';
import type { CaseRow } from '../state/useCasePages';

const PER_COLUMN = 60;
type Column = { total: number; rows: CaseRow[] };

/** The pipeline as columns: moving a card (drag, keyboard or its menu) changes the case's stage. */
export function BoardScreen() {
  const { t } = useTranslation();
  const { navigate, notify } = useApp();
  const [columns, setColumns] = useState<Partial<Record<Stage, Column>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [dragOver, setDragOver] = useState<Stage | null>(null);
  const [tick, setTick] = useState(0);
  // The card moved from the keyboard or its menu, and which of its controls had focus: it gets it back
  // in its new column (the old one is gone with the column it was in).
  const refocus = useRef<{ id: string; control: string } | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all(
      STAGES.map((stage) =>
        api
          .queryCases({ filter: { stage: [stage] }, sort: { key: 'updatedAt', direction: 'desc' }, limit: PER_COLUMN })
          .then((r) => [stage, { total: r.total, rows: r.rows }] as const),
      ),
    ).then(
      (entries) => live && setColumns(Object.fromEntries(entries)),
      (e: unknown) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [tick]);

  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    const card = document.querySelector(`.board-card[data-case-id="${CSS.escape(wanted.id)}"]`);
    const target =
      card?.querySelector<HTMLElement>(`.${wanted.control}`) ?? card?.querySelector<HTMLElement>('.card-open');
    if (!target) return;
    refocus.current = null;
    target.focus();
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [columns]);

  const move = useCallback(
    async (row: CaseRow, stage: Stage) => {
      if (row.stage === stage || stage === 'closed') return;
      const focused = document.activeElement?.closest(`.board-card`) ? document.activeElement : null;
      try {
        await api.updateCase({ id: row.id, patch: row.stage === 'closed' ? { stage, closedReason: null } : { stage } });
        notify(t('board.moved', { alias: row.alias, stage: t(`stage.${stage}`) }));
        if (focused)
          refocus.current = {
            id: row.id,
            control: focused.classList.contains('card-move') ? 'card-move' : 'card-open',
          };
        // The card is moved at once (to the top: it is the most recently changed), then every column is fetched again.
        setColumns((now) => movedCard(now, row, stage));
        setTick((n) => n + 1);
      } catch (e) {
        setError(asApiError(e));
      }
    },
    [notify, t],
  );

  const findRow = (id: string) => STAGES.flatMap((s) => columns[s]?.rows ?? []).find((r) => r.id === id);

  return (
    <section className="screen-board" aria-labelledby="board-title">
      <header className="screen-head">
        <h1 id="board-title">{t('board.title')}</h1>
        <span className="muted small">{t('board.hint')}</span>
      </header>
      <ErrorNote error={error} />
      {/* Every stage at a glance, also those scrolled out of sight on a small screen: a click brings it in. */}
      <nav className="board-stages" aria-label={t('board.stages')}>
        {STAGES.map((stage) => (
          <button key={stage} type="button" className="chip" onClick={() => showColumn(stage)}>
            {t(`stage.${stage}`)}{' '}
            <span className="muted">{columns[stage] ? formatNumber(columns[stage].total) : ''}</span>
          </button>
        ))}
      </nav>
      <div className="board">
        {STAGES.map((stage) => {
          const column = columns[stage];
          const droppable = stage !== 'closed';
          return (
            <section
              key={stage}
              className={`board-column ${dragOver === stage ? 'drag-over' : ''} ${stage === 'closed' ? 'column-closed' : ''}`}
              aria-labelledby={`col-${stage}`}
              onDragOver={(e) => {
                if (!droppable) return;
                e.preventDefault();
                setDragOver(stage);
              }}
              onDragLeave={() => setDragOver((s) => (s === stage ? null : s))}
              onDrop={(e) => {
                e.preventDefault();
                setDragOver(null);
                const row = findRow(e.dataTransfer.getData('text/x-crossing-case'));
                if (row) void move(row, stage);
              }}
            >
              <h2 id={`col-${stage}`} className="column-head">
                <span>{t(`stage.${stage}`)}</span>
                <span className="muted">{column ? formatNumber(column.total) : ''}</span>
              </h2>
              <ul className="column-cards">
                {column?.rows.map((row) => (
                  <BoardCard
                    key={row.id}
                    row={row}
                    stages={PIPELINE_STAGES}
                    onOpen={() => navigate({ name: 'case', id: row.id })}
                    onMove={(s) => void move(row, s)}
                  />
                ))}
              </ul>
              {column && column.total > column.rows.length ? (
                <button
                  type="button"
                  className="link-button board-more"
                  onClick={() => navigate({ name: 'cases', stage })}
                >
                  {t('board.more', {
                    count: column.total - column.rows.length,
                    formatted: formatNumber(column.total - column.rows.length),
                  })}
                </button>
              ) : null}
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** The columns with one card moved to the top of another stage's column, and both counts changed. */
function movedCard(
  columns: Partial<Record<Stage, Column>>,
  row: CaseRow,
  stage: Stage,
): Partial<Record<Stage, Column>> {
  const from = columns[row.stage];
  const to = columns[stage];
  if (!from || !to) return columns;
  return {
    ...columns,
    [row.stage]: { total: from.total - 1, rows: from.rows.filter((r) => r.id !== row.id) },
    [stage]: { total: to.total + 1, rows: [{ ...row, stage }, ...to.rows].slice(0, PER_COLUMN) },
  };
}

/**
 * Scrolls the board (and only the board: scrollIntoView also shifted the page under the sidebar when
 * the last columns could not reach the left edge) to a stage's column.
 */
function showColumn(stage: Stage) {
  const column = document.getElementById(`col-${stage}`)?.parentElement;
  const board = column?.parentElement;
  if (!column || !board) return;
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  board.scrollTo({
    left: board.scrollLeft + column.getBoundingClientRect().left - board.getBoundingClientRect().left,
    behavior: still ? 'auto' : 'smooth',
  });
}
