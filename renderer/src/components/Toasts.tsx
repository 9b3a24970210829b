import { useTranslation } from 'react-i18next';

export type Toast = { id: number; message: string; tone: 'ok' | 'error' };

/** Short confirmations and refusals, announced to screen readers; each can be closed. */
export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span>{toast.message}</span>
          <button
            type="button"
            className="toast-close"
            aria-label={t('toast.dismiss')}
            title={t('toast.dismiss')}
            onClick={() => onDismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
