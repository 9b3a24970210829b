import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, typedDateText } from '../typedDate';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string | null;
  /** Text typed earlier that could not be read (from a restored draft): shown again as typed. */
  typed?: string | undefined;
  onChange: (iso: string | null) => void;
  /** Told the typed text when it cannot be read (null when it can), so the form can refuse to save it. */
  onUnreadable: (typed: string | null) => void;
};

/**
 * A date typed in the UI language's own format. Unlike `<input type="date">`, whose format follows
 * the browser and which reports a half-typed date as empty, it keeps what was typed and says when it
 * cannot read it.
 */
export function DateInput({ value, typed: typedBefore, onChange, onUnreadable, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => typedBefore ?? typedDateText(value, i18n.language));
  // When the value changes from outside (discard, a restored draft), show it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    const typed = parseTypedDate(text);
    if (!(typed.kind === 'date' && typed.iso === value) && !(typed.kind === 'empty' && value === null))
      setText(typedDateText(value, i18n.language));
  }
  return (
    <input
      {...rest}
      inputMode="numeric"
      placeholder={t('date.placeholder')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const typed = parseTypedDate(e.target.value);
        onUnreadable(typed.kind === 'unreadable' ? e.target.value : null);
        if (typed.kind !== 'unreadable') {
          const next = typed.kind === 'date' ? typed.iso : null;
          setShown(next);
          onChange(next);
        }
      }}
    />
  );
}
