import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelArgs, ChannelResult } from '../../../shared/ipc/contract';
import type { CaseFilter } from '../../../shared/search/filter';
import { api, type ApiError, asApiError } from '../api';
import { useVaultVersion } from './useVaultVersion';

export type CaseRow = ChannelResult<'queryCases'>['rows'][number];
export type CaseSort = NonNullable<ChannelArgs<'queryCases'>['sort']>;
export const PAGE_SIZE = 200;

/**
 * The case list, fetched a page at a time as the table scrolls: only the rows in view (and a page
 * around them) cross IPC, so 100,000 cases cost what 400 do.
 */
export function useCasePages(filter: CaseFilter, sort: CaseSort) {
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const pages = useRef(new Map<number, CaseRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify([filter, sort]);
  // A change to the vault while the list is on screen (an import, a purge, a receipt saved) fetches it again.
  const vaultVersion = useVaultVersion();

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const result = await api.queryCases({ filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setError(null);
        setVersion((v) => v + 1);
      } catch (e) {
        if (gen === generation.current) setError(asApiError(e));
      } finally {
        pending.current.delete(page);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    // State is set when the vault answers, not synchronously in the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void fetchPage(0, generation.current);
  }, [fetchPage, vaultVersion]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        void fetchPage(page, generation.current);
      }
    },
    [fetchPage],
  );

  const rowAt = useCallback(
    (index: number): CaseRow | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  return { total, rowAt, ensureRange, error, reload, version };
}
