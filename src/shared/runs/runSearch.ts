import type { RunSummary } from '../contract/runs';

/**
 * Whether a run matches a search typed in a runs list: every word of the search must appear in one of the run's
 * fields (its id, the model name the student typed, the layer sizes, the dataset, engine, backend, status) or in
 * `extra`, the words the interface shows for it in the student's language (e.g. "completado"), so that a search
 * finds what is on screen. Case and accents are ignored ("clasificacion" finds "Clasificación").
 */
export function runMatchesSearch(run: RunSummary, search: string | undefined, extra: readonly string[] = []): boolean {
  const words = fold(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return true;
  const haystack = fold(
    [run.runId, run.modelName, run.model, run.dataset, run.engine, run.backend, run.status, ...extra]
      .filter((field) => field !== null)
      .join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

/** Lower case without accents: what a search compares. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
