import { ERROR_CODES, toCrossingError } from '../shared/errors.js';
import type { Command } from './command.js';
import { caseCommands } from './commands/case.js';
import { checkCommand } from './commands/check.js';
import { contactCommands } from './commands/contact.js';
import { demoCommand } from './commands/demo.js';
import { exchangeCommands } from './commands/exchange.js';
import { dupesCommands } from './commands/dupes.js';
import { fileCommands } from './commands/file.js';
import { handoffsCommand } from './commands/handoffs.js';
import { identityCommand } from './commands/identity.js';
import { initCommand } from './commands/init.js';
import { passwdCommand } from './commands/passwd.js';
import { seizureCommands } from './commands/seizure.js';
import { SHOW_ATTEMPTS_LEFT_FROM } from '../shared/seizure/unlockGuard.js';
import { sheetCommands } from './commands/sheet.js';
import { statsCommand } from './commands/stats.js';
import { verifyReleaseCommand } from './commands/verifyRelease.js';
import { printLines, writeStderr } from './output.js';

/**
 * Every `crossing` command. Adding one: write a module with `defineCommand`, list it here; help,
 * dispatch and error handling come with it.
 */
export const COMMANDS: readonly Command[] = [
  initCommand,
  ...caseCommands,
  ...fileCommands,
  ...dupesCommands,
  statsCommand,
  demoCommand,
  passwdCommand,
  ...seizureCommands,
  checkCommand,
  identityCommand,
  ...contactCommands,
  ...exchangeCommands,
  handoffsCommand,
  ...sheetCommands,
  verifyReleaseCommand,
];

const HELP_FLAGS = new Set(['--help', '-h']);

/** Runs one command line; returns the exit code. Never throws, never prints a stack trace. */
export async function main(argv: readonly string[], commands: readonly Command[] = COMMANDS): Promise<number> {
  // Output goes through output.ts, which writes synchronously and turns a failed write into an
  // error the command sees; nothing should reach the stream, but an error there must never crash.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  const command = findCommand(argv, commands);
  const rest = command ? argv.slice(command.name.length) : [];
  try {
    if (!command) return helpOrUnknown(argv, commands);
    const dashDash = rest.indexOf('--');
    const flags = dashDash < 0 ? rest : rest.slice(0, dashDash);
    if (flags.some((arg) => HELP_FLAGS.has(arg))) {
      printLines(commandHelp(command));
      return 0;
    }
    await command.run([...rest]);
    return 0;
  } catch (error) {
    const crossingError = toCrossingError(error);
    writeStderr(`crossing: ${crossingError.message}\n`);
    // As the unlock screen: the attempts left before the wipe, once few remain.
    const left = crossingError.params?.attemptsLeft;
    if (typeof left === 'number' && left <= SHOW_ATTEMPTS_LEFT_FROM) {
      writeStderr(`crossing: ${left} attempt${left === 1 ? '' : 's'} left before the vault is erased\n`);
    }
    if (crossingError.code === 'usage' && command) {
      writeStderr(`usage: ${usageLine(command)}\n(crossing ${command.name.join(' ')} --help for more)\n`);
    }
    return ERROR_CODES[crossingError.code];
  }
}

/** The command whose name is the longest prefix of the arguments. */
function findCommand(argv: readonly string[], commands: readonly Command[]): Command | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.name.every((word, i) => argv[i] === word);
    if (matches && (!best || command.name.length > best.name.length)) best = command;
  }
  return best;
}

function helpOrUnknown(argv: readonly string[], commands: readonly Command[]): number {
  const [first, ...others] = argv;
  if (first === 'help' || (first !== undefined && HELP_FLAGS.has(first))) {
    const topic = others.length > 0 ? findCommand(others, commands) : undefined;
    printLines(topic ? commandHelp(topic) : overallHelp(commands));
    return 0;
  }
  const group = commands.filter((c) => c.name.length > 1 && c.name[0] === first);
  if (group.length > 0 && others[0] !== undefined && HELP_FLAGS.has(others[0])) {
    printLines([...group.map((c) => `usage: ${usageLine(c)}`), '', `(crossing ${first} COMMAND --help for more)`]);
    return 0;
  }
  const problem =
    first === undefined
      ? 'no command given'
      : group.length > 0
        ? `${first}: ${argv[1] === undefined ? 'no command given' : `unknown command ${JSON.stringify(argv[1])}`}`
        : `unknown command ${JSON.stringify(first)}`;
  writeStderr(`crossing: ${problem}\n`);
  const listed = group.length > 0 ? group : commands;
  writeStderr(`usage: ${listed.map(usageLine).join('\n       ')}\n(crossing --help for more)\n`);
  return ERROR_CODES.usage;
}

function usageLine(command: Command): string {
  return `crossing ${command.name.join(' ')} ${command.usage}`;
}

function commandHelp(command: Command): string[] {
  return [`usage: ${usageLine(command)}`, '', command.help];
}

function overallHelp(commands: readonly Command[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.join(' ').length));
  return [
    'crossing: the encrypted case vault, headless',
    '',
    'usage: crossing COMMAND VAULT [options]',
    '',
    ...commands.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'The passphrase is asked on the terminal, or read from --passphrase-file FILE or CROSSING_PASSPHRASE;',
    'a lost passphrase: --recovery-key-file FILE or CROSSING_RECOVERY_KEY. A new vault is named with',
    '--name NAME or CROSSING_NAME, else asked on the terminal. Every command takes --help.',
    '',
    'Exit codes: 0 ok, 1 usage error, 2 wrong passphrase or not a vault, 3 input rejected (invalid data,',
    'tampered or damaged file), 4 other failure.',
  ];
}
