import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../passphrase';

/** A meter of how hard the passphrase is to guess, with the minimum said in words. */
export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation();
  const { score } = passphraseStrength(passphrase);
  return (
    <div className="strength" id={id}>
      <meter
        className={`strength-meter strength-${score}`}
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={score}
        aria-label={t('gate.strength.label')}
      />
      <span className="small">
        {passphrase ? t(`gate.strength.s${score}`) : ''}{' '}
        <span className="muted">{t('gate.strength.minimum', { count: MIN_PASSPHRASE_LENGTH })}</span>
      </span>
    </div>
  );
}
