import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is a file of the app itself (the CSP allows workers from 'self' only, for this).
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const MAX_PAGES = 50;

/**
 * A PDF drawn by pdf.js onto canvases in the page, from bytes in memory: nothing is fetched,
 * nothing evaluated (isEvalSupported off), no scripting, no links followed.
 */
export function PdfPages({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const target = holder.current;
    const task = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: false,
      stopAtErrors: false,
    });
    void (async () => {
      try {
        const doc = await task.promise;
        if (cancelled) return;
        setPages(doc.numPages);
        if (!target) return;
        for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && !cancelled; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.5 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.className = 'pdf-page';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('files.pdfPage', { n, total: doc.numPages, name: label }));
          target.append(canvas);
          await page.render({ canvas, viewport }).promise;
        }
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
      target?.replaceChildren();
    };
  }, [bytes, label, t]);

  return (
    <div className="pdf-view">
      {failed ? <p className="alert alert-error">{t('files.pdfFailed')}</p> : null}
      {pages !== null && pages > MAX_PAGES ? (
        <p className="muted small">{t('files.pdfTruncated', { shown: MAX_PAGES, total: pages })}</p>
      ) : null}
      <div ref={holder} className="pdf-pages" data-testid="pdf-pages" data-pages={pages ?? ''} />
    </div>
  );
}
