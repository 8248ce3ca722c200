import { modelSpecSchema, type ModelSpec } from '../../../shared/models/modelSpec';
import { trainingSettingsSchema, type TrainingSettings } from '../../../shared/models/trainingSettings';
import type { LoadedRun } from '../components/evaluation/runLoader';

/**
 * What Evaluación reads from a loaded run, as plain functions (useEvaluation wraps them in computed refs; the tests
 * call them directly).
 */

/** The epochs of the first fold (every fold of a k-fold run would overlap on the same axes). */
export function firstFoldHistory(run: LoadedRun | null): LoadedRun['history'] {
  const rows = run?.history ?? [];
  const firstFold = rows[0]?.fold ?? null;
  return rows.filter((row) => row.fold === firstFold);
}

/** The last recorded epoch of a run that has no results (interrupted, or failed before evaluating); null otherwise. */
export function interruptedEpoch(run: LoadedRun | null): number | null {
  if (!run || run.metrics || run.config.imported) return null;
  return run.history[run.history.length - 1]?.epoch ?? 0;
}

/** The run's model spec, when this version can read it (an imported or older model may not parse). */
export function reusableSpec(run: LoadedRun | null): ModelSpec | null {
  const spec = modelSpecSchema.safeParse(run?.config.model.spec);
  return spec.success ? spec.data : null;
}

/**
 * The current training settings with the run's own put in, field by field: a value this version does not know
 * (e.g. an older loss name) keeps the current setting instead of refusing the whole run.
 */
export function reusedSettings(current: TrainingSettings, stored: Record<string, unknown>): TrainingSettings {
  let settings = current;
  for (const [key, value] of Object.entries(stored)) {
    const next = trainingSettingsSchema.safeParse({ ...settings, [key]: value });
    if (value !== undefined && next.success) settings = next.data;
  }
  return settings;
}

/** The id of the dataset loaded in Datos when it is the one the run was trained on (its images feed the gallery). */
export function matchingDatasetId(run: LoadedRun | null, loaded: { datasetId: string; fingerprint: string } | null): string | null {
  const fingerprint = run?.config.dataset.fingerprint;
  return loaded && fingerprint && loaded.fingerprint === fingerprint ? loaded.datasetId : null;
}
