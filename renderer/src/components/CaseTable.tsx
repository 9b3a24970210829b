import { FileCountFlag } from './FileCountFlag';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_SORT_KEYS } from '../../../shared/ipc/contract';
import { countryName, formatShortDateTime } from '../format';
import type { CaseRow, CaseSort } from '../state/useCasePages';
import { PassportBadge, RiskBadge, StageBadge } from './Badges';

type Props = {
  total: number;
  rowAt: (index: number) => CaseRow | undefined;
  ensureRange: (start: number, end: number) => void;
  sort: CaseSort;
  onSort: (sort: CaseSort) => void;
  onOpen: (id: string) => void;
  nameOf: (fingerprint: string | null) => string;
  version: number;
  /** Changes with the filter and sort: the list starts again from the top. */
  resetKey: string;
  /** Where the list was scrolled when it was left: it opens there again. */
  initialScrollTop: number;
  onScrollTop: (top: number) => void;
};

const ROW_HEIGHT = 36;
type SortKey = (typeof CASE_SORT_KEYS)[number];

/** Every case, one line each, virtualized: only the rows on screen exist in the DOM. */
export function CaseTable({
  total,
  rowAt,
  ensureRange,
  sort,
  onSort,
  onOpen,
  nameOf,
  version,
  resetKey,
  initialScrollTop,
  onScrollTop,
}: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back a mutable instance; this component is simply not auto-memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: initialScrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // Back from a case, the list is where it was left: set as the element is attached, before the
  // virtualizer first reads where it is scrolled and before the first paint. Only then: later the
  // person's own scrolling is where it is.
  const restored = useRef(false);
  const attach = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      if (element && !restored.current) {
        restored.current = true;
        element.scrollTop = initialScrollTop;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const firstKey = useRef(resetKey);
  useEffect(() => {
    if (firstKey.current === resetKey) return;
    firstKey.current = resetKey;
    scrollRef.current?.scrollTo(0, 0);
  }, [resetKey]);

  useEffect(() => {
    // Before the pane is measured the virtualizer has no rows yet: that is not a view at the top.
    if (total > 0 && items.length > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange, items.length]);

  const header = (key: SortKey) => {
    const active = sort.key === key;
    return (
      <div
        role="columnheader"
        className={`cell col-${key}`}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          title={t(`cases.col.${key}`)}
          className="sort-button"
          onClick={() => onSort({ key, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {t(`cases.col.${key}`)}
          <span className="sort-arrow" aria-hidden="true">
            {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </div>
    );
  };

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    event.preventDefault();
    const index = Number(current.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1);
    if (index < 0 || index >= total) return;
    virtualizer.scrollToIndex(index);
    window.requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .row-open`)?.focus(),
    );
  };

  return (
    <div className="case-table" role="table" aria-label={t('cases.tableLabel')} aria-rowcount={total + 1}>
      <div role="rowgroup" className="case-head">
        <div role="row" className="case-row" aria-rowindex={1}>
          {CASE_SORT_KEYS.map((key) => (
            <Fragment key={key}>{header(key)}</Fragment>
          ))}
        </div>
      </div>
      <div
        ref={attach}
        className="case-scroll"
        onKeyDown={moveFocus}
        onScroll={(e) => onScrollTop(e.currentTarget.scrollTop)}
        data-version={version}
      >
        <div role="rowgroup" className="case-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                data-case-id={row?.id}
                className={`case-row ${row?.overdueTasks ? 'row-overdue' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => row && onOpen(row.id)}
              >
                {row ? (
                  <>
                    <div role="cell" className="cell col-alias">
                      <button type="button" className="row-open" title={row.alias} onClick={() => onOpen(row.id)}>
                        {row.alias}
                      </button>
                      {row.conflicts ? (
                        <span className="mini-flag flag-conflict" title={t('cases.hasConflicts')}>
                          {t('cases.conflictFlag', { count: row.conflicts })}
                        </span>
                      ) : null}
                      {row.overdueTasks ? (
                        <span className="mini-flag flag-overdue" title={t('cases.hasOverdue')}>
                          {t('cases.overdueFlag', { count: row.overdueTasks })}
                        </span>
                      ) : null}
                      <FileCountFlag count={row.fileCount} />
                    </div>
                    <div role="cell" className="cell col-stage">
                      <StageBadge stage={row.stage} />
                    </div>
                    <div role="cell" className="cell col-passport">
                      <PassportBadge status={row.passport} />
                    </div>
                    <div role="cell" className="cell col-internalPassport">
                      <PassportBadge status={row.internalPassport} />
                    </div>
                    <div role="cell" className="cell col-refugeCountry">
                      {countryName(row.refugeCountry)}
                    </div>
                    <div role="cell" className="cell col-risk">
                      <RiskBadge risk={row.risk} />
                    </div>
                    <div role="cell" className="cell col-assignedTo">
                      {nameOf(row.assignedTo)}
                    </div>
                    <div role="cell" className="cell col-updatedAt muted">
                      {formatShortDateTime(row.updatedAt)}
                    </div>
                  </>
                ) : (
                  <div role="cell" className="cell placeholder-cell">
                    <span className="skeleton" aria-hidden="true" />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
