import { useTranslation } from 'react-i18next';
import { asApiError, type ApiError } from '../api';
import { describeError } from '../describeError';

/** A refusal in plain words, in the UI's language; the vault's own (English) explanation behind Details. */
export function ErrorNote({ error }: { error: ApiError | Error | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const refusal = asApiError(error);
  return (
    <div className="alert alert-error" role="alert">
      <span>{describeError(t, refusal)}</span>
      <details className="error-details">
        <summary>{t('errors.details')}</summary>
        <code lang="en">{refusal.message}</code>
      </details>
    </div>
  );
}
