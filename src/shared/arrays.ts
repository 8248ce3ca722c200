/**
 * Largest and smallest of many numbers, and appending one array to another, without spreading the array into a
 * call's arguments: `Math.max(...values)` and `target.push(...values)` put every element on the stack and throw
 * "Maximum call stack size exceeded" from about 100,000 elements (a confusion matrix of 400 classes, a long
 * training's curve, a large class in a split). A static test forbids the spread forms under src/.
 */

/** The largest value, or `empty` when there is none (NaN is ignored). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let best = -Infinity;
  let seen = false;
  for (const value of values) {
    if (value > best) best = value;
    if (!Number.isNaN(value)) seen = true;
  }
  return seen ? best : empty;
}

/** The smallest value, or `empty` when there is none (NaN is ignored). */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let best = Infinity;
  let seen = false;
  for (const value of values) {
    if (value < best) best = value;
    if (!Number.isNaN(value)) seen = true;
  }
  return seen ? best : empty;
}

/** The largest value of a matrix (rows of numbers), or `empty` when it has none. */
export function maxOfMatrix(rows: readonly (readonly number[])[], empty = -Infinity): number {
  let best = empty;
  for (const row of rows) best = Math.max(best, maxOf(row, empty));
  return best;
}

/** Appends `source` to `target` in place (what `target.push(...source)` does, for any length). */
export function appendAll<T>(target: T[], source: readonly T[]): T[] {
  for (const item of source) target.push(item);
  return target;
}
