import { computed } from 'vue';
import { modelLossPairingProblems } from '../../../shared/models/lossPairing';
import { inputMismatch, outputMismatch } from '../../../shared/models/setupChecks';
import { useLabSession } from './useLabSession';

/**
 * The model's checks against the loaded data (`shared/models/setupChecks.ts`), for Modelo and Entrenamiento alike:
 * the output's units against the classes, the input shape against the features, the loss against the output.
 */
export function useModelChecks() {
  const { model, dataset, training, inputShape, outputUnits } = useLabSession();
  /** Classes of the data; null for a regression table or no data. */
  const classes = computed(() => {
    const d = dataset.value;
    return !d || (d.kind === 'table' && d.task === 'regression') ? null : d.classes.length || null;
  });
  return {
    outputMismatch: computed(() => outputMismatch(model.value, outputUnits.value)),
    inputMismatch: computed(() => inputMismatch(model.value, inputShape.value)),
    /** As hints for DiagnosisList, which translates `diagnosisText[code]`. */
    pairingHints: computed(() =>
      modelLossPairingProblems(model.value, training.value.loss, classes.value).map((problem) => ({ ...problem, message: problem.code })),
    ),
  };
}
