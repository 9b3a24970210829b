import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { addCase, crossing, expectCleanError, initVault, sha256, withPassphrase } from '../testing/runCrossing.js';

/** The hand-off journey run as the real `crossing` command: consent, receipts, decline, hand back. */
let dir: string;
let cleanup: () => void;
const env = withPassphrase();
const at = (name: string) => path.join(dir, name);
let amina: string;
let bela: string;

function ok(args: string[]) {
  const result = crossing(args, { env });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

interface Listed {
  sent: Array<{ handoffId: string; caseId: string; alias: string | null; state: string; reason: string | null }>;
  received: Array<{ handoffId: string; outcome: string; reason: string | null }>;
  counts: Record<string, number>;
}
const listed = (vault: string) => JSON.parse(ok(['handoffs', vault, '--json'])) as Listed;

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossing-cli-handoffs-'));
  [amina, bela] = ['amina', 'bela'].map((n) => at(`${n}.crossing-vault`)) as [string, string];
  for (const v of [amina, bela]) initVault(v);
  fs.writeFileSync(at('amina.card'), ok(['identity', amina]));
  fs.writeFileSync(at('bela.card'), ok(['identity', bela]));
  ok(['contact', 'add', amina, at('bela.card'), '--name', 'Bela', '--verified']);
  ok(['contact', 'add', bela, at('amina.card'), '--name', 'Amina', '--verified']);
});
afterAll(() => cleanup());

describe('crossing handoff, import and handoffs', () => {
  it('refuses a hand-off without the consent recorded, writing nothing', () => {
    const id = addCase(amina, { alias: 'No consent yet' });
    const before = sha256(amina);
    const result = crossing(['handoff', amina, '--to', 'Bela', '--out', at('none.crossing'), '--', id], { env });
    expect(result.status).toBe(1);
    expectCleanError(result);
    expect(result.stderr).toMatch(/--consent-to WHOM .* or --no-consent REASON/);
    expect(fs.existsSync(at('none.crossing'))).toBe(false);
    expect(sha256(amina)).toBe(before);
  });

  it('hands off with purge, the receiver accepts with a receipt written beside the file, the sender sees accepted', () => {
    const id = addCase(amina, { alias: 'Магомед', legalName: 'Magomed Full' });
    const out = ok([
      'handoff',
      amina,
      '--to',
      'Bela',
      '--out',
      at('magomed.crossing'),
      '--consent-to',
      'Bela, Rainbow Shelter Berlin',
      '--purge',
      '--keep-alias',
      '--',
      id,
    ]);
    expect(out).toMatch(/consent: the person agreed to their case going to Bela, Rainbow Shelter Berlin/);
    expect(out).toMatch(/alias kept in the hand-off record/);
    expect(listed(amina).sent[0]).toMatchObject({ caseId: id, alias: 'Магомед', state: 'sent' });
    expect(ok(['handoffs', amina])).toMatch(/to Bela: Магомед {2}SENT, no receipt yet/);

    const imported = ok(['import', bela, at('magomed.crossing')]);
    const receipt = at('magomed.receipt.crossing');
    expect(imported).toMatch(/hand-off \S+ accepted: the case is yours now/);
    expect(imported).toContain(`receipt for Amina: ${receipt} (accepted)`);
    expect(listed(bela).received[0]).toMatchObject({ outcome: 'accepted', reason: null });

    expect(ok(['import', amina, receipt])).toMatch(/receipt: Bela accepted Магомед/);
    expect(listed(amina).sent[0]).toMatchObject({ state: 'accepted' });
    expect(listed(amina).counts).toMatchObject({ awaiting: 0, accepted: 1 });
    // The same receipt again is refused (exit 3), naming why.
    const again = crossing(['import', amina, receipt], { env });
    expect(again.status).toBe(3);
    expect(again.stderr).toMatch(/refused by the receipt check: this receipt was imported before/);

    // Bela hands the person back: Amina's import says so and takes the case back.
    ok(['case', 'note', bela, id, 'now at the second flat']);
    ok(['handoff', bela, '--to', 'Amina', '--out', at('back.crossing'), '--no-consent', 'urgent', '--purge', '--', id]);
    const back = ok(['import', amina, at('back.crossing'), '--receipt-out', at('back-answer.crossing')]);
    expect(back).toMatch(
      /RETURNED \S+ {2}Магомед: handed to Bela on .* and purged here; they hand it back with 3 change\(s\)/,
    );
    expect(fs.existsSync(at('back-answer.crossing'))).toBe(true);
    expect(ok(['case', 'show', amina, id])).toMatch(/now at the second flat/);
    expect(listed(amina).sent[0]).toMatchObject({ state: 'returned' });
  });

  it('declines with a reason: the receipt carries the case back and the case leaves the receiver', () => {
    const id = addCase(amina, { alias: 'Declined person' });
    ok(['handoff', amina, '--to', 'Bela', '--out', at('d.crossing'), '--consent-to', 'Bela', '--purge', '--', id]);
    const declined = ok(['import', bela, at('d.crossing'), '--decline', 'no room until March']);
    expect(declined).toMatch(/DECLINED: "no room until March"/);
    expect(declined).toMatch(/the declined case left this vault/);
    expect(crossing(['case', 'show', bela, id], { env }).status).toBe(1);

    expect(ok(['import', amina, at('d.receipt.crossing'), '--dry-run'])).toMatch(/RETURNED/);
    expect(ok(['import', amina, at('d.receipt.crossing')])).toMatch(/receipt: Bela declined .*"no room until March"/);
    expect(ok(['case', 'show', amina, id])).toMatch(/Declined person/);
    const record = listed(amina).sent.find((s) => s.caseId === id)!;
    expect(record).toMatchObject({ state: 'declined', reason: 'no room until March' });
    expect(ok(['handoffs', amina])).toMatch(/DECLINED on .*"no room until March", back here since/);
  });

  it('writes a receipt again on request, and refuses to decline a file that is not a hand-off', () => {
    const first = listed(bela).received.at(-1)!;
    const again = ok(['handoffs', bela, '--receipt', first.handoffId, '--out', at('again.crossing')]);
    expect(again).toMatch(/receipt for Amina \(accepted\)/);
    const unknown = crossing(['handoffs', bela, '--receipt', 'AAAAAAAAAAAAAAAAAAAAAA', '--out', at('x.crossing')], {
      env,
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no hand-off AAAAAAAAAAAAAAAAAAAAAA was imported into this vault/);

    addCase(amina, { alias: 'Plain' });
    ok(['export', amina, '--to', 'Bela', '--all', '--out', at('plain.crossing')]);
    const before = sha256(bela);
    const refused = crossing(['import', bela, at('plain.crossing'), '--decline', 'no'], { env });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/only a hand-off can be declined: this file is an export/);
    expect(sha256(bela)).toBe(before);
  });
});
