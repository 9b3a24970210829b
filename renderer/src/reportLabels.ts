import type { TFunction } from 'i18next';
import type { ChannelResult } from '../../shared/ipc/contract';
import { countryName } from './format';

type Stats = ChannelResult<'getStats'>;

/** i18n prefixes of the groups whose keys are enumerations the UI already names. */
const ENUM_GROUPS: Record<string, string> = {
  byStage: 'stage',
  byPassport: 'passport',
  byInternalPassport: 'passport',
  byRisk: 'risk',
  byNeed: 'need',
};

/** The saved CSV report's words in the UI's language (see shared/service/statsReport.ts for the keys). */
export function reportLabels(t: TFunction, stats: Stats): Record<string, string> {
  const labels: Record<string, string> = {
    'header.group': t('report.header.group'),
    'header.key': t('report.header.key'),
    'header.count': t('report.header.count'),
    report: t('report.report'),
    date: t('report.date'),
    note: t('report.note'),
    noteText: t('report.noteText'),
    totals: t('report.groups.totals'),
  };
  for (const [group, value] of Object.entries(stats)) {
    if (typeof value === 'number') {
      labels[`totals.${group}`] = t(`report.totals.${group}`);
      continue;
    }
    labels[group] = t(`report.groups.${group}`);
    for (const key of Object.keys(value)) {
      const prefix = ENUM_GROUPS[group];
      if (prefix) labels[`${group}.${key}`] = t(`${prefix}.${key}`);
      else if (group === 'byRefugeCountry') labels[`${group}.${key}`] = countryName(key);
    }
  }
  return labels;
}
