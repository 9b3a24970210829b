import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DROPPED_BYTES, type ChannelResult } from '../../../../../shared/ipc/contract';
import { EVIDENCE_KINDS } from '../../../../../shared/model/case';
import { api, asApiError, type ApiError } from '../../../api';
import { EnumSelect } from '../../../components/EnumSelect';
import { ErrorNote } from '../../../components/ErrorNote';
import { formatDate } from '../../../format';
import { useApp } from '../../../state/app';
import { FileViewer } from './FileViewer';
import { formatFileSize } from './formatFileSize';
import { Thumbnail } from './Thumbnail';
import { revokeOnLock } from './blobUrls';

type Entry = ChannelResult<'listEvidenceFiles'>['files'][number];
type Added = ChannelResult<'addEvidenceFiles'>;
type CaseDocument = { id: string; kind: string; status: string };
const MiB = 1024 * 1024;

/**
 * A case's evidence files: add them (the picker, or dropped on the section), see thumbnails, open
 * pictures and PDFs in the viewer, caption and sort them by kind, save a copy (not encrypted, and
 * said so), remove them. Every change is an op in the case's history.
 */
export function FilesSection({
  caseId,
  documents,
  nameOf,
}: {
  caseId: string;
  /** The case's saved documents, which a file may be linked to. */
  documents: readonly CaseDocument[];
  nameOf: (fingerprint: string) => string;
}) {
  const { t } = useTranslation();
  const { notify, settings } = useApp();
  const [refused, setRefused] = useState<string | null>(null);
  const [files, setFiles] = useState<Entry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [keepMetadata, setKeepMetadata] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [confirmCopy, setConfirmCopy] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);

  useEffect(() => {
    revokeOnLock();
    let live = true;
    api.listEvidenceFiles({ caseId }).then(
      (r) => live && setFiles(r.files),
      (e: unknown) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [caseId]);

  const run = async (work: () => Promise<{ files: Entry[] } | null>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      if (result) setFiles(result.files);
      return result;
    } catch (e) {
      setError(asApiError(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const announceAdded = (result: Added | null) => {
    if (!result) return;
    const stripped = result.added.filter((a) => a.removedMetadata.length > 0).length;
    notify(
      stripped > 0
        ? t('files.addedStripped', { count: result.added.length, stripped })
        : t('files.added', { count: result.added.length }),
    );
  };

  const pick = async () => {
    const result = await run(async () => {
      const chosen = await api.chooseEvidenceFiles({});
      if (chosen.files.length === 0) return null;
      return api.addEvidenceFiles({ caseId, tokens: chosen.files.map((f) => f.token), keepMetadata });
    });
    announceAdded(result as Added | null);
  };

  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files];
    setRefused(null);
    for (const file of dropped) {
      // Refused before its bytes are read: a drop over the limit would only fill memory to be refused.
      const limit = settings.maxFileMegabytes * MiB;
      if (file.size > Math.min(limit, MAX_DROPPED_BYTES)) {
        setRefused(
          file.size > limit
            ? t('files.overLimit', { name: file.name, limit: formatFileSize(limit, t) })
            : t('files.dropTooLarge', {
                name: file.name,
                size: formatFileSize(file.size, t),
                limit: formatFileSize(MAX_DROPPED_BYTES, t),
              }),
        );
        break;
      }
      const result = await run(async () =>
        api.addDroppedEvidence({ caseId, name: file.name, base64: await toBase64(file), keepMetadata }),
      );
      announceAdded(result as Added | null);
      if (!result) break;
    }
  };

  const update = (
    fileId: string,
    change: { name?: string; caption?: string | null; kind?: Entry['kind']; documentId?: string | null },
  ) => run(() => api.updateEvidenceFile({ fileId, ...change }));

  const saveCopy = async (fileId: string) => {
    setConfirmCopy(null);
    const result = await run(async () => {
      const saved = await api.saveEvidenceCopy({ fileId });
      if (saved.savedAs) notify(t('files.copySaved', { path: saved.savedAs }));
      return null;
    });
    return result;
  };

  const remove = async (fileId: string) => {
    setConfirmRemove(null);
    if (await run(() => api.removeEvidenceFile({ fileId }))) notify(t('files.removed'));
  };

  const viewable = (files ?? []).filter((f) => f.held && f.view !== null);

  return (
    <section
      className={`panel files-section${dragging ? ' files-dragging' : ''}`}
      aria-labelledby="sec-files"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void drop(e)}
    >
      <div className="panel-head">
        <h2 id="sec-files">
          {t('files.title')} <span className="muted">{files?.length || ''}</span>
        </h2>
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void pick()}>
          + {t('files.add')}
        </button>
      </div>
      <p className="muted small files-drop-hint">{t('files.dropHint')}</p>
      <label className="checkbox files-keep">
        <input type="checkbox" checked={keepMetadata} onChange={(e) => setKeepMetadata(e.target.checked)} />
        <span>{t('files.keepMetadata')}</span>
      </label>
      {keepMetadata ? <p className="alert alert-warn small">{t('files.keepMetadataWarning')}</p> : null}
      <ErrorNote error={error} />
      {refused ? (
        <p className="alert alert-error small" role="alert">
          {refused}
        </p>
      ) : null}
      {busy ? (
        <p className="muted small" role="status">
          {t('files.working')}
        </p>
      ) : null}
      {files && files.length === 0 ? <p className="muted small">{t('files.none')}</p> : null}
      {files && files.length > 0 ? (
        <ul className="file-list">
          {files.map((f) => {
            const viewIndex = viewable.indexOf(f);
            return (
              <li key={f.id} className="file-item" data-testid="file-item">
                <Thumbnail file={f} />
                <div className="file-body">
                  <div className="file-name">
                    {viewIndex >= 0 ? (
                      <button type="button" className="link-button" onClick={() => setViewing(viewIndex)}>
                        {f.name}
                      </button>
                    ) : (
                      <span>{f.name}</span>
                    )}
                  </div>
                  <p className="muted small file-meta">
                    {formatFileSize(f.size, t)} · {f.type} ·{' '}
                    {t('files.addedBy', { who: nameOf(f.addedBy), when: formatDate(f.addedAt) })}
                  </p>
                  {f.removedMetadata.length > 0 ? (
                    <p className="small file-stripped">
                      {t('files.stripped', {
                        what: f.removedMetadata.map((m) => t(`files.metadata.${m}`)).join(', '),
                      })}
                    </p>
                  ) : null}
                  {f.keptMetadata ? <p className="alert alert-warn small">{t('files.keptOriginal')}</p> : null}
                  {!f.held ? (
                    <p className="alert alert-warn small">{t('files.heldElsewhere', { who: nameOf(f.addedBy) })}</p>
                  ) : null}
                  {f.view === null && f.held ? <p className="muted small">{t('files.notViewable')}</p> : null}
                  <div className="file-fields">
                    <label className="file-field file-rename">
                      <span className="small">{t('files.name')}</span>
                      <input
                        type="text"
                        defaultValue={f.name}
                        maxLength={255}
                        onBlur={(e) => {
                          const next = e.target.value.trim();
                          if (!next) e.target.value = f.name;
                          else if (next !== f.name) void update(f.id, { name: next });
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                        }}
                      />
                    </label>
                    <label className="file-field">
                      <span className="small">{t('files.kind')}</span>
                      <EnumSelect
                        value={f.kind}
                        options={EVIDENCE_KINDS}
                        prefix="evidenceKind"
                        onChange={(v) => v && v !== f.kind && void update(f.id, { kind: v })}
                      />
                    </label>
                    {documents.length > 0 || f.documentId ? (
                      <label className="file-field">
                        <span className="small">{t('files.document')}</span>
                        <select
                          value={f.documentId ?? ''}
                          onChange={(e) => void update(f.id, { documentId: e.target.value || null })}
                        >
                          <option value="">{t('files.noDocument')}</option>
                          {documents.map((d) => (
                            <option key={d.id} value={d.id}>
                              {t(`docKind.${d.kind}`)} — {t(`docStatus.${d.status}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                    ) : null}
                    <label className="file-field file-caption">
                      <span className="small">{t('files.caption')}</span>
                      <input
                        type="text"
                        defaultValue={f.caption ?? ''}
                        maxLength={500}
                        onBlur={(e) => {
                          const next = e.target.value.trim() || null;
                          if (next !== f.caption) void update(f.id, { caption: next });
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                        }}
                      />
                    </label>
                  </div>
                  <div className="file-actions">
                    {viewIndex >= 0 ? (
                      <button type="button" className="btn btn-small" onClick={() => setViewing(viewIndex)}>
                        {t('files.open')}
                      </button>
                    ) : null}
                    {f.held ? (
                      <button type="button" className="btn btn-small" onClick={() => setConfirmCopy(f.id)}>
                        {t('files.saveCopy')}
                      </button>
                    ) : null}
                    <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirmRemove(f.id)}>
                      {t('files.remove')}
                    </button>
                  </div>
                  {confirmCopy === f.id ? (
                    <div className="confirm-box" role="alertdialog" aria-labelledby={`copy-${f.id}`}>
                      <p id={`copy-${f.id}`} className="alert alert-warn">
                        {t('files.copyWarning')}
                      </p>
                      <button type="button" className="btn btn-small btn-primary" onClick={() => void saveCopy(f.id)}>
                        {t('files.saveCopyConfirm')}
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setConfirmCopy(null)}>
                        {t('files.cancel')}
                      </button>
                    </div>
                  ) : null}
                  {confirmRemove === f.id ? (
                    <div className="confirm-box" role="alertdialog" aria-labelledby={`remove-${f.id}`}>
                      <p id={`remove-${f.id}`}>{t('files.removeWarning', { name: f.name })}</p>
                      <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(f.id)}>
                        {t('files.removeConfirm')}
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setConfirmRemove(null)}>
                        {t('files.cancel')}
                      </button>
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {viewing !== null ? <FileViewer files={viewable} startAt={viewing} onClose={() => setViewing(null)} /> : null}
    </section>
  );
}

/** A dropped file's bytes for the contract (JSON in the harness), read in memory only. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  bytes.fill(0);
  return btoa(binary);
}
