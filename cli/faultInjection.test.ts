import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDemoOps } from '../shared/demo/generate.js';
import { backupVault } from '../shared/exchange/backup.js';
import { addContact, listContacts } from '../shared/exchange/contacts.js';
import { exportCases } from '../shared/exchange/exportCases.js';
import { formatKeyCard } from '../shared/exchange/keyCard.js';
import { PASSPHRASE, introduce, makeVault } from '../shared/exchange/testing/fixtures.js';
import { generateIdentity, publicIdentity } from '../shared/identity/identity.js';
import { RUSSIAN_HEADERS } from '../shared/sheets/testing/russianSheet.js';
import type { ImportReport } from '../shared/exchange/importSealedFile.js';
import type { SheetImportReport } from '../shared/sheets/importSheet.js';
import { makeTempDir } from '../shared/testing/tempDir.js';
import { runChildVault } from '../shared/vault/testing/childVault.js';
import { Vault } from '../shared/vault/vault.js';
import { CROSSING_BIN, ROOT } from './testing/runCrossing.js';

/**
 * Fault injection (issue 10): every writing command is killed with SIGKILL at a random moment, while
 * a second writer races it (notes, then compaction, purge, import or passwd). After every round the
 * vault must open, pass `check` (every row authenticated, the manifest agreeing with every row), and
 * still hold every op any command or the racer reported as committed. The random schedule is
 * seeded: a failure names its seed.
 *
 * Left out on purpose: `erase` and the duress passphrase, which destroy the vault by design (a kill
 * there leaves a vault half-erased, which is what erasing is for), and commands that only read.
 * Not victims yet, though they write: export, contact rename/remove, file update/remove, dupes
 * dismiss, wipe-after and recovery split (each a single small transaction like those above).
 */
const SEED = Number(process.env.CROSSING_FAULT_SEED ?? 20260510);
const ROUNDS = Number(process.env.CROSSING_FAULT_ROUNDS ?? 30);

let dir: string;
let cleanup: () => void;
let vault: string;
let keeper: string;
/** Exports from `peer` (for the import victim) and `peer2` (for the racer), each newer than the last. */
const victimExports: Array<{ file: string; ops: OpRef[] }> = [];
const racerExports: Array<{ file: string; ops: OpRef[] }> = [];
/** A backup of another vault, to restore into this one, with that vault's identity and ops. */
let archiveBackup: string;
let archiveIdentity: string;
let archiveOps: OpRef[];

interface OpRef {
  caseId: string;
  id: string;
}
const refs = (ops: ReadonlyArray<{ caseId: string; id: string }>): OpRef[] =>
  ops.map(({ caseId, id }) => ({ caseId, id }));

/** A small deterministic generator (mulberry32), so a failing schedule can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `rounds` picks from `kinds`, in seeded random order, each kind once per pass through them: every
 * kind is exercised as soon as there are as many rounds as kinds, without raising the round count
 * (and the time) to what independent draws would need to be sure of hitting them all.
 */
function shuffledSchedule<T>(kinds: readonly T[], rounds: number, next: () => number): T[] {
  const out: T[] = [];
  while (out.length < rounds) {
    const bag = [...kinds];
    for (let i = bag.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [bag[i], bag[j]] = [bag[j]!, bag[i]!];
    }
    out.push(...bag);
  }
  return out.slice(0, rounds);
}

beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-faults-'));
  const hub = await makeVault(dir, 'hub');
  const peer = await makeVault(dir, 'peer');
  const peer2 = await makeVault(dir, 'peer2');
  const archive = await makeVault(dir, 'archive');
  introduce(hub, peer);
  introduce(hub, peer2);
  // Three exports from each sender, each with more in it than the one before: every import is of a
  // file newer than the last one seen from its sender, whichever earlier ones a kill left unimported.
  for (const [sender, list, name] of [
    [peer, victimExports, 'peer'],
    [peer2, racerExports, 'peer2'],
  ] as const) {
    for (let n = 0; n < 3; n++) {
      sender.addCases(Array.from({ length: 4 }, (_, i) => ({ alias: `${name} ${n}.${i}`, notes: ['n'.repeat(400)] })));
      const file = path.join(dir, `${name}-${n}.crossing`);
      await exportCases(sender, { to: ['hub'], cases: 'all', outFile: file, omit: [], allowUnverified: false });
      list.push({ file, ops: refs(sender.allOps()) });
    }
  }
  archive.addCases(Array.from({ length: 3 }, (_, i) => ({ alias: `archived ${i}`, notes: ['kept'] })));
  archiveBackup = path.join(dir, 'archive-backup.crossing');
  await backupVault(archive, archiveBackup);
  archiveIdentity = path.join(dir, 'archive-identity.txt');
  fs.writeFileSync(archiveIdentity, archive.revealAgeIdentity(), { mode: 0o600 });
  archiveOps = refs(archive.allOps());
  keeper = hub.addCase({ alias: 'Keeper' }).id;
  vault = hub.path;
  hub.lock();
  peer.lock();
  peer2.lock();
  archive.lock();
}, 60_000);
afterAll(() => cleanup());

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `crossing ...args`; kills it with SIGKILL after `killAfterMs` if that is given. */
function run(args: string[], killAfterMs?: number, input = ''): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CROSSING_BIN, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        CROSSING_PASSPHRASE: PASSPHRASE,
        CROSSING_NEW_PASSPHRASE: PASSPHRASE,
        CROSSING_NAME: 'Test',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end(input);
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A second writer's acceptable answers: done, refused because the vault is held, or killed. */
function expectCleanOutcome(what: string, outcome: Outcome): void {
  if (outcome.signal === 'SIGKILL' || outcome.code === 0) return;
  expect(outcome.stderr, what).toMatch(/open in another Crossing window or command/);
  expect(outcome.code, `${what}: ${outcome.stderr}`).toBe(4);
}

/** Something a command reported as done, checked again after every later round. */
interface Committed {
  what: string;
  holds(v: Vault): void;
}

const caseExists = (v: Vault, id: string) => [...v.allCases()].some((c) => c.id === id);
const notesOf = (v: Vault, id: string) => new Set(v.getCase(id).notes.map((n) => n.text));

function allOpsHeld(what: string, ops: readonly OpRef[]): Committed {
  return {
    what,
    holds: (v) => {
      const missing = ops.filter((op) => !v.heldOpIds(op.caseId).has(op.id));
      expect(missing, what).toEqual([]);
    },
  };
}

/** What a round's victim needs: made in the vault by the test itself before the round starts. */
interface Fixture {
  caseId?: string;
  otherCaseId?: string;
  file?: string;
  name?: string;
}

interface Victim {
  /** Run before the round, with the vault open in this process (the racer is not running yet). */
  prepare?(v: Vault, round: number): Promise<Fixture> | Fixture;
  args(round: number, fixture: Fixture): { args: string[]; input?: string };
  /** What an exit 0 reported as committed. */
  committed(round: number, fixture: Fixture, outcome: Outcome): Committed[];
  /** Checked after this round and every later one, whatever the outcome. */
  always?(round: number, fixture: Fixture): Committed;
  /** Checked once after the round, whatever the outcome (for a command that writes elsewhere). */
  after?(round: number, fixture: Fixture, outcome: Outcome): Promise<void>;
}

const roundFile = (round: number, name: string) => path.join(dir, `r${round}-${name}`);
let importsScheduled = 0;

