import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPORT_STATUSES } from '../../shared/model/case.js';
import type { CaseState } from '../../shared/oplog/fold.js';
import { makeTempDir } from '../../shared/testing/tempDir.js';
import {
  NAME,
  PASSPHRASE,
  crossing,
  crossingWithoutTerminal,
  expectCleanError,
  sha256,
  withPassphrase,
} from '../testing/runCrossing.js';

let dir: string;
let cleanup: () => void;
let vault: string;
let firstRun: ReturnType<typeof crossing>;
const env = withPassphrase();

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  vault = path.join(dir, 'demo.crossing-vault');
  firstRun = crossing(['demo', vault, '--cases', '150', '--seed', '42', '--kdf', 'interactive'], { env });
});
afterAll(() => cleanup());

const allCases = (file: string) =>
  JSON.parse(crossing(['case', 'list', file, '--json'], { env }).stdout) as CaseState[];

describe('crossing demo', () => {
  it('creates the vault, printing its recovery key, and 150 realistic cases, about 130 abroad', () => {
    expect(firstRun.status, firstRun.stderr).toBe(0);
    expect(firstRun.stdout).toMatch(/^\s+[0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/m);
    expect(firstRun.stdout).toContain('added 150 invented cases (seed 42); the vault holds 150');
    const cases = allCases(vault);
    expect(cases).toHaveLength(150);
    const abroad = cases.filter((c) => c.fields.stage === 'arrived' || c.fields.stage === 'resettled');
    expect(abroad.length).toBeGreaterThanOrEqual(120);
    expect(abroad.length).toBeLessThanOrEqual(140);
    const statuses = new Set(cases.flatMap((c) => [c.fields.passport, c.fields.internalPassport]));
    expect([...statuses].sort()).toEqual([...PASSPORT_STATUSES].sort());
    expect(cases.some((c) => /[А-яЁё]/.test(c.fields.alias))).toBe(true);
    expect(cases.some((c) => /^[A-Za-z .'-]+$/.test(c.fields.alias))).toBe(true);
    expect(crossing(['check', vault], { env }).status).toBe(0);
  });

  it('adds nothing when run again with the same seed, and adds more with another', () => {
    const same = crossing(['demo', vault, '--cases', '150', '--seed', '42'], { env });
    expect(same.stdout).toContain('added 0 invented cases');
    const more = crossing(['demo', vault, '--cases', '10'], { env });
    expect(more.status, more.stderr).toBe(0);
    expect(more.stdout).toMatch(/added 10 invented cases \(seed \d+\); the vault holds 160/);
    expect(more.stdout).not.toMatch(/Recovery key/);
  });

  it('refuses a bad --cases or --seed (exit 1) and a wrong passphrase (exit 2) without writing', () => {
    const before = sha256(vault);
    for (const args of [
      ['--cases', '0'],
      ['--cases', 'many'],
      ['--seed', '-1'],
    ]) {
      const result = crossing(['demo', vault, ...args], { env });
      expect(result.status, args.join(' ')).toBe(1);
    }
    const wrong = crossing(['demo', vault], { env: { CROSSING_PASSPHRASE: 'certainly not it' } });
    expect(wrong.status).toBe(2);
    expect(sha256(vault)).toBe(before);
  });
});

describe('crossing demo: the name of a vault it creates', () => {
  const nameOf = (file: string) =>
    (JSON.parse(crossing(['identity', file, '--json'], { env }).stdout) as { displayName: string }).displayName;

  it('names the vault it creates from CROSSING_NAME', () => {
    expect(nameOf(vault)).toBe(NAME);
  });

  it('refuses a new vault with no name and no terminal (exit 1), creating nothing', async () => {
    const file = path.join(dir, 'nameless.crossing-vault');
    const result = await crossingWithoutTerminal(['demo', file, '--cases', '2', '--kdf', 'interactive'], {
      env: { CROSSING_PASSPHRASE: PASSPHRASE },
    });
    expect(result.status).toBe(1);
    expectCleanError(result);
    expect(result.stderr).toContain('name the person this vault belongs to with --name NAME (or CROSSING_NAME)');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('takes --name for a new vault, and refuses it for one that exists', () => {
    const file = path.join(dir, 'named.crossing-vault');
    const made = crossing(['demo', file, '--cases', '2', '--kdf', 'interactive', '--name', 'Ilyas'], { env });
    expect(made.status, made.stderr).toBe(0);
    expect(nameOf(file)).toBe('Ilyas');
    const before = sha256(file);
    const again = crossing(['demo', file, '--cases', '2', '--name', 'Someone else'], { env });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`--name names a new vault, and ${file} already exists`);
    expect(sha256(file)).toBe(before);
    expect(nameOf(file)).toBe('Ilyas');
  });
});
