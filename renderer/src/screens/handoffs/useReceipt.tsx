import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api, type ApiError, asApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';

type Saved = ChannelResult<'saveReceipt'> & { handoffId: string };

/** Saves a hand-off's receipt (a save dialog opens) and keeps what came of it: saved, cancelled or refused. */
export function useReceipt() {
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [handoffId, setHandoffId] = useState<string | null>(null);
  const save = useCallback(async (handoffId: string) => {
    setHandoffId(handoffId);
    setBusy(true);
    setError(null);
    try {
      setSaved({ ...(await api.saveReceipt({ handoffId })), handoffId });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  /** Forgets the last receipt (another file was chosen). */
  const clear = useCallback(() => {
    setSaved(null);
    setError(null);
    setHandoffId(null);
  }, []);
  return { saved, error, busy, save, clear, handoffId };
}

/**
 * Where the receipt went and what to do with it; or that it was not saved (a declined case stays
 * here until it is), with a button to save it.
 */
export function ReceiptNote({ receipt }: { receipt: ReturnType<typeof useReceipt> }) {
  const { t } = useTranslation();
  const { saved, error, busy, save, handoffId } = receipt;
  return (
    <>
      <ErrorNote error={error} />
      {error && handoffId ? (
        <div className="row">
          <button type="button" className="btn" disabled={busy} onClick={() => void save(handoffId)}>
            {t('exchange.saveReceipt')}
          </button>
        </div>
      ) : null}
      {saved && !error ? (
        saved.savedAs ? (
          <p className="alert alert-ok" role="status">
            {t('exchange.receiptSaved', { path: saved.savedAs, name: saved.to })}
          </p>
        ) : (
          <div className="alert alert-warn stack" role="status">
            <p>
              {t(saved.outcome === 'declined' ? 'exchange.receiptNotSavedDeclined' : 'exchange.receiptNotSaved', {
                name: saved.to,
              })}
            </p>
            <div className="row">
              <button type="button" className="btn" disabled={busy} onClick={() => void save(saved.handoffId)}>
                {t('exchange.saveReceipt')}
              </button>
            </div>
          </div>
        )
      ) : null}
    </>
  );
}