const VICTIMS: Record<string, Victim> = {
  'case note': {
    args: (round) => ({ args: ['case', 'note', vault, keeper, `note ${round}`] }),
    committed: (round) => [
      { what: `note ${round}`, holds: (v) => expect(notesOf(v, keeper).has(`note ${round}`)).toBe(true) },
    ],
  },
  'case add': {
    args: (round) => ({
      args: ['case', 'add', vault, '--json', '-'],
      input: JSON.stringify({ alias: `added ${round}` }),
    }),
    committed: (round, _f, outcome) => {
      const id = outcome.stdout.trim();
      return [
        { what: `case add ${round} (${id})`, holds: (v) => expect(v.getCase(id).fields.alias).toBe(`added ${round}`) },
      ];
    },
  },
  'case update': {
    args: (round) => ({
      args: ['case', 'update', vault, keeper, '--json', '-'],
      input: JSON.stringify({ location: `city ${round}` }),
    }),
    committed: (round) => [
      {
        what: `case update ${round}`,
        holds: (v) => expect(v.caseOps(keeper).some((op) => JSON.stringify(op).includes(`"city ${round}"`))).toBe(true),
      },
    ],
  },
  import: {
    prepare: () => ({ file: victimExports[Math.min(importsScheduled++, victimExports.length - 1)]!.file }),
    args: (_round, f) => ({ args: ['import', vault, f.file!, '--json'] }),
    committed: (round, f, outcome) => {
      const report = JSON.parse(outcome.stdout) as ImportReport;
      const reported = [...report.newCases, ...report.updatedCases].map((c) => c.caseId);
      const ops = victimExports.find((e) => e.file === f.file)!.ops;
      return [
        allOpsHeld(`import ${round}: every op of ${path.basename(f.file!)}`, ops),
        {
          what: `import ${round}: the cases it reported`,
          holds: (v) => reported.forEach((id) => expect(caseExists(v, id), id).toBe(true)),
        },
      ];
    },
  },
  passwd: {
    // The same passphrase again: the vault's key is re-wrapped, and every later open proves it.
    args: () => ({ args: ['passwd', vault] }),
    committed: () => [],
  },
  backup: {
    args: (round) => ({ args: ['backup', vault, '--out', roundFile(round, 'backup.crossing')] }),
    committed: (round) => [
      {
        what: `backup ${round}`,
        holds: () => expect(fs.statSync(roundFile(round, 'backup.crossing')).size).toBeGreaterThan(0),
      },
    ],
  },
  restore: {
    args: () => ({ args: ['restore', vault, archiveBackup, '--identity-file', archiveIdentity] }),
    committed: (round) => [allOpsHeld(`restore ${round}: every op of the backup`, archiveOps)],
  },
  demo: {
    args: (round) => ({ args: ['demo', vault, '--cases', '6', '--seed', String(1000 + round)] }),
    committed: (round) => {
      // The demo's cases and ops come from its seed alone: the same seed here names the same ops.
      const ops = generateDemoOps({
        count: 6,
        seed: 1000 + round,
        author: 'x',
        device: '0'.repeat(16),
        now: Date.now(),
      });
      return [allOpsHeld(`demo ${round}`, refs(ops))];
    },
  },
  handoff: {
    prepare: (v, round) => ({ caseId: v.addCase({ alias: `handoff ${round}`, notes: ['to be handed over'] }).id }),
    args: (round, f) => ({
      args: [
        'handoff',
        vault,
        f.caseId!,
        '--to',
        'peer',
        '--out',
        roundFile(round, 'handoff.crossing'),
        '--consent-to',
        'peer',
        '--purge',
      ],
    }),
    committed: (round, f) => [
      {
        what: `handoff ${round}: purged`,
        holds: (v) => {
          expect(v.isTombstoned(f.caseId!)).toBe(true);
          expect(caseExists(v, f.caseId!)).toBe(false);
        },
      },
    ],
    // Killed anywhere, the case is either all here or purged, and purged only once its file was written.
    always: (round, f) => ({
      what: `handoff ${round}: all here or purged`,
      holds: (v) => {
        expect(v.isTombstoned(f.caseId!) !== caseExists(v, f.caseId!)).toBe(true);
        if (v.isTombstoned(f.caseId!)) expect(fs.existsSync(roundFile(round, 'handoff.crossing'))).toBe(true);
      },
    }),
  },
  'contact add': {
    prepare: async (_v, round) => {
      const file = roundFile(round, 'card.txt');
      fs.writeFileSync(file, formatKeyCard(publicIdentity(await generateIdentity(`card ${round}`))));
      return { file };
    },
    args: (_round, f) => ({ args: ['contact', 'add', vault, f.file!, '--json'] }),
    committed: (round, _f, outcome) => {
      const { contact } = JSON.parse(outcome.stdout) as { contact: { fingerprint: string } };
      return [
        {
          what: `contact add ${round}`,
          holds: (v) => expect(listContacts(v).some((c) => c.fingerprint === contact.fingerprint)).toBe(true),
        },
      ];
    },
  },
  'contact verify': {
    prepare: async (v, round) => {
      const card = formatKeyCard(publicIdentity(await generateIdentity(`unverified ${round}`)));
      return { name: addContact(v, card, { verified: false }).contact.name };
    },
    args: (_round, f) => ({ args: ['contact', 'verify', vault, f.name!] }),
    committed: (round, f) => [
      {
        what: `contact verify ${round}`,
        holds: (v) => expect(listContacts(v).find((c) => c.name === f.name)?.verified).toBe(true),
      },
    ],
  },
  'file add': {
    prepare: (_v, round) => {
      const file = roundFile(round, 'statement.txt');
      fs.writeFileSync(file, `statement ${round}\n`.repeat(2000));
      return { file };
    },
    args: (_round, f) => ({ args: ['file', 'add', vault, keeper, f.file!] }),
    committed: (round, f, outcome) => {
      const id = outcome.stdout.trim().split('\n')[0]!;
      const content = fs.readFileSync(f.file!);
      return [
        {
          what: `file add ${round} (${id})`,
          holds: (v) => {
            expect(v.getCase(keeper).files.some((file) => file.id === id)).toBe(true);
            expect(Buffer.concat([...v.readFile(id)]).equals(content)).toBe(true);
          },
        },
      ];
    },
  },
  'sheet import': {
    prepare: (_v, round) => {
      // The fixture sheet's headers, with two rows no earlier round had (rows seen before change nothing).
      const row = (n: number) => {
        const cells: string[] = RUSSIAN_HEADERS.map(() => '');
        cells[0] = String(n);
        cells[1] = `Сидорова Мария ${round}-${n}`;
        cells[2] = `Маша ${round}-${n}`;
        cells[7] = 'в шелтере';
        return cells.join(';');
      };
      const file = roundFile(round, 'sheet.csv');
      fs.writeFileSync(file, [RUSSIAN_HEADERS.join(';'), row(1), row(2), ''].join('\r\n'));
      return { file };
    },
    args: (_round, f) => ({ args: ['sheet', 'import', vault, f.file!, '--json'] }),
    committed: (round, _f, outcome) => {
      const report = JSON.parse(outcome.stdout) as SheetImportReport;
      const rows = report.rows.filter((r) => r.status === 'new');
      return [
        {
          what: `sheet import ${round}`,
          holds: (v) => {
            expect(rows).toHaveLength(2);
            for (const r of rows) expect(v.getCase(r.caseId!).fields.alias).toBe(r.alias);
          },
        },
      ];
    },
  },
  'case merge': {
    prepare: (v, round) => ({
      caseId: v.addCase({ alias: `merge-a ${round}`, notes: [`a ${round}`] }).id,
      otherCaseId: v.addCase({ alias: `merge-b ${round}`, notes: [`b ${round}`] }).id,
    }),
    args: (_round, f) => ({ args: ['case', 'merge', vault, f.caseId!, f.otherCaseId!] }),
    committed: (round, f, outcome) => [
      {
        what: `case merge ${round}`,
        holds: (v) => {
          expect(outcome.stdout.trim()).toBe(f.caseId);
          expect(v.survivorOf(f.otherCaseId!)).toBe(f.caseId);
          const notes = notesOf(v, f.caseId!);
          expect(notes.has(`a ${round}`) && notes.has(`b ${round}`)).toBe(true);
        },
      },
    ],
  },
  init: {
    args: (round) => {
      fs.mkdirSync(roundFile(round, 'init'));
      return {
        args: ['init', path.join(roundFile(round, 'init'), 'new.crossing-vault'), '--kdf', 'interactive', '--json'],
      };
    },
    committed: () => [],
    after: async (round, _f, outcome) => {
      const folder = roundFile(round, 'init');
      const target = path.join(folder, 'new.crossing-vault');
      let printed = outcome.code === 0 ? outcome.stdout : '';
      // Killed: whatever it left, init to the same path again succeeds, or the vault it made opens.
      if (!fs.existsSync(target) || fs.statSync(target).size === 0) {
        const again = await run(['init', target, '--kdf', 'interactive', '--json']);
        expect(again.code, `init ${round} again: ${again.stderr}`).toBe(0);
        printed = again.stdout;
      }
      const unlock = printed
        ? { recoveryKey: (JSON.parse(printed) as { recoveryKey: string }).recoveryKey }
        : { passphrase: PASSPHRASE };
      const made = await Vault.open(target, unlock);
      try {
        expect(made.check().counter).toBeGreaterThan(0);
      } finally {
        made.lock();
      }
      // Nothing of the killed creation is left: no .creating file, no -wal, -shm or lock file.
      expect(fs.readdirSync(folder), `init ${round}`).toEqual(['new.crossing-vault']);
    },
  },
};
const VICTIM_KINDS = Object.keys(VICTIMS);

