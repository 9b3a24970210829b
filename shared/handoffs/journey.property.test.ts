import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addContact, myKeyCard } from '../exchange/contacts.js';
import { exportCases } from '../exchange/exportCases.js';
import { importSealedFile } from '../exchange/importSealedFile.js';
import { ImportRefusedError } from '../exchange/openBundle.js';
import { makeVault, rowsSnapshot } from '../exchange/testing/fixtures.js';
import { canonicalJson } from '../oplog/fold.js';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { handoffCase } from './handoffCase.js';
import { readLedger } from './records.js';
import { writeReceipt } from './writeReceipt.js';

/**
 * Random hand-off schedules across 3 to 5 real vaults: cases handed off (purged or kept), accepted
 * or declined, receipts carried back, cases handed on and back, plain exports, edits, purges on a
 * person's request, and every file delivered late, twice or never until the end. An oracle kept
 * apart from the ledger says, for each vault and case, where the vault sent the case when it last
 * let it go. Checked after every step and at the end:
 *
 * - a case purged here comes back only in a hand-off or a declining receipt from the vault it was
 *   let go to; a case purged on request never comes back;
 * - a refused file changes nothing;
 * - once every file is delivered, no person is lost (each case is held somewhere, unless it was
 *   purged on request or went in a hand-off its receiver had to refuse), every hand-off made is
 *   answered with the receiver's decision, and after a round of plain exports every vault holding a
 *   case shows it the same.
 */
type Step =
  | { kind: 'create'; vault: number }
  | { kind: 'handoff'; vault: number; pick: number; to: number; purge: boolean }
  | { kind: 'deliver'; pick: number; decline: boolean }
  | { kind: 'replay'; pick: number }
  | { kind: 'note'; vault: number; pick: number }
  | { kind: 'export'; vault: number; to: number }
  | { kind: 'purge'; vault: number; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), vault: fc.nat(4) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('handoff' as const),
      vault: fc.nat(4),
      pick: fc.nat(),
      to: fc.nat(4),
      purge: fc.boolean(),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), decline: fc.boolean() }),
    weight: 7,
  },
  { arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('note' as const), vault: fc.nat(4), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('export' as const), vault: fc.nat(4), to: fc.nat(4) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('purge' as const), vault: fc.nat(4), pick: fc.nat() }), weight: 1 },
);

interface Mail {
  from: number;
  to: number;
  file: string;
  kind: 'handoff' | 'receipt' | 'export';
  /** The cases a hand-off carries. */
  cases: string[];
}

class Schedule {
  readonly inbox: Mail[] = [];
  readonly delivered: Mail[] = [];
  /** Oracle: vault → case → the vault it let the case go to (by hand-off with purge, or declining). */
  readonly letGoTo = new Map<string, number>();
  readonly purgedOnRequest = new Set<string>();
  /** Cases in a hand-off whose receiver had to refuse it (the sender sees it unanswered). */
  readonly stranded = new Set<string>();
  readonly allCases = new Set<string>();
  private files = 0;

  constructor(
    readonly vaults: Vault[],
    readonly dir: string,
  ) {}

  private key = (vault: number, caseId: string) => `${vault}:${caseId}`;
  private nextFile = (label: string) => path.join(this.dir, `${this.files++}-${label}.crossing`);
  private held = (v: number) => [...this.vaults[v]!.allCases()].map((c) => c.id).sort();

  async run(s: Step): Promise<void> {
    const n = this.vaults.length;
    const v = 'vault' in s ? s.vault % n : 0;
    const vault = this.vaults[v]!;
    const ids = this.held(v);
    const pick = (i: number) => ids[i % ids.length]!;
    if (s.kind === 'create') {
      this.allCases.add(vault.addCase({ alias: `person ${this.files}-${ids.length}` }).id);
    } else if (s.kind === 'note' && ids.length > 0) {
      vault.addNote(pick(s.pick), `note ${this.files++}`);
    } else if (s.kind === 'purge' && ids.length > 0) {
      const caseId = pick(s.pick);
      vault.purgeCase(caseId);
      this.purgedOnRequest.add(this.key(v, caseId));
    } else if (s.kind === 'handoff' && ids.length > 0 && s.to % n !== v) {
      const to = s.to % n;
      const caseId = pick(s.pick);
      const file = this.nextFile('handoff');
      await handoffCase(vault, caseId, {
        to: this.vaults[to]!.me.fingerprint,
        outFile: file,
        consent: { agreedTo: `coordinator ${to}` },
        purge: s.purge,
      });
      if (s.purge) this.letGoTo.set(this.key(v, caseId), to);
      this.inbox.push({ from: v, to, file, kind: 'handoff', cases: [caseId] });
    } else if (s.kind === 'export' && ids.length > 0 && s.to % n !== v) {
      const to = s.to % n;
      const file = this.nextFile('export');
      await exportCases(vault, { to: [this.vaults[to]!.me.fingerprint], cases: 'all', outFile: file });
      this.inbox.push({ from: v, to, file, kind: 'export', cases: [] });
    } else if (s.kind === 'deliver' && this.inbox.length > 0) {
      await this.deliver(this.inbox.splice(s.pick % this.inbox.length, 1)[0]!, s.decline);
    } else if (s.kind === 'replay' && this.delivered.length > 0) {
      const mail = this.delivered[s.pick % this.delivered.length]!;
      const before = rowsSnapshot(this.vaults[mail.to]!);
      await importSealedFile(this.vaults[mail.to]!, mail.file, { acceptOlder: true }).catch((error: unknown) => {
        expect(error).toBeInstanceOf(ImportRefusedError);
      });
      expect(rowsSnapshot(this.vaults[mail.to]!)).toBe(before);
    }
  }

