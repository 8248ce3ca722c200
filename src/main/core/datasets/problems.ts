import type { DatasetProblem, DatasetProblemCode } from '../../../shared/contract/datasets';

/** Collects problem-report lines; `skipped` is derived from the code so callers cannot get it wrong. */
export class ProblemList {
  readonly items: DatasetProblem[] = [];

  /** Codes that are notes about a file that still loaded. */
  private static readonly notes: ReadonlySet<DatasetProblemCode> = new Set(['extension-mismatch', 'duplicate']);

  add(file: string, code: DatasetProblemCode, reason: string): void {
    this.items.push({ file, code, reason, skipped: !ProblemList.notes.has(code) });
  }

  get skippedCount(): number {
    return this.items.filter((problem) => problem.skipped).length;
  }
}
