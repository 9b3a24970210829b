import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api, type ApiError, asApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../format';
import { useApp, type FileRef } from '../../state/app';
import { ReceiptNote, useReceipt } from '../handoffs/useReceipt';
import { ImportPreviewView } from './ImportPreviewView';

type Preview = ChannelResult<'previewImport'>;
type Applied = ChannelResult<'applyImport'>;

/**
 * Import: choose a file, see what it would change, then apply it (or not). Nothing changes before
 * "Apply". A hand-off is accepted or declined (with a reason its sender reads), and its receipt is
 * saved at once; if that is cancelled, it can be saved from here or from Hand-offs.
 */
export function ImportPanel({ initialFile }: { initialFile?: FileRef | undefined }) {
  const { t } = useTranslation();
  const { navigate } = useApp();
  const receipt = useReceipt();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<FileRef | null>(initialFile ?? null);
  const [acceptUnknown, setAcceptUnknown] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!file) return;
    let live = true;
    api.previewImport({ token: file.token, acceptUnknownSender: acceptUnknown }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
      },
      (e: unknown) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [file, acceptUnknown]);

  const reset = () => {
    setDeclining(false);
    setReason('');
  };

  const choose = async () => {
    setApplied(null);
    receipt.clear();
    reset();
    setError(null);
    try {
      const { file: chosen } = await api.chooseImportFile({});
      if (chosen) {
        setPreview(null);
        setAcceptUnknown(false);
        setFile(chosen);
      }
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const apply = async (decline?: string) => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await api.applyImport({
        token: file.token,
        acceptUnknownSender: acceptUnknown,
        ...(decline === undefined ? {} : { decline }),
      });
      setApplied(done);
      setPreview(null);
      setFile(null);
      reset();
      // The sender learns the answer only from the receipt: it is saved straight away.
      if (done.handoff) await receipt.save(done.handoff.handoffId);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const unknownSender = preview ? !preview.sender.known : error?.reason === 'importSender';
  const blocked = preview ? !preview.sender.known && !acceptUnknown : true;
  // A hand-off not yet answered here is accepted or declined; one imported before only says so.
  const answersHandoff = preview?.kind === 'handoff' && !preview.alreadyImportedAt;

  return (
    <section className="panel stack" aria-labelledby="import-title">
      <h2 id="import-title">{t('exchange.importTitle')}</h2>
      <p className="small muted">{t('exchange.importIntro')}</p>
      <div className="row">
        <button type="button" className="btn" onClick={() => void choose()}>
          {t('exchange.chooseFile')}
        </button>
        {file ? <span className="small mono">{file.name}</span> : null}
      </div>
      <ErrorNote error={error} />
      {file && unknownSender ? (
        <div className="alert alert-warn stack">
          <p>{t('exchange.unknownSender')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={acceptUnknown} onChange={(e) => setAcceptUnknown(e.target.checked)} />
            <span>{t('exchange.acceptUnknown')}</span>
          </label>
        </div>
      ) : null}
      {preview ? (
        <>
          <ImportPreviewView preview={preview} />
          {declining ? (
            <form
              className="stack decline-form"
              aria-label={t('exchange.declineConfirm')}
              onSubmit={(e) => {
                e.preventDefault();
                if (reason.trim()) void apply(reason.trim());
              }}
            >
              <div className="field">
                <label htmlFor="decline-reason">{t('exchange.declineReason')}</label>
                <textarea
                  id="decline-reason"
                  rows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  // The person just asked to decline: the reason is what they type next.
                  autoFocus
                />
              </div>
              <div className="row">
                <button type="submit" className="btn btn-primary" disabled={busy || !reason.trim() || blocked}>
                  {t('exchange.declineConfirm')}
                </button>
                <button type="button" className="btn btn-ghost" onClick={reset}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <div className="row">
              <button type="button" className="btn btn-primary" disabled={busy || blocked} onClick={() => void apply()}>
                {preview.returns.length && preview.kind !== 'receipt'
                  ? t('exchange.takeBack', { count: preview.returns.length })
                  : answersHandoff
                    ? t('exchange.accept')
                    : t('exchange.apply')}
              </button>
              {answersHandoff ? (
                <button type="button" className="btn" disabled={busy || blocked} onClick={() => setDeclining(true)}>
                  {t('exchange.decline')}
                </button>
              ) : null}
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  setPreview(null);
                  setFile(null);
                  reset();
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          )}
        </>
      ) : null}
      {applied ? (
        <div className="alert alert-ok stack" role="status">
          <p>
            {applied.alreadyImportedAt
              ? t('exchange.alreadyImported', { date: formatDateTime(applied.alreadyImportedAt) })
              : applied.handoff
                ? t(applied.handoff.outcome === 'declined' ? 'exchange.declined' : 'exchange.accepted')
                : t('exchange.applied', {
                    newCases: applied.newCases,
                    updated: applied.updatedCases,
                    conflicts: applied.newConflicts,
                  })}
          </p>
          {applied.returned ? <p>{t('exchange.returned', { count: applied.returned })}</p> : null}
          {applied.receipts ? (
            <p>
              {t('exchange.receiptsRecorded', { count: applied.receipts })}{' '}
              <button type="button" className="link-button" onClick={() => navigate({ name: 'handoffs' })}>
                {t('exchange.openHandoffs')}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      <ReceiptNote receipt={receipt} />
    </section>
  );
}
