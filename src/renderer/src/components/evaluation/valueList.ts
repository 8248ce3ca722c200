/**
 * A list of numbers pasted by hand or from NumPy ("[0.1 0.25\n 3.5]", "0.1, 0.25; 3.5"): one value per feature for
 * the scaling of an imported model. Spaces, commas, semicolons and brackets separate; the decimal separator is the
 * point (a comma separates, as in NumPy's and Python's printouts). The first piece that is not a number is returned.
 */
export function parseValueList(text: string): { values: number[] } | { bad: string } {
  const pieces = text.split(/[\s,;[\]]+/).filter(Boolean);
  const values: number[] = [];
  for (const piece of pieces) {
    const value = Number(piece);
    if (!Number.isFinite(value)) return { bad: piece };
    values.push(value);
  }
  return { values };
}
