import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api, type ApiError, asApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../format';
import type { FileRef } from '../../state/app';
import { ImportPreviewView } from './ImportPreviewView';

type Preview = ChannelResult<'previewImport'>;
type Applied = ChannelResult<'applyImport'>;

/** Import: choose a file, see what it would change, then apply it (or not). Nothing changes before "Apply". */
export function ImportPanel({ initialFile }: { initialFile?: FileRef | undefined }) {
  const { t } = useTranslation();
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

  const choose = async () => {
    setApplied(null);
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

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    try {
      setApplied(await api.applyImport({ token: file.token, acceptUnknownSender: acceptUnknown }));
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const unknownSender = preview ? !preview.sender.known : error?.reason === 'importSender';

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
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || (!preview.sender.known && !acceptUnknown)}
              onClick={() => void apply()}
            >
              {t('exchange.apply')}
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setPreview(null);
                setFile(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : null}
      {applied ? (
        <p className="alert alert-ok" role="status">
          {applied.alreadyImportedAt
            ? t('exchange.alreadyImported', { date: formatDateTime(applied.alreadyImportedAt) })
            : t('exchange.applied', {
                newCases: applied.newCases,
                updated: applied.updatedCases,
                conflicts: applied.newConflicts,
              })}
        </p>
      ) : null}
    </section>
  );
}
