import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SinapsisError } from '../../shared/contract';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing that reports unknown or malformed flags as a bad-input error naming the flag. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
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
