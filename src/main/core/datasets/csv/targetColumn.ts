import { SinapsisError } from '../../../../shared/contract';
import type { CsvDraft } from '../datasetTypes';

/** The target column a student named (by header name or 1-based number), or the suggested one when none was named. */
export function targetColumn(draft: CsvDraft, wanted: string | undefined): number {
  if (wanted === undefined) return draft.inspection.suggestedTarget;
  const byName = draft.header.indexOf(wanted);
  if (byName >= 0) return byName;
  const byNumber = /^\d+$/.test(wanted) ? Number(wanted) - 1 : -1;
  if (byNumber >= 0 && byNumber < draft.header.length) return byNumber;
  throw new SinapsisError(
    'csv-target-unknown',
    `The target "${wanted}" is neither a column name nor a number from 1 to ${draft.header.length} in ${draft.path}. Columns: ${draft.header.join(', ')}.`,
    {
      target: wanted,
      file: draft.path,
    },
  );
}
