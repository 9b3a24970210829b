import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';

/** A refusal in plain words: what kind of refusal, then the vault's own explanation. */
export function ErrorNote({ error }: { error: ApiError | Error | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = 'code' in error ? (error as ApiError).code : 'failure';
  return (
    <div className="alert alert-error" role="alert">
      <strong>{t(`errors.${code}`)}</strong> <span>{error.message}</span>
    </div>
  );
}