type RacerKind = 'compact' | 'purge' | 'import' | 'passwd';
const RACER_KINDS: readonly RacerKind[] = ['compact', 'purge', 'import', 'passwd'];
const dist = (p: string) => JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', p)).href);

/**
 * The racer: another process that waits for the vault, writes notes, then compacts, purges, imports
 * or changes the passphrase, then writes more notes, saying after each step that it committed.
 */
function racerScript(round: number, kind: RacerKind, importFile: string): string {
  return `
    const { importSealedFile } = await import(${dist('shared/exchange/importSealedFile.js')});
    for (;;) {
      try { var v = await Vault.open(vaultPath, { passphrase }); break; }
      catch (e) { if (!/another Crossing/.test(e.message)) throw e; await new Promise((r) => setTimeout(r, 15)); }
    }
    const keeper = ${JSON.stringify(keeper)};
    const doomed = v.addCase({ alias: 'doomed ${round}' }).id;
    say('doomed ' + doomed);
    const note = (caseId, text) => { v.addNote(caseId, text); say('note ' + caseId + ' ' + text); };
    for (let i = 0; i < 40; i++) note(i % 3 ? doomed : keeper, 'racer ${round} ' + i);
    switch (${JSON.stringify(kind)}) {
      case 'compact': v.compact(); break;
      case 'purge': v.purgeCase(doomed); break;
      case 'import': await importSealedFile(v, ${JSON.stringify(importFile)}); break;
      case 'passwd': v.changePassphrase(passphrase); break;
    }
    say(${JSON.stringify(kind)});
    for (let i = 40; i < 50; i++) note(keeper, 'racer ${round} ' + i);
    v.lock();
    say('done');`;
}

