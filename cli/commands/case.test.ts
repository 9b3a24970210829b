import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../shared/oplog/fold.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import {
  addCase,
  crossing,
  crossingWithoutTerminal,
  expectCleanError,
  initVault,
  sha256,
  withPassphrase,
} from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
let akhmed: string;
let malika: string;
const env = withPassphrase();

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'cases.crossing-vault');
  initVault(vault);
  akhmed = addCase(vault, {
    alias: 'A. from Grozny',
    otherNames: ['Akhmed Dudayev'],
    stage: 'arrived',
    passport: 'issued',
    internalPassport: 'confiscated',
    refugeCountry: 'DE',
    risk: 'high',
    contacts: [{ channel: 'signal', value: '+49 151 0000', safetyNote: 'only after 20:00' }],
    tasks: [{ text: 'renew residence permit', due: '2020-01-01' }],
    notes: ['arrived safely'],
  });
  malika = addCase(vault, { alias: 'Малика', stage: 'shelter', passport: 'held_by_family', location: 'Москва' });
});
afterAll(() => cleanup());

const list = (...args: string[]) => {
  const result = crossing(['case', 'list', vault, '--json', ...args], { env });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as CaseState[]).map((c) => c.id).sort();
};

describe('case add', () => {
  it('prints the new id and stores every field given', () => {
    expect(akhmed).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const shown = crossing(['case', 'show', vault, akhmed, '--json'], { env });
    const state = JSON.parse(shown.stdout) as CaseState;
    expect(state.fields).toMatchObject({ stage: 'arrived', refugeCountry: 'DE', otherNames: ['Akhmed Dudayev'] });
    expect(state.contacts[0]).toMatchObject({ channel: 'signal', safetyNote: 'only after 20:00' });
    expect(state.notes.map((n) => n.text)).toEqual(['arrived safely']);
  });

  it('reads the case from a file', () => {
    const file = path.join(dir, 'case.json');
    fs.writeFileSync(file, JSON.stringify({ alias: 'From a file' }));
    const result = crossing(['case', 'add', vault, '--json', file], { env });
    expect(result.status).toBe(0);
    expect(list('--search', 'from a file')).toEqual([result.stdout.trim()]);
  });

  it.each([
    [{ alias: 'X', stage: 'escaped' }, /the case is not valid: stage: Invalid option/],
    [{ alias: 'X', favouriteColour: 'blue' }, /Unrecognized key: "favouriteColour"/],
    [{ alias: 'X', refugeCountry: 'XX' }, /refugeCountry: must be an ISO 3166-1 alpha-2 country code/],
    [{ alias: 'X', contacts: [{ channel: 'pigeon', value: 'x' }] }, /contacts\.0\.channel: Invalid option/],
    [{ stage: 'intake' }, /alias: /],
    [{ alias: 'X', stage: 'closed' }, /closedReason: is required when stage is closed/],
    [['not', 'an', 'object'], /the case is not valid: .*expected object/],
  ])('rejects invalid input with exit 3, naming the field: %j', (input, message) => {
    const before = sha256(vault);
    const result = crossing(['case', 'add', vault, '--json', '-'], { env, input: JSON.stringify(input) });
    expect(result.status).toBe(3);
    expectCleanError(result);
    expect(result.stderr).toMatch(message);
    expect(sha256(vault)).toBe(before);
  });

  it('rejects input that is not JSON with exit 3, without quoting it', () => {
    const result = crossing(['case', 'add', vault, '--json', '-'], { env, input: '{"alias": "Secret Name",' });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^crossing: the input is not valid JSON/);
    expect(result.stderr).not.toContain('Secret Name');
  });

  it('needs --json (exit 1) and names an input file it cannot read (exit 1)', () => {
    expect(crossing(['case', 'add', vault], { env }).stderr).toContain('give the case with --json FILE');
    const missing = crossing(['case', 'add', vault, '--json', path.join(dir, 'nope.json')], { env });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });

  it('reads the case from stdin and the passphrase from a file when there is no terminal', async () => {
    const secret = path.join(dir, 'passphrase.txt');
    fs.writeFileSync(secret, `${env.CROSSING_PASSPHRASE}\n`);
    const result = await crossingWithoutTerminal(['case', 'add', vault, '--json', '-', '--passphrase-file', secret], {
      input: JSON.stringify({ alias: 'Piped in' }),
    });
    expect(result.status, result.stderr).toBe(0);
  });

  it('exits 1 saying how to give the passphrase when there is no terminal and no other source', async () => {
    const before = sha256(vault);
    const result = await crossingWithoutTerminal(['case', 'list', vault]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no terminal to ask for the passphrase: give it with --passphrase-file FILE or/);
    expect(sha256(vault)).toBe(before);
  });
});

