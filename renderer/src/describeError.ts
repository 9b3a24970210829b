import type { TFunction } from 'i18next';
import type { ApiError } from './api';

/**
 * A refusal in the UI's language: what kind (the code) and why (the reason), never the vault's
 * English message, which stays behind "Details" for whoever must report it.
 */
export function describeError(t: TFunction, error: Pick<ApiError, 'code' | 'reason' | 'params'>): string {
  const kind = t(`errors.${error.code}`);
  const why = error.reason ? t(`errors.reasons.${error.reason}`, { ...error.params }) : t('errors.unexplained');
  return `${kind} ${why}`;
}
