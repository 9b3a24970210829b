import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import { addCase, crossing, expectCleanError, initVault, sha256, withPassphrase } from '../testing/runCrossing.js';

/** identity, contact, export, import, handoff, backup and restore, run as the real `crossing` command. */
let dir: string;
let cleanup: () => void;
const env = withPassphrase();
const at = (name: string) => path.join(dir, name);
let alice: string;
let bob: string;
let carol: string;
let caseIds: string[];

function ok(args: string[], input?: string) {
  const result = crossing(args, { env, ...(input === undefined ? {} : { input }) });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('crossing-cli-exchange-'));
  [alice, bob, carol] = ['alice', 'bob', 'carol'].map((n) => at(`${n}.crossing-vault`)) as [string, string, string];
  for (const v of [alice, bob, carol]) initVault(v);
  for (const [v, n] of [
    [alice, 'alice'],
    [bob, 'bob'],
    [carol, 'carol'],
  ] as const) {
    fs.writeFileSync(at(`${n}.card`), ok(['identity', v]).stdout);
  }
  caseIds = [
    addCase(alice, { alias: 'Хава', legalName: 'Khava Legal', location: 'Grozny', stage: 'shelter' }),
    addCase(alice, { alias: 'Anzor', notes: ['first call'] }),
  ];
});
afterAll(() => cleanup());

describe('crossing identity and contact', () => {
  it('prints a key card, as text and JSON', () => {
    const card = fs.readFileSync(at('alice.card'), 'utf8');
    expect(card).toMatch(
      /^-----BEGIN CROSSING KEY CARD-----\nVersion: 1\nName: .+\nSigning-Key: .+\nAge-Recipient: age1.+\nFingerprint: [0-9a-f]{40}\n-----END CROSSING KEY CARD-----\n$/,
    );
    const json = JSON.parse(ok(['identity', alice, '--json']).stdout) as {
      card: string;
      fingerprint: string;
      postQuantum: boolean;
    };
    expect(json.card).toBe(card);
    expect(json.postQuantum).toBe(false);
  });

  it('adds, lists and verifies contacts; a changed key is refused with exit 3', () => {
    const added = ok(['contact', 'add', alice, at('bob.card'), '--name', 'Bob', '--verified']).stdout;
    expect(added).toMatch(/^added: Bob \([0-9a-f]{40}\), verified\nsafety number:\n(\d{5} ){3}\d{5}\n/);
    const unverified = ok(
      ['contact', 'add', bob, '-', '--name', 'Alice'],
      fs.readFileSync(at('alice.card'), 'utf8'),
    ).stdout;
    expect(unverified).toMatch(/NOT verified/);
    // Both sides see the same safety number.
    const number = (text: string) => /((?:\d{5} ?\n?){12})/.exec(text)![1]!.replace(/\s+/g, '');
    expect(number(unverified)).toBe(number(added));
    ok(['contact', 'verify', bob, 'Alice']);
    const list = JSON.parse(ok(['contact', 'list', bob, '--json']).stdout) as Array<{
      name: string;
      verified: boolean;
    }>;
    expect(list.map((c) => [c.name, c.verified])).toEqual([['Alice', true]]);
    // Carol's card offered under the name Bob: other keys for a known name.
    const before = sha256(alice);
    const changed = crossing(['contact', 'add', alice, at('carol.card'), '--name', 'Bob'], { env });
    expect(changed.status).toBe(3);
    expectCleanError(changed);
    expect(changed.stderr).toMatch(/the key of Bob has changed/);
    expect(sha256(alice)).toBe(before);

    ok(['contact', 'add', alice, at('carol.card'), '--name', 'Carol', '--verified']);
    ok(['contact', 'add', carol, at('alice.card'), '--name', 'Alice', '--verified']);
  });

  it('reveals the secret age identity only on request, with a warning on stderr', () => {
    const result = ok(['identity', bob, '--reveal-secret']);
    expect(result.stdout).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}\n$/);
    expect(result.stderr).toMatch(/WARNING/);
    fs.writeFileSync(at('bob.key'), result.stdout, { mode: 0o600 });
  });
});

