/**
 * A dataset whose largest class has more than this many times the samples of its smallest gets a warning:
 * a classifier can then score high accuracy by favouring the large class, so per-class metrics matter.
 * 1.5 is the usual rule of thumb for "noticeably imbalanced".
 */
export const IMBALANCE_WARNING_RATIO = 1.5;

export interface Imbalance {
  ratio: number;
  warning: boolean;
  smallest: string;
  largest: string;
}

/** Compares the largest and smallest class; classes with zero samples make the ratio infinite (reported as such). */
export function measureImbalance(classes: readonly { name: string; count: number }[]): Imbalance {
  if (classes.length === 0) return { ratio: 1, warning: false, smallest: '', largest: '' };
  let smallest = classes[0];
  let largest = classes[0];
  for (const entry of classes) {
    if (entry.count < smallest.count) smallest = entry;
    if (entry.count > largest.count) largest = entry;
  }
  const ratio = smallest.count === 0 ? Number.MAX_VALUE : largest.count / smallest.count;
  return { ratio, warning: ratio > IMBALANCE_WARNING_RATIO, smallest: smallest.name, largest: largest.name };
}
