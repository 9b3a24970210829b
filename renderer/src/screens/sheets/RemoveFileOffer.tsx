import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError, type ApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import type { FileRef } from '../../state/app';

/**
 * After an import the spreadsheet is a plaintext list of people at risk on this disk. Removing it
 * is offered, with the honest limit: deleting a file does not erase its copies.
 */
export function RemoveFileOffer({ file }: { file: FileRef }) {
  const { t } = useTranslation();
  const [removed, setRemoved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const remove = async () => {
    try {
      await api.removeSpreadsheet({ token: file.token });
      setRemoved(true);
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <div className="alert alert-warn stack" aria-labelledby="sheet-remove-title">
      <h3 id="sheet-remove-title">{t('sheets.removeTitle')}</h3>
      <p>{t('sheets.removeWarning', { name: file.name })}</p>
      {removed ? (
        <p role="status">{t('sheets.removed', { name: file.name })}</p>
      ) : (
        <div className="row">
          <button type="button" className="btn" onClick={() => void remove()}>
            {t('sheets.removeFile', { name: file.name })}
          </button>
        </div>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
