import type { CaseState } from '../../shared/oplog/fold.js';
import { hlcMillis } from '../../shared/oplog/hlc.js';
import { describeCandidate, describeChange, formatValue, type HistoryEntry } from '../../shared/oplog/history.js';
import { FIELD_NAMES } from '../../shared/model/case.js';
import { localDateTime, safeLines, safeText, shortFingerprint, table } from './text.js';

/** Everything about one case, for a person: fields, lists, notes, conflicts, then the history. */
export function formatCaseDetails(
  c: CaseState,
  history: readonly HistoryEntry[],
  options: { me: string; today: string },
): string[] {
  const who = (fingerprint: string) =>
    fingerprint === options.me ? `${shortFingerprint(fingerprint)} (you)` : shortFingerprint(fingerprint);
  const when = (hlc: string) => localDateTime(hlcMillis(hlc));
  const out: string[] = [`Case ${c.id}`, ''];

  out.push(
    ...table(
      ['FIELD', 'VALUE'],
      FIELD_NAMES.map((field) => [field, safeText(formatFull(c.fields[field]))]),
    ),
  );
  out.push(`created ${when(c.createdAt)} by ${who(c.createdBy)}, last changed ${when(c.updatedAt)}`);

  section(out, 'Contacts', c.contacts, (contact) => [
    `${contact.channel}: ${safeText(contact.value)}`,
    ...(contact.safetyNote ? [`    safety: ${safeText(contact.safetyNote)}`] : []),
  ]);
  section(out, 'Documents', c.documents, (d) => [
    `${d.kind}: ${d.status}` +
      (d.issuedOn ? `, issued ${d.issuedOn}` : '') +
      (d.expiresOn ? `, expires ${d.expiresOn}` : '') +
      (d.note ? ` — ${safeText(d.note)}` : ''),
  ]);
  section(out, 'Tasks', c.tasks, (t) => {
    const overdue = !t.done && t.due !== null && t.due < options.today;
    return [
      `[${t.done ? 'x' : ' '}] ${safeText(t.text)}${t.due ? ` (due ${t.due})` : ''}${overdue ? '  OVERDUE' : ''}`,
    ];
  });
  section(out, 'Notes', c.notes, (n) => [
    `${when(n.hlc)}  ${who(n.author)}`,
    ...safeLines(n.text).map((line) => `    ${line}`),
  ]);
  section(out, 'Conflicts (until someone picks one value)', c.conflicts, (conflict) => [
    `${conflict.key}:`,
    ...conflict.candidates.map(
      (w) => `    ${safeText(describeCandidate(conflict, w))}  (${who(w.author)}, ${when(w.hlc)})`,
    ),
  ]);
  section(out, 'History', history, (entry) =>
    entry.changes.map(
      (change) => `${localDateTime(entry.at)}  ${who(entry.author)}  ${safeText(describeChange(change))}`,
    ),
  );
  return out;
}

function section<T>(out: string[], title: string, items: readonly T[], render: (item: T) => string[]): void {
  if (items.length === 0) return;
  out.push('', `${title}:`);
  for (const item of items) out.push(...render(item).map((line) => `  ${line}`));
}

/** Field values in full (the table has room); lists joined. */
function formatFull(value: unknown): string {
  if (typeof value === 'string') return value;
  return formatValue(value);
}
