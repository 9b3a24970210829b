import { describe, expect, it } from 'vitest';
import { COMMANDS } from './main.js';
import { crossing, expectCleanError } from './testing/runCrossing.js';

describe('crossing (help and usage errors)', () => {
  it('lists every command in the overall help', () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const result = crossing(args);
      expect(result.status).toBe(0);
      for (const command of COMMANDS) expect(result.stdout).toContain(command.name.join(' '));
      expect(result.stdout).toContain('Exit codes');
    }
  });

  it('gives help for every command', () => {
    for (const command of COMMANDS) {
      const result = crossing([...command.name, '--help']);
      expect(result.status, command.name.join(' ')).toBe(0);
      expect(result.stdout).toContain(`usage: crossing ${command.name.join(' ')} `);
    }
    expect(crossing(['help', 'case', 'list']).stdout).toContain('--search TEXT');
    expect(crossing(['case', '--help']).stdout).toContain('crossing case show');
  });

  it('exits 1 with a usage line for no command, an unknown command or an unknown option', () => {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['case'], /case: no command given/],
      [['case', 'delete', 'v'], /unknown command "delete"/],
      [['case', 'list', 'v', '--colour'], /unknown option --colour/],
      [['case', 'list'], /missing VAULT/],
      [['case', 'list', 'v', 'extra'], /unexpected argument "extra"/],
      [['case', 'add', 'v', '--json'], /--json needs a value/],
      [['init', 'v', '--json=yes'], /--json takes no value/],
      [['init', 'v', '--kdf', 'fast'], /--kdf must be one of interactive, moderate, sensitive/],
    ];
    for (const [args, message] of cases) {
      const result = crossing(args);
      expect(result.status, args.join(' ')).toBe(1);
      expectCleanError(result);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/usage: crossing /);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 1 when the vault does not exist, before asking for a passphrase', () => {
    const result = crossing(['case', 'list', '/nonexistent/vault']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('there is no vault at /nonexistent/vault');
  });
});
