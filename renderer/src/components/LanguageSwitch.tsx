import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';

/** Two buttons, Русский / English, each written in its own language. */
export function LanguageSwitch({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('settings.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={value === language}
          onClick={() => onChange(language)}
        >
          {language === 'ru' ? 'Русский' : 'English'}
        </button>
      ))}
    </div>
  );
}
