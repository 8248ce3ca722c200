import { shallowRef, watch, type Ref } from 'vue';
import type { DiagramSample } from '../../../shared/models/diagramSample';
import { useClient } from './useClient';
import { useLabSession } from './useLabSession';

/**
 * The real sample the model diagram draws as its input: sample 0 of the loaded dataset as the chosen features see
 * it (`model.diagramSample`, the same core function that stores a run's sample for its report). Follows the dataset
 * and the features (a HOG setting changed in Características redraws it); null without a dataset.
 */
export function useDiagramSample(): Ref<DiagramSample | null> {
  const client = useClient();
  const { datasetId, features } = useLabSession();
  const sample = shallowRef<DiagramSample | null>(null);
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => [datasetId.value, JSON.stringify(features.value)] as const,
    ([id]) => {
      clearTimeout(timer);
      const choice = features.value;
      if (!id || !choice) {
        sample.value = null;
        return;
      }
      const mine = ++sequence;
      timer = setTimeout(() => {
        client.call('model.diagramSample', { datasetId: id, features: JSON.parse(JSON.stringify(choice)) }).then(
          (result) => mine === sequence && (sample.value = result),
          // A dataset closed meanwhile: the diagram draws the input without a sample.
          () => mine === sequence && (sample.value = null),
        );
      }, 150);
    },
    { immediate: true },
  );
  return sample;
}
