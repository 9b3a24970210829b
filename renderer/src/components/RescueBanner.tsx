import { useTranslation } from 'react-i18next';

/**
 * Shown on every screen while a vault found altered is open for reading only: what happened, and
 * how to save its cases before it is set aside. The vault's own finding is kept under Details, in
 * the words `crossing check` uses, for whoever investigates.
 */
export function RescueBanner({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error rescue-banner stack" role="alert" aria-labelledby="rescue-title">
      <strong id="rescue-title">{t('rescue.title')}</strong>
      <p>{t('rescue.body')}</p>
      <details>
        <summary>{t('rescue.details')}</summary>
        <p className="mono small">{what}</p>
      </details>
    </div>
  );
}