  async deliver(mail: Mail, decline = false): Promise<void> {
    const at = this.vaults[mail.to]!;
    const before = new Set(this.held(mail.to));
    const rows = rowsSnapshot(at);
    const declining = decline && mail.kind === 'handoff';
    let report;
    try {
      report = await importSealedFile(at, mail.file, {
        acceptOlder: true,
        ...(declining ? { decline: 'no room' } : {}),
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ImportRefusedError);
      expect(rowsSnapshot(at)).toBe(rows);
      // Refused: a hand-off of a case this vault let go elsewhere, or purged on request; or a receipt
      // whose answer an earlier export carried, when it brings no case back (a replay, harmless).
      const receiptKnown = mail.kind === 'receipt' && mail.cases.length === 0;
      expect(mail.kind === 'handoff' || receiptKnown, (error as Error).message).toBe(true);
      if (mail.kind === 'handoff') for (const caseId of mail.cases) this.stranded.add(caseId);
      this.delivered.push(mail);
      return;
    }
    this.delivered.push(mail);
    // Never resurrected: each case new here came from the vault it was let go to, in a hand-off or
    // a declining receipt, and was not purged on request here.
    for (const caseId of this.held(mail.to)) {
      if (before.has(caseId)) continue;
      const key = this.key(mail.to, caseId);
      expect(this.purgedOnRequest.has(key)).toBe(false);
      if (this.letGoTo.has(key)) {
        expect(this.letGoTo.get(key)).toBe(mail.from);
        expect(mail.kind).not.toBe('export');
        this.letGoTo.delete(key);
      }
    }
    if (report.status === 'imported' && report.handoff) {
      const file = this.nextFile('receipt');
      const receipt = await writeReceipt(at, report.handoff.handoffId, file);
      for (const caseId of receipt.returnedCases) this.letGoTo.set(this.key(mail.to, caseId), mail.from);
      this.inbox.push({ from: mail.to, to: mail.from, file, kind: 'receipt', cases: receipt.returnedCases });
    }
  }

  /** Delivers everything still on the way (receipts answer hand-offs as they arrive). */
  async flush(): Promise<void> {
    while (this.inbox.length > 0) await this.deliver(this.inbox.shift()!);
  }
}

describe('hand-off journeys across 3 to 5 vaults', () => {
  it('never resurrect a case purged without a return, lose no one, answer every hand-off, and converge', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(step, { minLength: 10, maxLength: 36 }),
        async (count, steps) => {
          const { dir, cleanup } = makeTempDir('crossing-journey-');
          const vaults: Vault[] = [];
          try {
            for (let i = 0; i < count; i++) vaults.push(await makeVault(dir, `Coordinator ${i}`));
            for (const a of vaults)
              for (const b of vaults) if (a !== b) addContact(a, myKeyCard(b), { verified: true });
            const schedule = new Schedule(vaults, dir);
            await schedule.run({ kind: 'create', vault: 0 });
            await schedule.run({ kind: 'create', vault: 1 });
            for (const s of steps) await schedule.run(s);
            await schedule.flush();

            // No one lost.
            const lost = [...schedule.allCases].filter(
              (caseId) =>
                !vaults.some((v) => v.holdsCase(caseId)) &&
                !schedule.stranded.has(caseId) &&
                ![...schedule.purgedOnRequest].some((key) => key.endsWith(`:${caseId}`)),
            );
            expect(lost).toEqual([]);
            // Every hand-off answered, with the receiver's decision.
            for (const [i, vault] of vaults.entries()) {
              for (const sent of readLedger(vault).sent) {
                const stranded = schedule.delivered.some(
                  (m) => m.kind === 'handoff' && m.from === i && m.cases.includes(sent.caseId),
                );
                if (sent.state === 'sent') expect(stranded && schedule.stranded.has(sent.caseId)).toBe(true);
                const receiver = vaults.find((v) => v.me.fingerprint === sent.to.fingerprint)!;
                const answer = readLedger(receiver).received.find((r) => r.handoffId === sent.handoffId);
                if (sent.state === 'accepted' || sent.state === 'declined') expect(answer?.outcome).toBe(sent.state);
              }
            }
            // A round of plain exports: every vault holding a case shows it the same.
            for (let from = 0; from < count; from++)
              for (let to = 0; to < count; to++)
                if (from !== to && vaults[from]!.caseCount > 0) await schedule.run({ kind: 'export', vault: from, to });
            await schedule.flush();
            for (const caseId of schedule.allCases) {
              const shown = new Set(
                vaults.filter((v) => v.holdsCase(caseId)).map((v) => canonicalJson(v.getCase(caseId))),
              );
              expect(shown.size).toBeLessThanOrEqual(1);
            }
          } finally {
            for (const v of vaults) v.lock();
            cleanup();
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 600_000);
});
