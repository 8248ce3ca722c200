import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SinapsisError } from '../../shared/contract';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Joins a string option and a following negative number (`--row -1,2`, `--lr -0.5`) into `--row=-1,2`: node's
 * parseArgs refuses a value that starts with a dash as ambiguous, but no option name starts with a digit, so a
 * student typing a negative value the natural way means it as the value.
 */
export function joinNegativeValues(args: string[], options: Options): string[] {
  const valueOption = (arg: string): string | undefined => {
    const long = /^--([^=]+)$/.exec(arg)?.[1];
    const short = /^-(\w)$/.exec(arg)?.[1];
    const name = long ?? Object.keys(options).find((key) => short !== undefined && options[key].short === short);
    return name !== undefined && options[name]?.type === 'string' ? name : undefined;
  };
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const next = args[i + 1];
    const name = next !== undefined && /^-[\d.]/.test(next) ? valueOption(args[i]) : undefined;
    if (name !== undefined) {
      joined.push(`--${name}=${next}`);
      i += 1;
    } else joined.push(args[i]);
  }
  return joined;
}

/** Strict option parsing that reports unknown or malformed flags as a bad-input error naming the flag. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SinapsisError('bad-arguments', `${message}. Run "sinapsis ${command} --help" for the options.`);
  }
}

/** Parses an integer flag, rejecting anything that is not a whole number within [min, max]. */
export function intOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new SinapsisError('bad-arguments', `--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return parsed;
}
