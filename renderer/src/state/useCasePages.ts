import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { CaseFilter } from '../../../shared/search/filter';
import { api, asApiError } from '../api';
import type { CaseListStore } from './caseListStore';
import { useVaultVersion } from './useVaultVersion';

export type { CaseRow } from './casePages';
export { PAGE_SIZE } from './casePages';
export type CaseSort = NonNullable<ChannelArgs<'queryCases'>['sort']>;

/**
 * The case list, fetched as the table scrolls: only the rows in view (and some ahead) cross IPC, so
 * 100,000 cases cost what 400 do. The rows are kept in the workspace's store: back from a case, the
 * list paints at once from them while it is fetched again in the background.
 */
export function useCasePages(store: CaseListStore, filter: CaseFilter, sort: CaseSort) {
  const key = JSON.stringify([filter, sort]);
  const pages = store.pagesFor(key, (offset, limit) => api.queryCases({ filter, sort, offset, limit }));
  const version = useSyncExternalStore(pages.subscribe, () => pages.version);
  // A change to the vault while the list is on screen (an import, a purge, a receipt saved) fetches it again.
  const vaultVersion = useVaultVersion();
  const seen = useRef<{ pages: typeof pages; vaultVersion: number } | null>(null);

  useEffect(() => {
    const before = seen.current;
    seen.current = { pages, vaultVersion };
    // Rows already at hand (back from a case, or the vault changed) are shown and fetched again.
    if (pages.total !== null && (before?.pages !== pages || before.vaultVersion !== vaultVersion)) pages.refresh();
    else pages.load();
  }, [pages, vaultVersion]);

  const ensureRange = useCallback((first: number, last: number) => pages.show(first, last), [pages]);
  const rowAt = useCallback(
    (index: number) => pages.rowAt(index),
    // A new version is new rows: the table's cells read them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pages, version],
  );

  const answered = useCallback(() => pages.answered, [pages]);

  return {
    total: pages.total,
    rowAt,
    ensureRange,
    error: pages.error === null ? null : asApiError(pages.error),
    version,
    /** Whether the vault has answered for this list since it was (re)opened: other calls may go now. */
    answered,
  };
}
