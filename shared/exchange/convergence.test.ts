import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISKS, STAGES, type CasePatch } from '../model/case.js';
import { mergeCaseOp, newCaseOps, noteOp, patchCaseOps, unmergeOp, type OpContext } from '../oplog/caseOps.js';
import { canonicalJson } from '../oplog/fold.js';
import { formatHlc } from '../oplog/hlc.js';
import type { Op } from '../oplog/ops.js';
import { makeTempDir } from '../testing/tempDir.js';
import { Replica } from '../oplog/replica.js';
import { mergeCases, unmergeCases } from '../vault/merge.js';
import type { Vault } from '../vault/vault.js';
import { addContact, myKeyCard } from './contacts.js';
import { exportCases } from './exportCases.js';
import { importSealedFile } from './importSealedFile.js';
import { casesSnapshot, makeVault } from './testing/fixtures.js';

/**
 * Convergence: several coordinators edit cases and exchange exports in any order (late, repeated,
 * partial); once every vault has seen every op, every vault shows the same cases and the same
 * conflicts. First as a fast simulation over the merge itself (in-memory replicas, with exports as op sets),
 * then with real vault files and real sealed files.
 */
type Action =
  | { kind: 'create'; vault: number }
  | { kind: 'edit'; vault: number; pick: number; stage: number; risk: number }
  | { kind: 'note'; vault: number; pick: number }
  | { kind: 'export'; vault: number; to: number; onlyOne: boolean; pick: number }
  | { kind: 'deliver'; pick: number }
  | { kind: 'merge'; vault: number; pick: number; other: number }
  | { kind: 'unmerge'; vault: number; pick: number };

const action = (vaults: number): fc.Arbitrary<Action> =>
  fc.oneof(
    fc.record({ kind: fc.constant('create' as const), vault: fc.nat(vaults - 1) }),
    fc.record({
      kind: fc.constant('edit' as const),
      vault: fc.nat(vaults - 1),
      pick: fc.nat(),
      stage: fc.nat(STAGES.length - 2),
      risk: fc.nat(RISKS.length - 1),
    }),
    fc.record({ kind: fc.constant('note' as const), vault: fc.nat(vaults - 1), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('export' as const),
      vault: fc.nat(vaults - 1),
      to: fc.nat(vaults - 1),
      onlyOne: fc.boolean(),
      pick: fc.nat(),
    }),
    fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('merge' as const), vault: fc.nat(vaults - 1), pick: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('unmerge' as const), vault: fc.nat(vaults - 1), pick: fc.nat() }),
  );

const scenario = fc.integer({ min: 3, max: 5 }).chain((vaults) =>
  fc.record({
    vaults: fc.constant(vaults),
    actions: fc.array(action(vaults), { minLength: 5, maxLength: 60 }),
    order: fc.infiniteStream(fc.nat()),
  }),
);

interface Message {
  to: number;
  ops: Op[];
}

