import type { TFunction } from 'i18next';
import type { SheetTarget } from '../../../../shared/sheets/targets';
import { countryName } from '../../format';

/** The words for a column's target and for a value's code, from the UI's own vocabulary where it has one. */
export function targetLabel(t: TFunction, target: SheetTarget): string {
  switch (target) {
    case 'phone':
    case 'telegram':
    case 'whatsapp':
    case 'signal':
    case 'email':
      return `${t('field.contacts')}: ${t(`channel.${target}`)}`;
    case 'note':
      return t('sheets.target.note');
    case 'skip':
      return t('sheets.target.skip');
    default:
      return t(`field.${target}`);
  }
}

const CODE_GROUPS: Partial<Record<SheetTarget, string>> = {
  gender: 'gender',
  passport: 'passport',
  internalPassport: 'passport',
  risk: 'risk',
  threats: 'threat',
  refugeRoute: 'route',
  needs: 'need',
};

export function codeLabel(t: TFunction, target: SheetTarget, code: string): string {
  if (target === 'refugeCountry') return `${countryName(code)} (${code})`;
  if (target === 'stage') {
    if (code.startsWith('closed:')) return `${t('stage.closed')}: ${t(`closedReason.${code.slice(7)}`)}`;
    return t(`stage.${code}`);
  }
  const group = CODE_GROUPS[target];
  return group ? t(`${group}.${code}`) : code;
}
