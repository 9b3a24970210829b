import { useTranslation } from 'react-i18next';
import type { PassportStatus, Risk, Stage } from '../../../shared/model/case';

/** Risk as a coloured word (colour is never the only signal: the word is always there). */
export function RiskBadge({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  return <span className={`badge risk-${risk}`}>{t(`risk.${risk}`)}</span>;
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <span className={`badge stage stage-${stage}`}>{t(`stage.${stage}`)}</span>;
}

const PASSPORT_TONE: Record<PassportStatus, string> = {
  unknown: 'neutral',
  none: 'neutral',
  held: 'good',
  held_by_family: 'warn',
  confiscated: 'bad',
  destroyed: 'bad',
  lost: 'warn',
  applied: 'info',
  issued: 'good',
  expired: 'warn',
};

export function PassportBadge({ status }: { status: PassportStatus }) {
  const { t } = useTranslation();
  return <span className={`dot-label tone-${PASSPORT_TONE[status]}`}>{t(`passport.${status}`)}</span>;
}
