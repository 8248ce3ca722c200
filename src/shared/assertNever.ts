/**
 * The `default` of an exhaustive `switch`: `value` has type `never` only when every case is handled, so a case added
 * to a table and forgotten in a switch fails to compile here. At run time (data from an older file, a cast) it throws.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