function simulate(vaults: number, actions: Action[], order: Iterator<number>): string[] {
  const indexes = Array.from({ length: vaults }, () => new Replica());
  let time = 0;
  const contexts: OpContext[] = indexes.map((_, v) => ({
    author: String(v).repeat(40),
    clock: () => formatHlc({ ms: 1_700_000_000_000 + ++time, counter: 0, device: String(v).repeat(16) }),
    newId: () => `op${String(++time).padStart(8, '0')}v${v}`.padEnd(22, 'x'),
  }));
  const mailbox: Message[] = [];
  const caseIds = (v: number) => [...indexes[v]!.allCaseIds()].sort();
  // An export of a case carries the ops of every case merged into it.
  const exportOps = (index: Replica, id: string) =>
    index.merges.membersOf(id).flatMap((member) => [...index.caseOps(member)]);
  for (const a of actions) {
    if (a.kind === 'create') indexes[a.vault]!.addOps(newCaseOps({ alias: `case ${time}` }, contexts[a.vault]!));
    else if (a.kind === 'edit' || a.kind === 'note') {
      const ids = caseIds(a.vault);
      if (ids.length === 0) continue;
      const caseId = ids[a.pick % ids.length]!;
      const index = indexes[a.vault]!;
      if (a.kind === 'note') index.addOps([noteOp(caseId, `note ${time}`, contexts[a.vault]!)]);
      else {
        const patch: CasePatch = { stage: STAGES[a.stage]!, risk: RISKS[a.risk]! };
        index.addOps(patchCaseOps(caseId, index.activeOps(caseId), patch as never, contexts[a.vault]!));
      }
    } else if (a.kind === 'merge') {
      const ids = caseIds(a.vault);
      if (ids.length < 2) continue;
      const survivor = ids[a.pick % ids.length]!;
      const absorbed = ids[(a.pick + 1 + (a.other % (ids.length - 1))) % ids.length]!;
      const index = indexes[a.vault]!;
      const ctx = contexts[a.vault]!;
      index.addOps([mergeCaseOp(survivor, absorbed, index.activeOps(survivor), index.activeOps(absorbed), ctx)]);
    } else if (a.kind === 'unmerge') {
      const merges = indexes[a.vault]!.merges.activeMerges();
      if (merges.length === 0) continue;
      const merge = merges[a.pick % merges.length]!;
      indexes[a.vault]!.addOps([unmergeOp(merge.caseId, merge.id, contexts[a.vault]!)]);
    } else if (a.kind === 'export') {
      if (a.to === a.vault) continue;
      const ids = caseIds(a.vault);
      const chosen = a.onlyOne && ids.length > 0 ? [ids[a.pick % ids.length]!] : ids;
      mailbox.push({ to: a.to, ops: chosen.flatMap((id) => exportOps(indexes[a.vault]!, id)) });
    } else if (mailbox.length > 0) {
      // Files are carried by hand: any pending one may arrive next, and a copy may arrive again.
      const message = mailbox[a.pick % mailbox.length]!;
      indexes[message.to]!.addOps(message.ops);
    }
  }
  // Everything still in transit arrives, in a random order…
  while (mailbox.length > 0) {
    const message = mailbox.splice(order.next().value % mailbox.length, 1)[0]!;
    indexes[message.to]!.addOps(message.ops);
  }
  // …and then each vault sends everything it has to every other one.
  const everything = indexes.map((index) => [...index.allOpCaseIds()].flatMap((id) => [...index.caseOps(id)]));
  for (let from = 0; from < vaults; from++)
    for (let to = 0; to < vaults; to++) if (from !== to) indexes[to]!.addOps(everything[from]!);
  return indexes.map((index) => canonicalJson([...index.allCases()].sort((a, b) => (a.id < b.id ? -1 : 1))));
}

