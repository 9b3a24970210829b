import { useId, type ReactNode } from 'react';

type Props = {
  label: string;
  error?: string | null | undefined;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
  className?: string;
};

/** A label, a control and its inline validation message, tied together for screen readers. */
export function Field({ label, error, hint, children, className }: Props) {
  const id = useId();
  const messageId = `${id}-msg`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? messageId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={messageId} className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
