/**
 * A confusion matrix too large to read as a table (hundreds or thousands of classes) is shown as a heatmap, one
 * cell per pixel, with the most frequent confusions listed beside it. The report and the Evaluación view use the
 * same limit and the same list.
 */

/** Above this many classes the matrix is drawn as a heatmap instead of a table of numbers. */
export const MAX_CONFUSION_TABLE_CLASSES = 30;

/** How many of the most frequent confusions are listed next to a heatmap. */
export const TOP_CONFUSIONS = 20;

export interface Confusion {
  trueClass: number;
  predictedClass: number;
  count: number;
  /** The share of the true class's samples that went to this prediction. */
  share: number;
}

/** The off-diagonal cells with the most samples, most first (ties: lower true class, then lower predicted class). */
export function topConfusions(matrix: readonly (readonly number[])[], limit = TOP_CONFUSIONS): Confusion[] {
  const found: Confusion[] = [];
  let smallest = 0;
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    let total = 0;
    for (const value of row) total += value;
    for (let j = 0; j < row.length; j++) {
      const count = row[j];
      if (i === j || count <= 0 || (found.length >= limit && count <= smallest)) continue;
      found.push({ trueClass: i, predictedClass: j, count, share: total ? count / total : 0 });
      // Keep the list short while scanning: a 3000-class matrix has nine million cells.
      if (found.length > limit * 4) {
        found.sort(byCount);
        found.length = limit;
        smallest = found[limit - 1].count;
      }
    }
  }
  return found.sort(byCount).slice(0, limit);
}

function byCount(a: Confusion, b: Confusion): number {
  return b.count - a.count || a.trueClass - b.trueClass || a.predictedClass - b.predictedClass;
}
