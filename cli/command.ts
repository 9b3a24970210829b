import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../shared/errors.js';

/**
 * One `crossing` command. A module defines it with `defineCommand` and main.ts lists it in its
 * table: that is all it takes to add one. Options are node:util parseArgs options, strict.
 */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>;
export type OptionValues<O extends OptionsConfig> = Parsed<O>['values'];

export interface CommandSpec<O extends OptionsConfig> {
  /** The words that name it, e.g. `['case', 'add']`. */
  name: readonly string[];
  /** One line for the overall help. */
  summary: string;
  /** Arguments and options after the name, e.g. `VAULT --json FILE|-`. */
  usage: string;
  /** Help text shown by `--help`: what it does, then one line per option. */
  help: string;
  options: O;
  /** Positional argument names, in order; extra or missing ones are a usage error. */
  positionals: readonly string[];
  /** How many trailing positionals may be left out. */
  optionalPositionals?: number;
  /** The last positional may be given many times (`PATH...`). */
  repeatLast?: boolean;
  run(values: OptionValues<O>, positionals: string[]): Promise<void>;
}

export interface Command {
  name: readonly string[];
  summary: string;
  usage: string;
  help: string;
  run(argv: string[]): Promise<void>;
}

export function defineCommand<const O extends OptionsConfig>(spec: CommandSpec<O>): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    help: spec.help,
    async run(argv) {
      let parsed: Parsed<O>;
      try {
        parsed = parseArgs({ args: argv, options: spec.options, allowPositionals: true, strict: true });
      } catch (error) {
        throw usageError(describeParseError(error), 'commandLine');
      }
      const required = spec.positionals.length - (spec.optionalPositionals ?? 0);
      if (parsed.positionals.length < required) {
        throw usageError(
          `missing ${spec.positionals.slice(parsed.positionals.length, required).join(' ')}`,
          'commandLine',
        );
      }
      if (!spec.repeatLast && parsed.positionals.length > spec.positionals.length) {
        throw usageError(
          `unexpected argument ${JSON.stringify(parsed.positionals[spec.positionals.length])}`,
          'commandLine',
        );
      }
      await spec.run(parsed.values, parsed.positionals);
    },
  };
}

/** parseArgs messages are long and mention `parseArgs`; keep what a person needs. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1];
    return option ? `unknown option ${option}` : 'unknown option';
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(--?[^' ]+)/.exec(message)?.[1] ?? 'an option';
    return message.includes('does not take an argument') ? `${option} takes no value` : `${option} needs a value`;
  }
  return message.split('\n')[0] ?? message;
}
