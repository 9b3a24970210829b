import type { TFunction } from 'i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';

export type DuplicatePair = ChannelResult<'listDuplicates'>['pairs'][number];
export type DuplicateReason = DuplicatePair['reasons'][number];

/** One reason two cases may be one person, in the UI's language ("name Akhmed ~ Ахмед"). */
export function describeReason(t: TFunction, reason: DuplicateReason): string {
  return t(`dupes.reasons.${reason.code}`, reason.params as Record<string, unknown>);
}
