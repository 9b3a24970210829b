import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../../shared/ipc/contract';
import { api } from '../../../api';
import { blobUrlOf, revokeBlobUrl } from './blobUrls';

type Entry = ChannelResult<'listEvidenceFiles'>['files'][number];

/** A picture's thumbnail from a blob: URL in memory (revoked when it goes); a label for anything else. */
export function Thumbnail({ file }: { file: Entry }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const image = file.held && file.view === 'image';

  useEffect(() => {
    if (!image) return;
    let live = true;
    let made: string | null = null;
    api.readEvidenceFile({ fileId: file.id }).then(
      (r) => {
        made = blobUrlOf(r.base64, r.type);
        if (live) setUrl(made);
        else revokeBlobUrl(made);
      },
      () => undefined,
    );
    return () => {
      live = false;
      revokeBlobUrl(made);
    };
  }, [file.id, image]);

  if (image && url) return <img className="file-thumb" src={url} alt={t('files.thumbnailOf', { name: file.name })} />;
  const label =
    file.view === 'pdf' ? 'PDF' : !file.held ? '—' : (file.type.split('/')[1] ?? '?').slice(0, 4).toUpperCase();
  return (
    <span className="file-thumb file-thumb-label" aria-hidden="true">
      {label}
    </span>
  );
}
