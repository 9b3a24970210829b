import { listHandoffs, type HandoffList } from '../../shared/handoffs/listHandoffs.js';
import { writeReceipt } from '../../shared/handoffs/writeReceipt.js';
import { usageError } from '../../shared/errors.js';
import { defineCommand } from '../command.js';
import { withVault } from '../openVault.js';
import { printJson, printLines } from '../output.js';
import { UNLOCK_HELP, unlockOptions } from '../secrets.js';

export const handoffsCommand = defineCommand({
  name: ['handoffs'],
  summary: 'hand-offs made here with their state (sent, accepted, declined, returned), and those received',
  usage: 'VAULT [--json] | VAULT --receipt HANDOFF --out FILE',
  help: `Lists every hand-off made from this vault, newest first: to whom, when, in which file, whether
the case was purged here, the consent, and its state — sent (no receipt yet), accepted, declined
(with the receiver's reason) or returned (handed back). A purged case shows only its stub: its id,
and its alias if it was kept. Then the hand-offs received here and how this vault answered them.

  --json                     print the lists as JSON
  --receipt HANDOFF          write the receipt of a hand-off received here again (a lost receipt,
  --out FILE                 or one whose writing failed) to FILE
${UNLOCK_HELP}`,
  options: {
    ...unlockOptions,
    json: { type: 'boolean' },
    receipt: { type: 'string' },
    out: { type: 'string' },
  },
  positionals: ['VAULT'],
  async run(values, [vaultPath]) {
    if (values.receipt !== undefined) {
      if (!values.out) throw usageError('name the receipt file to write with --out FILE', 'commandLine');
      await withVault(vaultPath!, values, async (vault) => {
        const receipt = await writeReceipt(vault, values.receipt!, values.out!);
        if (values.json) return printJson(receipt);
        printLines([`receipt for ${receipt.to.name} (${receipt.outcome}): ${receipt.file}`]);
      });
      return;
    }
    if (values.out) throw usageError('--out goes with --receipt HANDOFF', 'commandLine');
    await withVault(
      vaultPath!,
      values,
      (vault) => {
        const list = listHandoffs(vault);
        if (values.json) printJson(list);
        else printLines(formatHandoffs(list));
      },
      { readOnly: true },
    );
  },
});

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export function formatHandoffs(list: HandoffList): string[] {
  const lines: string[] = [];
  const { counts } = list;
  lines.push(
    `made here: ${list.sent.length} (${counts.awaiting} awaiting a receipt, ${counts.accepted} accepted, ${counts.declined} declined, ${counts.returned} returned)`,
  );
  for (const s of list.sent) {
    const what = s.alias ?? (s.caseHeld ? s.caseId : `case ${s.caseId} (purged, no alias kept)`);
    const state =
      s.state === 'sent'
        ? 'SENT, no receipt yet'
        : s.state === 'declined'
          ? `DECLINED on ${day(s.receivedAt)}: "${s.reason ?? ''}"${s.returnedAt ? `, back here since ${day(s.returnedAt)}` : ', the case comes back with their receipt'}`
          : s.state === 'returned'
            ? `RETURNED on ${day(s.returnedAt)}`
            : `ACCEPTED on ${day(s.receivedAt)}`;
    lines.push(`${s.handoffId}  ${day(s.sentAt)}  to ${s.to.name}: ${what}  ${state}`);
    lines.push(`    ${s.purged ? 'purged here' : 'kept here'}; file ${s.fileName}; ${consentOf(s)}`);
  }
  lines.push(`received here: ${list.received.length}`);
  for (const r of list.received) {
    lines.push(
      `${r.handoffId}  ${day(r.receivedAt)}  from ${r.from.name}: case ${r.caseId}  ${r.outcome.toUpperCase()}${r.reason ? `: "${r.reason}"` : ''}`,
    );
  }
  return lines;
}

/** A purged case's stub keeps whether the person agreed, not the words (they went with the case). */
function consentOf(s: HandoffList['sent'][number]): string {
  if (s.agreedTo !== null) return `consent: agreed to ${s.agreedTo}`;
  if (s.override !== null) return `without consent: ${s.override}`;
  return s.consent === 'agreed'
    ? 'consent: agreed (the words went with the case)'
    : 'without consent (the reason went with the case)';
}
