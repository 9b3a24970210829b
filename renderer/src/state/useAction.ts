import { useCallback, useState } from 'react';
import { type ApiError, asApiError } from '../api';

/**
 * One vault action at a time from a panel: `busy` while it runs (buttons disabled), and its refusal
 * as an ApiError to show in the panel. A new action clears the last refusal.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
