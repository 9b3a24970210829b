import { useTranslation } from 'react-i18next';

/** "3 files" on a case row or a board card: how much evidence a case carries, at a glance. */
export function FileCountFlag({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return <span className="mini-flag flag-files">{t('files.count', { count })}</span>;
}
