const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/**
 * Orders names as people expect ("2" before "10", "class 9" before "class 10"); ties fall back to code-unit
 * order so that two names differing only in case or accents still sort the same way on every machine.
 */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
