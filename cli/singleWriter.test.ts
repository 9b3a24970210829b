import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { runChildVault } from '../shared/vault/testing/childVault.js';
import { Vault } from '../shared/vault/vault.js';
import { PASSPHRASE, addCase, crossing, initVault, withPassphrase } from './testing/runCrossing.js';

/**
 * Issue 10, finding 2: a second process (the app and the CLI, two windows) raced with compaction —
 * a plain `case note` exited 3 ("the vault row op_segments/… is missing") and the note was lost —
 * and a note committed while `handoff --purge` ran survived the purge. One writer at a time now:
 * a second writer is refused naming the holder, readers read a consistent snapshot.
 */
let dir: string;
let cleanup: () => void;
let vault: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'v.crossing-vault');
  initVault(vault);
});
afterEach(() => cleanup());

const env = withPassphrase();

describe('one writer at a time', () => {
  it('refuses a second writer naming the holder, and lets readers read', async () => {
    const keeper = addCase(vault, { alias: 'Ахмед' });
    for (let i = 0; i < 3; i++) crossing(['case', 'note', vault, keeper, `before ${i}`], { env });
    const holder = runChildVault(
      `const v = await Vault.open(vaultPath, { passphrase });
       say('open');
       process.stdin.on('end', () => { v.lock(); say('locked'); });
       process.stdin.resume();`,
      vault,
      PASSPHRASE,
    );
    await holder.waitFor('open');
    const pid = holder.child.pid!;

    for (const args of [
      ['case', 'note', vault, keeper, 'while open'],
      ['case', 'add', vault, '--json', '-'],
      ['passwd', vault],
    ]) {
      const result = crossing(args, {
        env: { ...env, CROSSING_NEW_PASSPHRASE: 'another long passphrase' },
        input: '{"alias":"x"}',
      });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(4);
      expect(result.stderr).toContain(`is open in another Crossing window or command (pid ${pid}`);
    }
    // Readers are not writers: they read beside the holder.
    expect(crossing(['case', 'list', vault], { env }).status).toBe(0);
    expect(crossing(['case', 'show', vault, keeper], { env }).stdout).toContain('before 2');
    expect(crossing(['stats', vault], { env }).status).toBe(0);
    expect(crossing(['check', vault], { env }).status).toBe(0);

    holder.child.stdin!.end();
    await holder.waitFor('locked');
    expect((await holder.done).code).toBe(0);
    expect(crossing(['case', 'note', vault, keeper, 'after'], { env }).status).toBe(0);
  });

  it('frees the vault when the holder is killed (kill -9): no stale lock', async () => {
    const holder = runChildVault(
      `await Vault.open(vaultPath, { passphrase }); say('open'); setInterval(() => {}, 1000);`,
      vault,
      PASSPHRASE,
    );
    await holder.waitFor('open');
    expect(crossing(['case', 'add', vault, '--json', '-'], { env, input: '{"alias":"x"}' }).status).toBe(4);
    holder.child.kill('SIGKILL');
    await holder.done;
    expect(crossing(['case', 'add', vault, '--json', '-'], { env, input: '{"alias":"x"}' }).status).toBe(0);
  });

  it('compaction, purge and notes from two processes at once: no note lost, none outlives a purge', async () => {
    const keeper = addCase(vault, { alias: 'Keeper' });
    // Process A opens and closes the vault again and again; each time it writes notes, compacts,
    // and purges a case it made, while process B (the CLI) adds notes to the keeper.
    const rounds = 5;
    const a = runChildVault(
      `const keeper = ${JSON.stringify(keeper)};
       for (let round = 0; round < ${rounds}; round++) {
         let v;
         for (;;) {
           try { v = await Vault.open(vaultPath, { passphrase }); break; }
           catch (e) { if (!/another Crossing/.test(e.message)) throw e; await new Promise((r) => setTimeout(r, 20)); }
         }
         const doomed = v.addCase({ alias: 'doomed ' + round }).id;
         for (let i = 0; i < 70; i++) v.addNote(i % 2 ? doomed : keeper, 'a ' + round + ' ' + i);
         v.compact();
         v.purgeCase(doomed);
         v.addNote(keeper, 'a ' + round + ' done');
         say('purged ' + doomed);
         v.lock();
         await new Promise((r) => setTimeout(r, 30));
       }
       say('finished');`,
      vault,
      PASSPHRASE,
    );
    const committed: string[] = [];
    const refused: string[] = [];
    let finished = false;
    void a.waitFor('finished').then(
      () => (finished = true),
      () => (finished = true),
    );
    for (let j = 0; !finished || j < 3; j++) {
      const text = `b ${j}`;
      const result = crossing(['case', 'note', vault, keeper, text], { env });
      if (result.status === 0) committed.push(text);
      else {
        // The only acceptable failure: the vault is held by the other process, and nothing was written.
        expect(result.status, result.stderr).toBe(4);
        expect(result.stderr).toContain('open in another Crossing window or command');
        refused.push(text);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const outcome = await a.done;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(committed.length).toBeGreaterThan(0);

    const v = await Vault.open(vault, { passphrase: PASSPHRASE }, { readOnly: true });
    try {
      expect(v.check().ops).toBeGreaterThan(0);
      const notes = v.getCase(keeper).notes.map((n) => n.text);
      for (const text of committed) expect(notes).toContain(text);
      for (const text of refused) expect(notes).not.toContain(text);
      for (let round = 0; round < rounds; round++) expect(notes).toContain(`a ${round} done`);
      // Every purged case is gone whole: not one op of it outlived its purge.
      const purged = outcome.stdout
        .split('\n')
        .filter((l) => l.startsWith('purged '))
        .map((l) => l.slice(7));
      expect(purged).toHaveLength(rounds);
      const stored = new Set(v.allOps().map((op) => op.caseId));
      for (const id of purged) {
        expect(v.isTombstoned(id)).toBe(true);
        expect(stored.has(id)).toBe(false);
      }
      expect(v.caseCount).toBe(1);
    } finally {
      v.lock();
    }
  });
});
