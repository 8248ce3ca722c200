import { computed, effectScope, ref, shallowRef, watch, type Ref } from 'vue';
import type { BackendPreference } from '../../../shared/contract/app';
import type { ScalingName } from '../../../shared/datasets/scaling';
import type { FeatureChoice } from '../../../shared/contract/experiment';
import { parseModelSpec, type ModelSpec } from '../../../shared/models/modelSpec';
import { modelPresets } from '../../../shared/models/presets';
import { trainingSettingsSchema, type TrainingSettings } from '../../../shared/models/trainingSettings';
import { defaultFeatureChoice, featureInputShape, outputUnitsFor } from '../../../shared/features/featureShape';
import { datasetTraits, fitToDataset, type DatasetFitChange, type DatasetTraits } from '../../../shared/models/fitToDataset';
import type { LabSession } from '../../../shared/contract/project';
import { LAB_SPLIT } from '../../../shared/datasets/splits';
import { useDataset } from './useDataset';
import { currentPipeline } from './useFeatures';

export type { ScalingName as Scaling } from '../../../shared/datasets/scaling';
export type SplitMethod = 'holdout' | 'train-val-test' | 'k-fold' | 'leave-one-out';

/** How the experiment divides the data; fractions are used by the holdout methods, `folds` by k-fold. */
export interface SessionSplit {
  method: SplitMethod;
  train: number;
  validation: number;
  test: number;
  folds: number;
  stratified: boolean;
}

/** What a new session (and "Nuevo proyecto") starts with: the course's lab network and settings. */
export function labDefaults() {
  return {
    model: parseModelSpec(modelPresets.mlp320_18_10),
    followFeatures: true,
    training: trainingSettingsSchema.parse({}),
    split: { ...LAB_SPLIT } as SessionSplit,
    scaling: 'zscore' as ScalingName,
    backend: 'auto' as BackendPreference,
  };
}
const initial = labDefaults();

// Module-level state: one lab session per window, shared by Datos, Características, Modelo, Entrenamiento and Evaluación.
const chosenFeatures: Ref<FeatureChoice | null> = shallowRef(null);
const model: Ref<ModelSpec> = ref(initial.model);
/** When true, the model's input shape follows the current features. */
const followFeatures = ref(initial.followFeatures);
const training: Ref<TrainingSettings> = ref(initial.training);
const split: Ref<SessionSplit> = ref(initial.split);
const scaling = ref<ScalingName>(initial.scaling);
const backend = ref<BackendPreference>(initial.backend);
/** The run the latest training wrote, so Evaluación can open it. */
const lastRunId: Ref<string | null> = ref(null);
/** The project open now (saved or opened from a file): its name, runs and, for an assignment, what is locked. */
const project: Ref<LabSession['project']> = shallowRef(null);
/** What the latest dataset changed in the choices made for the previous one (shown until dismissed or the next dataset). */
export interface DatasetFitNotice {
  dataset: DatasetTraits;
  previous: DatasetTraits | null;
  changes: DatasetFitChange[];
}
const datasetFit: Ref<DatasetFitNotice | null> = shallowRef(null);
let derived: ReturnType<typeof derive> | null = null;

/** Values computed from the dataset and the session, created once per window outside any component's lifetime. */
function derive(dataset: ReturnType<typeof useDataset>['summary']) {
  // Images default to HOG with the pipeline set in Características (the lab setting until changed there).
  const featuresOf = (summary: typeof dataset.value, chosen: FeatureChoice | null): FeatureChoice | null => {
    if (chosen) return chosen;
    const fallback = defaultFeatureChoice(summary);
    return fallback?.kind === 'hog' ? { kind: 'hog', pipeline: currentPipeline() } : fallback;
  };
  const features = computed<FeatureChoice | null>(() => featuresOf(dataset.value, chosenFeatures.value));

  // New data: the features, model and loss chosen for the previous data are made valid for it, and the change said.
  // The same file read with another target (a CSV's class column, then a number for regression) is other data.
  let fittedTo: { traits: DatasetTraits; key: string } | null = null;
  watch(dataset, (now) => {
    const traits = now && datasetTraits(now);
    const key = now && `${now.fingerprint}|${JSON.stringify(traits)}`;
    if (!now || !traits || key === fittedTo?.key) return;
    const previous = fittedTo?.traits ?? null;
    fittedTo = { traits, key: key ?? '' };
    const fitted = fitToDataset(
      { features: chosenFeatures.value, model: model.value, followFeatures: followFeatures.value, loss: training.value.loss },
      now,
      previous,
      (choice) => featureInputShape(now, featuresOf(now, choice)),
    );
    datasetFit.value = fitted.changes.length ? { dataset: fittedTo.traits, previous, changes: fitted.changes } : null;
    if (!fitted.changes.length) return;
    const { features: nextFeatures, model: nextModel, followFeatures: nextFollow, loss } = fitted.choices;
    chosenFeatures.value = nextFeatures;
    model.value = nextModel;
    followFeatures.value = nextFollow;
    if (loss !== training.value.loss) training.value = { ...training.value, loss };
  });
  const inputShape = computed(() => featureInputShape(dataset.value, features.value));
  const outputUnits = computed(() => outputUnitsFor(dataset.value));
  const classNames = computed(() => dataset.value?.classes.map((c) => c.name) ?? []);
  const datasetId = computed(() => dataset.value?.datasetId ?? null);
  /** Samples available for training under the current split (an estimate before the core splits). */
  const trainingSamples = computed(() => {
    const total = dataset.value ? (dataset.value.kind === 'images' ? dataset.value.total : dataset.value.rows) : 0;
    if (!total) return null;
    const s = split.value;
    if (s.method === 'k-fold') return Math.round((total * (s.folds - 1)) / s.folds);
    if (s.method === 'leave-one-out') return total - 1;
    return Math.round(total * s.train);
  });
  watch(
    [inputShape, followFeatures],
    ([shape, follow]) => {
      if (follow && shape && shape.join('x') !== model.value.inputShape.join('x')) model.value = { ...model.value, inputShape: shape };
    },
    { immediate: true },
  );
  return { features, inputShape, outputUnits, classNames, datasetId, trainingSamples };
}

/**
 * The lab session: the dataset loaded in Datos, the features chosen in Características (or the lab default),
 * the model built in Modelo and the settings of Entrenamiento. Views read and write it; the experiment request
 * is assembled from it.
 */
export function useLabSession() {
  const { summary: dataset } = useDataset();
  derived ??= effectScope(true).run(() => derive(dataset))!;

  /** Overrides the features (e.g. raw pixels for a CNN); null goes back to the Características step's HOG or the table's columns. */
  function setFeatures(choice: FeatureChoice | null): void {
    chosenFeatures.value = choice;
  }

  return {
    dataset,
    ...derived,
    chosenFeatures,
    setFeatures,
    model,
    followFeatures,
    training,
    split,
    scaling,
    backend,
    lastRunId,
    project,
    datasetFit,
  };
}
