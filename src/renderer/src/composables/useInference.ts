import { ref, shallowRef, type Ref } from 'vue';
import type { RequestOf } from '../../../shared/contract';
import type { InspectConvResult, ModelImportResult, PredictImageResult, PredictionSource } from '../../../shared/contract/inference';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';

/**
 * Contract calls of prediction with a trained run (Evaluación): one image's class probabilities, a CNN's
 * filters and feature maps, and importing a model folder. Answers to superseded requests are dropped, so a
 * student clicking image after image always sees the last one.
 */

export function latestCall<Args extends unknown[], Result>(run: (...args: Args) => Promise<Result>) {
  const describe = useErrorMessage();
  const result: Ref<Result | null> = shallowRef(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  let sequence = 0;
  async function call(...args: Args): Promise<void> {
    const mine = ++sequence;
    loading.value = true;
    error.value = null;
    try {
      const value = await run(...args);
      if (mine === sequence) result.value = value;
    } catch (failure) {
      if (mine !== sequence) return;
      result.value = null;
      error.value = describe(failure);
    } finally {
      if (mine === sequence) loading.value = false;
    }
  }
  function reset(): void {
    sequence += 1;
    result.value = null;
    error.value = null;
    loading.value = false;
  }
  return { result, error, loading, call, reset };
}

export function useImagePrediction() {
  const client = useClient();
  const { result, error, loading, call, reset } = latestCall((runId: string, source: PredictionSource): Promise<PredictImageResult> =>
    client.call('runs.predictImage', { runId, source }),
  );
  return { prediction: result, error, loading, predict: call, reset };
}

export function useConvInspection() {
  const client = useClient();
  const { result, error, loading, call, reset } = latestCall(
    (runId: string, source: PredictionSource, channels: number): Promise<InspectConvResult> =>
      client.call('runs.inspectConv', { runId, source, channels }),
  );
  return { inspection: result, error, loading, inspect: call, reset };
}

export type ModelImportRequest = RequestOf<'model.import'>;

export function useModelImport() {
  const client = useClient();
  const { result, error, loading, call, reset } = latestCall((request: ModelImportRequest): Promise<ModelImportResult> =>
    client.call('model.import', request),
  );
  // Each import writes a run: while one is on its way, another submit (a double click) is ignored.
  const importModel = async (request: ModelImportRequest): Promise<void> => (loading.value ? undefined : call(request));
  return { imported: result, error, importing: loading, importModel, reset };
}