describe('case list', () => {
  it('prints an aligned table with a short id, the alias and the stage', () => {
    const result = crossing(['case', 'list', vault, '--stage', 'shelter'], { env });
    expect(result.status).toBe(0);
    const [header, row] = result.stdout.split('\n');
    expect(header).toMatch(/^ID\s+ALIAS\s+STAGE\s+PASSPORT\s+INTERNAL\s+COUNTRY\s+RISK\s+ASSIGNED\s+CHANGED$/);
    expect(row!.startsWith(malika.slice(0, 8))).toBe(true);
    expect(row!.indexOf('shelter')).toBe(header!.indexOf('STAGE'));
    expect(row).toContain('held_by_family');
  });

  it('filters by stage, passport and country (any of several values)', () => {
    expect(list('--stage', 'arrived')).toEqual([akhmed]);
    expect(list('--stage', 'arrived,shelter')).toEqual([akhmed, malika].sort());
    expect(list('--stage', 'arrived', '--stage', 'shelter')).toEqual([akhmed, malika].sort());
    expect(list('--passport', 'held_by_family')).toEqual([malika]);
    expect(list('--country', 'de')).toEqual([akhmed]);
    expect(list('--country', 'DE', '--stage', 'shelter')).toEqual([]);
  });

  it('searches case-insensitively across Cyrillic and Latin spellings', () => {
    expect(list('--search', 'Ахмед')).toEqual([akhmed]);
    expect(list('--search', 'AKHMED')).toEqual([akhmed]);
    expect(list('--search', 'малика')).toEqual([malika]);
    expect(list('--search', 'Malika')).toEqual([malika]);
    expect(list('--search', 'moskva')).toEqual([malika]);
    expect(list('--search', 'nobody-by-this-name')).toEqual([]);
  });

  it('rejects a bad filter value with exit 1, naming the option', () => {
    const stage = crossing(['case', 'list', vault, '--stage', 'flying'], { env });
    expect(stage.status).toBe(1);
    expect(stage.stderr).toMatch(/^crossing: --stage: Invalid option/);
    const country = crossing(['case', 'list', vault, '--country', 'Germany'], { env });
    expect(country.status).toBe(1);
    expect(country.stderr).toMatch(/^crossing: --country: must be an ISO 3166-1 alpha-2 country code/);
  });
});

describe('case update and case note', () => {
  it('changes the fields given, by id prefix, and shows the change in the history', () => {
    const id = addCase(vault, { alias: 'To update', stage: 'shelter' });
    const result = crossing(['case', 'update', vault, id.slice(0, 6), '--json', '-'], {
      env,
      input: JSON.stringify({ stage: 'documents', passport: 'applied' }),
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${id}: 1 change saved\n`);
    const again = crossing(['case', 'update', vault, id, '--json', '-'], { env, input: '{"stage": "documents"}' });
    expect(again.stdout).toBe(`${id}: nothing to change\n`);
    const shown = crossing(['case', 'show', vault, id], { env }).stdout;
    expect(shown).toContain('stage: shelter → documents');
    expect(shown).toContain('passport: unknown → applied');
  });

  it('rejects an invalid change with exit 3, naming the field, writing nothing', () => {
    const before = sha256(vault);
    const result = crossing(['case', 'update', vault, akhmed, '--json', '-'], {
      env,
      input: JSON.stringify({ risk: 'extreme', birthYear: 1800 }),
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^crossing: the change is not valid: /);
    expect(result.stderr).toMatch(/risk: Invalid option/);
    expect(result.stderr).toMatch(/birthYear: Too small/);
    expect(sha256(vault)).toBe(before);
  });

  it('adds a note, from the command line or from stdin', () => {
    expect(crossing(['case', 'note', vault, malika, 'called on Signal'], { env }).status).toBe(0);
    const piped = crossing(['case', 'note', vault, malika, '-'], { env, input: 'second line\nof a note\n' });
    expect(piped.status).toBe(0);
    const state = JSON.parse(crossing(['case', 'show', vault, malika, '--json'], { env }).stdout) as CaseState;
    expect(state.notes.map((n) => n.text)).toEqual(['called on Signal', 'second line\nof a note']);
  });

  it('exits 1 for an unknown id or a prefix under 4 characters', () => {
    for (const [id, message] of [
      ['zzzzzzzzzzzzzzzzzzzzzz', /there is no case zzzzzzzzzzzzzzzzzzzzzz/],
      ['abc', /at least the first 4 characters/],
    ] as const) {
      for (const args of [
        ['case', 'show', vault, id],
        ['case', 'note', vault, id, 'text'],
      ]) {
        const result = crossing(args, { env });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(message);
      }
    }
  });
});

describe('case show', () => {
  it('shows fields, contacts with safety notes, overdue tasks, notes and the history', () => {
    const result = crossing(['case', 'show', vault, akhmed.slice(0, 4)], { env });
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`Case ${akhmed}`);
    expect(out).toMatch(/refugeCountry\s+DE/);
    expect(out).toContain('signal: +49 151 0000');
    expect(out).toContain('safety: only after 20:00');
    expect(out).toMatch(/\[ \] renew residence permit \(due 2020-01-01\)\s+OVERDUE/);
    expect(out).toContain('arrived safely');
    expect(out).toMatch(
      /History:\n\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+[0-9a-f]{8} \(you\)\s+created \(alias: A\. from Grozny/,
    );
    expect(out).toMatch(/note added: arrived safely/);
  });

  it('gives the case with its history and conflicts as JSON', () => {
    const result = crossing(['case', 'show', vault, akhmed, '--json'], { env });
    const shown = JSON.parse(result.stdout) as CaseState & { history: { at: string; changes: unknown[] }[] };
    expect(shown.id).toBe(akhmed);
    expect(shown.conflicts).toEqual([]);
    expect(shown.history.length).toBe(2);
    expect(shown.history[0]!.changes[0]).toMatchObject({ kind: 'created' });
    expect(Number.isNaN(Date.parse(shown.history[0]!.at))).toBe(false);
  });

  it('prints stored text as data: no terminal escape reaches the screen', () => {
    const id = addCase(vault, { alias: 'Evil\u009b2J name', legalName: 'Left\u202eright' });
    const shown = crossing(['case', 'show', vault, id], { env });
    expect(shown.status, shown.stderr).toBe(0);
    const out = shown.stdout;
    expect(out).not.toMatch(/[\u009b\u202e\u001b]/);
    expect(out).toContain('Evil\ufffd2J name');
  });
});