/** What the racer said it committed: its notes (kept unless their case was purged), its purge, its import. */
function racerCommitted(round: number, kind: RacerKind, importFile: string, stdout: string): Committed[] {
  const lines = stdout.split('\n');
  const doomed = lines.find((l) => l.startsWith('doomed '))?.slice('doomed '.length);
  const notes = lines.filter((l) => l.startsWith('note ')).map((l) => l.slice('note '.length).split(/ (.*)/s));
  const out: Committed[] = [];
  if (notes.length > 0) {
    out.push({
      what: `racer ${round}: ${notes.length} notes`,
      holds: (v) => {
        for (const [caseId, text] of notes) {
          // A purge takes the doomed case's notes with it, by design; a tombstone stays instead.
          if (doomed !== undefined && caseId === doomed && v.isTombstoned(doomed)) continue;
          expect(notesOf(v, caseId!).has(text!), `racer ${round}: ${text}`).toBe(true);
        }
      },
    });
  }
  if (lines.includes(kind) && kind === 'purge') {
    out.push({ what: `racer ${round}: purge`, holds: (v) => expect(v.isTombstoned(doomed!)).toBe(true) });
  }
  if (lines.includes(kind) && kind === 'import') {
    out.push(allOpsHeld(`racer ${round}: import`, racerExports.find((e) => e.file === importFile)!.ops));
  }
  return out;
}

