import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  id: string;
  title: string;
  addLabel: string;
  onAdd: () => void;
  empty: string;
  count: number;
  children: ReactNode;
};

/** A titled list in the case form with an add button and an empty state. */
export function ListSection({ id, title, addLabel, onAdd, empty, count, children }: Props) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>
          {title} <span className="muted">{count || ''}</span>
        </h2>
        <button type="button" className="btn btn-small" onClick={onAdd}>
          + {addLabel}
        </button>
      </div>
      {count ? <ul className="item-list">{children}</ul> : <p className="muted small">{empty}</p>}
      <span className="sr-only">{t('case.listHint')}</span>
    </section>
  );
}

/** Replace the item at `index` of a list, immutably. */
export const replaceAt = <T,>(list: T[], index: number, item: T) => list.map((x, i) => (i === index ? item : x));
export const removeAt = <T,>(list: T[], index: number) => list.filter((_, i) => i !== index);