describe('crossing export and import', () => {
  it('exports, previews, imports, and recognises the same file again', () => {
    const exported = JSON.parse(
      ok(['export', alice, '--to', 'Bob', '--all', '--out', at('1.crossing'), '--json']).stdout,
    ) as {
      caseIds: string[];
      bytes: number;
    };
    expect(exported.caseIds.sort()).toEqual([...caseIds].sort());
    expect(fs.statSync(at('1.crossing')).size).toBe(exported.bytes);

    const before = sha256(bob);
    const preview = JSON.parse(ok(['import', bob, at('1.crossing'), '--dry-run', '--json']).stdout) as {
      status: string;
      newCases: unknown[];
    };
    expect(preview.status).toBe('preview');
    expect(preview.newCases).toHaveLength(2);
    expect(sha256(bob)).toBe(before);

    expect(ok(['import', bob, at('1.crossing')]).stdout).toMatch(
      /^imported: export .* from Alice .*\n.*\nthe sender's vault was at change number \d+\nnew case /,
    );
    const again = ok(['import', bob, at('1.crossing')]);
    expect(again.stdout).toMatch(/^already imported on \d{4}-\d{2}-\d{2}T.*nothing changed\n$/);
    const shown = JSON.parse(ok(['case', 'show', bob, '--json', '--', caseIds[0]!]).stdout) as {
      fields: { legalName: string };
    };
    expect(shown.fields.legalName).toBe('Khava Legal');
  });

  it('the standard age tool opens an export with the revealed identity', () => {
    if (!fs.existsSync('/usr/bin/age')) return; // covered with its reason in the library's interop test
    const plain = execFileSync('/usr/bin/age', ['-d', '-i', at('bob.key'), at('1.crossing')]).toString('utf8');
    expect(plain.startsWith('CROSSING SIGNED BUNDLE 1\n')).toBe(true);
  });

  it('refuses a damaged, misaddressed or passphrase file with exit 3, naming the check, vault unchanged', async () => {
    const good = fs.readFileSync(at('1.crossing'));
    const damaged = Buffer.from(good);
    damaged[damaged.length - 100]! ^= 1;
    fs.writeFileSync(at('damaged.crossing'), damaged);
    const misaddressed = at('1.crossing');
    const passphrase = new Encrypter();
    passphrase.setPassphrase('someone chose this');
    passphrase.setScryptWorkFactor(10);
    fs.writeFileSync(at('pass.crossing'), await passphrase.encrypt('not a bundle'));
    const cases: Array<[string, string, RegExp]> = [
      [bob, at('damaged.crossing'), /refused by the integrity check/],
      [carol, misaddressed, /refused by the decrypt check: the file is not encrypted to this vault/],
      [bob, at('pass.crossing'), /refused by the passphrase check/],
    ];
    for (const [vault, file, message] of cases) {
      const before = sha256(vault);
      const result = crossing(['import', vault, file], { env });
      expect(result.status, result.stderr).toBe(3);
      expectCleanError(result);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/Nothing was changed\.\n$/);
      expect(sha256(vault)).toBe(before);
    }
  });

  it('leaves out fields on request and shows it on import', () => {
    ok([
      'export',
      alice,
      '--to',
      'Carol',
      `--case=${caseIds[0]!.slice(0, 8)}`,
      '--omit',
      'legalName,location',
      '--out',
      at('min.crossing'),
    ]);
    const report = ok(['import', carol, at('min.crossing')]).stdout;
    expect(report).toMatch(/the sender left out: legalName, location/);
    const shown = JSON.parse(ok(['case', 'show', carol, '--json', '--', caseIds[0]!]).stdout) as {
      fields: Record<string, unknown>;
    };
    expect(shown.fields).toMatchObject({ legalName: null, location: null, alias: 'Хава' });
  });
});

describe('crossing handoff, backup and restore', () => {
  it('hands a case off with --purge: assigned, exported, gone here', () => {
    const out = ok([
      'handoff',
      alice,
      '--to',
      'Bob',
      '--out',
      at('handoff.crossing'),
      '--consent-to',
      'Bob at the shelter network',
      '--purge',
      '--',
      caseIds[1]!,
    ]).stdout;
    expect(out).toMatch(/assigned to Bob/);
    expect(out).toMatch(/consent: the person agreed to their case going to Bob at the shelter network/);
    expect(out).toMatch(/purged from this vault \(\d+ ops removed, tombstone kept\)/);
    const gone = crossing(['case', 'show', alice, '--', caseIds[1]!], { env });
    expect(gone.status).toBe(1);
    const report = ok(['import', bob, at('handoff.crossing'), '--json']).stdout;
    expect((JSON.parse(report) as { updatedCases: Array<{ fields: string[] }> }).updatedCases[0]!.fields).toEqual([
      'assignedTo',
      'consents',
    ]);
  });

  it('backs up and restores into a new vault', () => {
    ok(['backup', bob, '--out', at('bob.backup')]);
    const fresh = at('bob-new.crossing-vault');
    initVault(fresh);
    const restored = JSON.parse(
      ok(['restore', fresh, at('bob.backup'), '--identity-file', at('bob.key'), '--json']).stdout,
    ) as {
      cases: number;
      contacts: number;
    };
    expect(restored).toMatchObject({ cases: 2, contacts: 1 });
    const list = (v: string) => JSON.parse(ok(['case', 'list', v, '--json']).stdout) as unknown;
    expect(list(fresh)).toEqual(list(bob));
  });

  it('gives usage errors (exit 1) for missing choices', () => {
    for (const args of [
      ['export', alice, '--all', '--out', at('x.crossing')],
      ['export', alice, '--to', 'Bob', '--out', at('x.crossing')],
      ['export', alice, '--to', 'Nobody', '--all', '--out', at('x.crossing')],
      ['export', alice, '--to', 'Bob', '--all', '--out', at('1.crossing')],
      ['import', bob, at('missing.crossing')],
    ]) {
      const result = crossing(args, { env });
      expect(result.status, args.join(' ')).toBe(1);
      expectCleanError(result);
    }
  });
});