it(`survives SIGKILL at random points of every writing command, with a second writer racing (seed ${SEED})`, async () => {
  const next = random(SEED);
  const victims = shuffledSchedule(VICTIM_KINDS, ROUNDS, next);
  const racers = shuffledSchedule(RACER_KINDS, ROUNDS, next);
  // Whether each round's victim is killed: at random on the first pass through the kinds, the
  // opposite on the second (each kind is then both killed and left to finish), at random after.
  const kills: boolean[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const first = round >= VICTIM_KINDS.length ? victims.indexOf(victims[round]!) : -1;
    kills.push(round >= VICTIM_KINDS.length && round < 2 * VICTIM_KINDS.length ? !kills[first]! : next() < 0.5);
  }
  const committed: Committed[] = [];
  const tally = { killed: 0, refused: 0, completed: 0, racerKilled: 0, racerDone: 0 };
  const perVictim: Record<string, string> = {};
  const counts = Object.fromEntries(VICTIM_KINDS.map((k) => [k, { killed: 0, refused: 0, completed: 0 }]));
  const racerCounts = Object.fromEntries(RACER_KINDS.map((k) => [k, 0]));
  let racerImports = 0;
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const kind = victims[round]!;
    const victim = VICTIMS[kind]!;
    let fixture: Fixture = {};
    if (victim.prepare) {
      const v = await Vault.open(vault, { passphrase: PASSPHRASE });
      try {
        fixture = await victim.prepare(v, round);
      } finally {
        v.lock();
      }
    }
    // A command takes 1–3 s here (start, Argon2id, the write, a racer for the CPU): the kill lands
    // anywhere in the first 1.6 s, mostly inside it, at times just after it. Rounds left unkilled let
    // every kind complete too, so that what it reports committed is checked from then on.
    const killAt = kills[round] ? Math.floor(100 + next() * 1500) : undefined;
    const { args, input } = victim.args(round, fixture);
    const racerKind = racers[round]!;
    racerCounts[racerKind]! += 1;
    const racerImport =
      racerExports[Math.min(racerKind === 'import' ? racerImports++ : 0, racerExports.length - 1)]!.file;
    // The racer starts up to 0.3 s after the victim: mostly the victim takes the vault first and the
    // racer waits for it, sometimes the racer does and the victim is refused.
    const racerDelay = Math.floor(next() * 300);
    const racerKillAt = Math.floor(100 + next() * 2400);
    const victimRun = run(args, killAt, input);
    await new Promise((resolve) => setTimeout(resolve, racerDelay));
    const racer = runChildVault(racerScript(round, racerKind, racerImport), vault, PASSPHRASE);
    const racerKill = setTimeout(() => racer.child.kill('SIGKILL'), racerKillAt);
    const [outcome, racerOutcome] = await Promise.all([victimRun, racer.done]);
    clearTimeout(racerKill);
    const what = `round ${round} (${kind}, racer ${racerKind})`;
    expectCleanOutcome(what, outcome);
    const count = counts[kind]!;
    const result = outcome.signal === 'SIGKILL' ? 'killed' : outcome.code === 0 ? 'completed' : 'refused';
    tally[result] += 1;
    count[result] += 1;
    if (racerOutcome.signal === 'SIGKILL') tally.racerKilled += 1;
    else {
      tally.racerDone += 1;
      expect(racerOutcome.code, `racer ${round}: ${racerOutcome.stderr}`).toBe(0);
    }
    if (outcome.code === 0) committed.push(...victim.committed(round, fixture, outcome));
    if (victim.always) committed.push(victim.always(round, fixture));
    committed.push(...racerCommitted(round, racerKind, racerImport, racerOutcome.stdout));
    await victim.after?.(round, fixture, outcome);

    // Every round: the vault opens for writing (which also clears what a kill left), checks whole,
    // and holds everything reported committed in this round and every round before.
    const v = await Vault.open(vault, { passphrase: PASSPHRASE });
    try {
      expect(v.check().counter, what).toBeGreaterThan(0);
      for (const c of committed) {
        try {
          c.holds(v);
        } catch (error) {
          throw new Error(`${what}: lost what was committed by ${c.what}: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
      // A purge is all or nothing: no doomed or handed-over case is left half-purged.
      for (const c of v.allCases()) {
        if (/^(doomed|handoff) /.test(c.fields.alias)) expect(v.isTombstoned(c.id), c.fields.alias).toBe(false);
      }
    } finally {
      v.lock();
    }
    // Nothing a kill left beside the vault outlives the next open: no .creating file, no reservation.
    expect(
      fs.readdirSync(dir).filter((name) => name.includes('.creating')),
      what,
    ).toEqual([]);
  }
  const seconds = (Date.now() - started) / 1000;
  for (const [k, c] of Object.entries(counts)) perVictim[k] = `${c.killed}k/${c.completed}c/${c.refused}r`;
  console.log(
    `fault injection: ${ROUNDS} rounds in ${seconds.toFixed(1)} s, seed ${SEED}, ${committed.length} commits checked`,
    tally,
    '\nper victim (killed/completed/refused):',
    perVictim,
    '\nracer:',
    racerCounts,
  );
  // Every writing command was a victim, and the racer raced with each of its writes (given at least
  // one pass through the kinds: CROSSING_FAULT_ROUNDS may ask for fewer, for a quick look).
  if (ROUNDS >= VICTIM_KINDS.length)
    for (const k of VICTIM_KINDS)
      expect(counts[k]!.killed + counts[k]!.completed + counts[k]!.refused, k).toBeGreaterThan(0);
  if (ROUNDS >= RACER_KINDS.length) for (const k of RACER_KINDS) expect(racerCounts[k], k).toBeGreaterThan(0);
  // Every kind of outcome happened: kills mid-command, refusals of the second writer, completions.
  expect(tally.killed).toBeGreaterThan(0);
  expect(tally.racerKilled).toBeGreaterThan(0);
  expect(tally.completed + tally.refused).toBeGreaterThan(0);
  // The budget for CI: the whole suite well under two minutes.
  expect(seconds).toBeLessThan(110);
}, 180_000);
