import type { DatasetProblem, DatasetProblemCode, ProblemReasonKey, ReasonParams } from '../../../shared/contract/datasets';

/** A reason as the UI translates it: `data.problems.reason.<key>` with `params`. */
export interface ReasonText {
  key: ProblemReasonKey;
  params?: ReasonParams;
}

/** Collects problem-report lines; `skipped` is derived from the code so callers cannot get it wrong. */
export class ProblemList {
  readonly items: DatasetProblem[] = [];

  /** Codes that are notes about a file that still loaded. */
  private static readonly notes: ReadonlySet<DatasetProblemCode> = new Set([
    'extension-mismatch',
    'duplicate',
    'dataset-document',
    'too-small',
  ]);

  add(file: string, code: DatasetProblemCode, reason: string, text: ReasonText): void {
    this.items.push({
      file,
      code,
      reason,
      reasonKey: text.key,
      ...(text.params ? { params: text.params } : {}),
      skipped: !ProblemList.notes.has(code),
    });
  }

  get skippedCount(): number {
    return this.items.filter((problem) => problem.skipped).length;
  }
}
