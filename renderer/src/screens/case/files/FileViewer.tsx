import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../../shared/ipc/contract';
import { api, asApiError, type ApiError } from '../../../api';
import { ErrorNote } from '../../../components/ErrorNote';
import { blobUrlOf, decodeBase64, revokeBlobUrl } from './blobUrls';

type Entry = ChannelResult<'listEvidenceFiles'>['files'][number];
type Shown = { kind: 'image'; url: string } | { kind: 'pdf'; bytes: Uint8Array };

// pdf.js is large: loaded the first time a PDF is opened, not with the app.
const PdfPages = lazy(() => import('./PdfPages').then((m) => ({ default: m.PdfPages })));

/**
 * The viewer: a modal over the case, one file at a time, from memory. Escape closes it, the arrow
 * keys move between the files that can be shown, focus goes back where it was.
 */
export function FileViewer({ files, startAt, onClose }: { files: Entry[]; startAt: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(startAt);
  const closeButton = useRef<HTMLButtonElement>(null);
  const file = files[index];

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => before?.focus();
  }, []);

  if (!file) return null;
  const move = (step: number) => setIndex((i) => (i + step + files.length) % files.length);
  const title = file.caption ? `${file.name} — ${file.caption}` : file.name;

  return (
    <div className="viewer-backdrop" onClick={onClose}>
      <div
        className="viewer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="viewer-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'ArrowRight' && files.length > 1) move(1);
          if (e.key === 'ArrowLeft' && files.length > 1) move(-1);
        }}
      >
        <header className="viewer-head">
          <h2 id="viewer-title" className="viewer-title">
            {title}
          </h2>
          <span className="muted small">{t('files.position', { n: index + 1, total: files.length })}</span>
          <div className="spacer" />
          {files.length > 1 ? (
            <>
              <button type="button" className="btn btn-small" onClick={() => move(-1)}>
                ← {t('files.previous')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => move(1)}>
                {t('files.next')} →
              </button>
            </>
          ) : null}
          <button ref={closeButton} type="button" className="btn btn-small" onClick={onClose}>
            {t('files.close')}
          </button>
        </header>
        <FileContent key={file.id} file={file} title={title} />
      </div>
    </div>
  );
}

/** One file, decrypted into memory when shown; its blob: URL is revoked when it goes. */
function FileContent({ file, title }: { file: Entry; title: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    api.readEvidenceFile({ fileId: file.id }).then(
      (result) => {
        if (!live) return;
        if (result.view === 'image') setShown({ kind: 'image', url: (url = blobUrlOf(result.base64, result.type)) });
        else setShown({ kind: 'pdf', bytes: decodeBase64(result.base64) });
      },
      (e: unknown) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
      revokeBlobUrl(url);
    };
  }, [file.id]);

  return (
    <div className="viewer-body" aria-live="polite" aria-busy={shown === null && !error}>
      <ErrorNote error={error} />
      {shown === null && !error ? <p className="muted">{t('files.decrypting')}</p> : null}
      {shown?.kind === 'image' ? <img className="viewer-image" src={shown.url} alt={title} /> : null}
      {shown?.kind === 'pdf' ? (
        <Suspense fallback={<p className="muted">{t('files.decrypting')}</p>}>
          <PdfPages bytes={shown.bytes} label={file.name} />
        </Suspense>
      ) : null}
    </div>
  );
}