describe('convergence', () => {
  it('simulated: 3–5 vaults, random edits and random export/import schedules end identical', () => {
    fc.assert(
      fc.property(scenario, ({ vaults, actions, order }) => {
        const states = simulate(vaults, actions, order[Symbol.iterator]());
        for (const state of states) expect(state).toBe(states[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('simulated: concurrent edits end as the same conflict on every vault', () => {
    const actions: Action[] = [
      { kind: 'create', vault: 0 },
      { kind: 'export', vault: 0, to: 1, onlyOne: false, pick: 0 },
      { kind: 'export', vault: 0, to: 2, onlyOne: false, pick: 0 },
      { kind: 'deliver', pick: 0 },
      { kind: 'deliver', pick: 1 },
      { kind: 'edit', vault: 1, pick: 0, stage: 1, risk: 0 },
      { kind: 'edit', vault: 2, pick: 0, stage: 3, risk: 0 },
    ];
    const states = simulate(3, actions, [0, 0, 0][Symbol.iterator]());
    expect(new Set(states).size).toBe(1);
    const [theCase] = JSON.parse(states[0]!) as Array<{ conflicts: Array<{ key: string; candidates: unknown[] }> }>;
    expect(theCase!.conflicts.map((c) => [c.key, c.candidates.length])).toEqual([['stage', 2]]);
  });

  it('simulated: two vaults merging the same pair in opposite directions end with one survivor', () => {
    const actions: Action[] = [
      { kind: 'create', vault: 0 },
      { kind: 'create', vault: 0 },
      { kind: 'export', vault: 0, to: 1, onlyOne: false, pick: 0 },
      { kind: 'deliver', pick: 0 },
      { kind: 'merge', vault: 0, pick: 0, other: 0 },
      { kind: 'merge', vault: 1, pick: 1, other: 0 },
    ];
    const states = simulate(2, actions, [0, 0][Symbol.iterator]());
    expect(new Set(states).size).toBe(1);
    expect(JSON.parse(states[0]!)).toHaveLength(1);
  });

  it('simulated: an edit to the absorbed case made before seeing the merge shows in the survivor', () => {
    const actions: Action[] = [
      { kind: 'create', vault: 0 },
      { kind: 'create', vault: 0 },
      { kind: 'export', vault: 0, to: 1, onlyOne: false, pick: 0 },
      { kind: 'deliver', pick: 0 },
      { kind: 'merge', vault: 0, pick: 0, other: 0 },
      { kind: 'note', vault: 1, pick: 1 },
    ];
    const states = simulate(2, actions, [0, 0][Symbol.iterator]());
    expect(new Set(states).size).toBe(1);
    const cases = JSON.parse(states[0]!) as Array<{ notes: unknown[] }>;
    expect(cases).toHaveLength(1);
    expect(cases[0]!.notes).toHaveLength(1);
  });

  it('simulated: a merge undone leaves two cases on every vault', () => {
    const actions: Action[] = [
      { kind: 'create', vault: 0 },
      { kind: 'create', vault: 0 },
      { kind: 'merge', vault: 0, pick: 0, other: 0 },
      { kind: 'export', vault: 0, to: 1, onlyOne: false, pick: 0 },
      { kind: 'deliver', pick: 0 },
      { kind: 'unmerge', vault: 1, pick: 0 },
    ];
    const states = simulate(2, actions, [0, 0][Symbol.iterator]());
    expect(new Set(states).size).toBe(1);
    expect(JSON.parse(states[0]!)).toHaveLength(2);
  });

  it('with real vault files and real sealed files, in a random order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          vaults: fc.integer({ min: 3, max: 4 }),
          actions: fc.array(action(3), { minLength: 8, maxLength: 25 }),
          order: fc.infiniteStream(fc.nat()),
        }),
        async ({ vaults: count, actions, order }) => {
          const { dir, cleanup } = makeTempDir('crossing-converge-');
          const vaults: Vault[] = [];
          try {
            for (let i = 0; i < count; i++) vaults.push(await makeVault(dir, `Coordinator ${i}`));
            for (const a of vaults)
              for (const b of vaults) if (a !== b) addContact(a, myKeyCard(b), { verified: true });
            await runOnVaults(vaults, actions, order[Symbol.iterator](), dir);
            const states = vaults.map(casesSnapshot);
            for (const state of states) expect(state).toBe(states[0]);
            const merged = actions.some((a) => a.kind === 'merge');
            if (!merged) expect(vaults[0]!.caseCount).toBe(actions.filter((a) => a.kind === 'create').length);
          } finally {
            for (const v of vaults) v.lock();
            cleanup();
          }
        },
      ),
      { numRuns: 3 },
    );
  });
});

describe('convergence of merges with real vault files', () => {
  it('an edit made elsewhere to the absorbed case, and opposite merges of one pair, end as one case everywhere', async () => {
    const { dir, cleanup } = makeTempDir('crossing-converge-merge-');
    const vaults: Vault[] = [];
    try {
      for (let i = 0; i < 2; i++) vaults.push(await makeVault(dir, `Coordinator ${i}`));
      for (const a of vaults) for (const b of vaults) if (a !== b) addContact(a, myKeyCard(b), { verified: true });
      const actions: Action[] = [
        { kind: 'create', vault: 0 },
        { kind: 'create', vault: 0 },
        { kind: 'export', vault: 0, to: 1, onlyOne: false, pick: 0 },
        { kind: 'deliver', pick: 0 },
        { kind: 'merge', vault: 0, pick: 0, other: 0 },
        { kind: 'note', vault: 1, pick: 0 },
        { kind: 'note', vault: 1, pick: 1 },
        { kind: 'merge', vault: 1, pick: 1, other: 0 },
      ];
      await runOnVaults(vaults, actions, [0, 0, 0, 0][Symbol.iterator](), dir);
      const states = vaults.map(casesSnapshot);
      expect(states[1]).toBe(states[0]);
      expect(vaults.map((v) => v.caseCount)).toEqual([1, 1]);
      const [merged] = [...vaults[0]!.allCases()];
      expect(vaults[0]!.getCase(merged!.id).notes).toHaveLength(2);
      expect(vaults[1]!.getCase(merged!.id).notes).toHaveLength(2);
    } finally {
      for (const v of vaults) v.lock();
      cleanup();
    }
  });
});

async function runOnVaults(vaults: Vault[], actions: Action[], order: Iterator<number>, dir: string): Promise<void> {
  const mailbox: Array<{ to: number; file: string }> = [];
  let files = 0;
  const send = async (from: number, to: number, cases: string[] | 'all') => {
    const file = path.join(dir, `${files++}.crossing`);
    await exportCases(vaults[from]!, { to: [vaults[to]!.me.fingerprint], cases, outFile: file });
    mailbox.push({ to, file });
  };
  // Late files are accepted explicitly, as a person would for a delivery known to be late.
  const receive = (m: { to: number; file: string }) => importSealedFile(vaults[m.to]!, m.file, { acceptOlder: true });
  for (const a of actions) {
    const v = 'vault' in a ? vaults[a.vault % vaults.length]! : undefined;
    const ids = v ? [...v.allCases()].map((c) => c.id).sort() : [];
    if (a.kind === 'create') v!.addCase({ alias: `case ${files}-${ids.length}` });
    else if (a.kind === 'edit' && ids.length > 0) {
      v!.updateCase(ids[a.pick % ids.length]!, { stage: STAGES[a.stage]!, risk: RISKS[a.risk]! });
    } else if (a.kind === 'note' && ids.length > 0) v!.addNote(ids[a.pick % ids.length]!, `note ${files}`);
    else if (a.kind === 'export' && a.to % vaults.length !== a.vault % vaults.length && ids.length > 0) {
      await send(a.vault % vaults.length, a.to % vaults.length, a.onlyOne ? [ids[a.pick % ids.length]!] : 'all');
    } else if (a.kind === 'deliver' && mailbox.length > 0) await receive(mailbox[a.pick % mailbox.length]!);
    else if (a.kind === 'merge' && ids.length > 1) {
      const survivor = ids[a.pick % ids.length]!;
      mergeCases(v!, survivor, ids[(a.pick + 1 + (a.other % (ids.length - 1))) % ids.length]!);
    } else if (a.kind === 'unmerge') {
      const merges = v!.activeMerges();
      if (merges.length > 0) unmergeCases(v!, merges[a.pick % merges.length]!.id);
    }
  }
  while (mailbox.length > 0) await receive(mailbox.splice(order.next().value % mailbox.length, 1)[0]!);
  for (let from = 0; from < vaults.length; from++) {
    for (let to = 0; to < vaults.length; to++)
      if (from !== to && vaults[from]!.opCaseIds().length > 0) await send(from, to, 'all');
  }
  while (mailbox.length > 0) await receive(mailbox.splice(order.next().value % mailbox.length, 1)[0]!);
}
