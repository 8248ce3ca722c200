import { computed, ref, watch, type Ref } from 'vue';
import type { RequestOf } from '../../../shared/contract';
import type { PredictionSource } from '../../../shared/contract/inference';
import type { SaliencyMethod, SaliencyResult } from '../../../shared/contract/saliency';
import { saliencyMethodsFor, type SaliencySubject } from '../../../shared/inference/saliencyMethods';
import { latestCall } from './useInference';
import { useClient } from './useClient';

type MethodRequest = RequestOf<'runs.saliency'>['method'];

/**
 * "¿Dónde mira la red?" for one image: the methods that apply to the run (shared rules with the core), the chosen
 * method, class and Grad-CAM layer, and the map of the last request (answers to superseded ones are dropped, so
 * clicking through images and methods always shows the last choice). The opacity is only drawing: it never asks again.
 */
export function useSaliency(props: { runId: Ref<string>; source: Ref<PredictionSource | null>; subject: Ref<SaliencySubject> }) {
  const client = useClient();
  const methods = computed(() => saliencyMethodsFor(props.subject.value));
  const method = ref<SaliencyMethod | null>(methods.value[0] ?? null);
  /** null: the predicted class. */
  const targetClass = ref<number | null>(null);
  /** Grad-CAM's layer among the conv layers; null: the last one. */
  const layer = ref<number | null>(null);
  const opacity = ref(0.6);
  const { result, error, loading, call, reset } = latestCall(
    (runId: string, source: PredictionSource, request: MethodRequest, target: number | null): Promise<SaliencyResult> =>
      client.call('runs.saliency', { runId, source, method: request, ...(target === null ? {} : { targetClass: target }) }),
  );

  /** The method's request with its defaults (SmoothGrad's samples and noise, occlusion's square) left to the core. */
  function request(chosen: SaliencyMethod): MethodRequest {
    return chosen === 'gradcam' && layer.value !== null ? { method: chosen, layer: layer.value } : { method: chosen };
  }

  watch(methods, (list) => {
    if (!method.value || !list.includes(method.value)) method.value = list[0] ?? null;
  });
  watch(
    () => [props.runId.value, props.source.value] as const,
    () => {
      targetClass.value = null;
      layer.value = null;
    },
  );
  watch(
    () => [props.runId.value, props.source.value, method.value, targetClass.value, layer.value] as const,
    ([runId, source, chosen, target]) => {
      if (source && chosen) void call(runId, source, request(chosen), target);
      else reset();
    },
    { immediate: true },
  );

  return { methods, method, targetClass, layer, opacity, result, error, loading };
}
