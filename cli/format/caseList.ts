import type { CaseSummary } from '../../shared/oplog/summary.js';
import { hlcMillis } from '../../shared/oplog/hlc.js';
import { localDate, safeText, shortFingerprint, shortId, table, truncate } from './text.js';

const MAX_ALIAS = 30;

/** The case list as an aligned table, one case a row. */
export function formatCaseList(cases: readonly CaseSummary[], me: string): string[] {
  const rows = cases.map((c) => {
    const f = c.fields;
    return [
      shortId(c.id),
      truncate(safeText(f.alias), MAX_ALIAS),
      f.stage === 'closed' && f.closedReason ? `closed (${f.closedReason})` : f.stage,
      f.passport,
      f.internalPassport,
      f.refugeCountry ?? '—',
      f.risk,
      f.assignedTo === null ? '—' : f.assignedTo === me ? 'you' : shortFingerprint(f.assignedTo),
      localDate(hlcMillis(c.updatedAt)),
    ];
  });
  const header = ['ID', 'ALIAS', 'STAGE', 'PASSPORT', 'INTERNAL', 'COUNTRY', 'RISK', 'ASSIGNED', 'CHANGED'];
  return table(header, rows);
}
