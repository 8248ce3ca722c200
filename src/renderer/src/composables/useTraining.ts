import { ref, shallowRef, type Ref } from 'vue';
import { z } from 'zod';
import { experimentProgressEventSchema, experimentResultSchema, type ExperimentRequest, type ExperimentResult } from '../../../shared/contract/experiment';
import { trainBatchEventSchema, trainEpochEventSchema } from '../../../shared/contract/training';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';

/** A curve hint as the core sends it (`core/evaluation/curveDiagnosis.ts`): a code, its evidence and an English sentence. */
export const diagnosisSchema = z.object({ code: z.string(), severity: z.string(), params: z.record(z.string(), z.number()), message: z.string() });
export type DiagnosisHint = z.infer<typeof diagnosisSchema>;

/** The epoch event, plus the live diagnosis the experiment pipeline may attach. */
const epochEventSchema = trainEpochEventSchema.extend({ diagnosis: z.array(diagnosisSchema).optional() });
export type EpochRecord = z.infer<typeof epochEventSchema>;
export interface BatchPoint {
  fold: number;
  epoch: number;
  batch: number;
  loss: number;
  accuracy: number | null;
}

export type TrainingStatus = 'idle' | 'running' | 'paused' | 'stopping' | 'completed' | 'stopped' | 'failed';

export interface TrainingProgress {
  phase: z.infer<typeof experimentProgressEventSchema>['phase'] | null;
  fold: number | null;
  folds: number | null;
  /** 0-based fold of the latest training event. */
  foldIndex: number;
  /** The epoch being trained (1-based) and how much of it is done (0..1). */
  epoch: number;
  epochFraction: number;
  batch: number;
  batches: number;
  elapsedMs: number;
  etaMs: number | null;
}

/** Redraw at most this often, whatever the event rate (the UI must stay responsive). */
export const FLUSH_INTERVAL_MS = 100;
/** Per-batch points kept for the on-demand batch curve. */
const MAX_BATCH_POINTS = 50_000;

// Module-level: a training keeps running (and its curves keep growing) while the student looks at other views.
const status = ref<TrainingStatus>('idle');
const taskId = ref<string | null>(null);
const runId = ref<string | null>(null);
const engine = ref<string | null>(null);
const history: Ref<EpochRecord[]> = shallowRef([]);
const batches: Ref<BatchPoint[]> = shallowRef([]);
const progress: Ref<TrainingProgress> = shallowRef(emptyProgress());
const liveDiagnosis: Ref<DiagnosisHint[]> = shallowRef([]);
const result: Ref<ExperimentResult | null> = shallowRef(null);
const error = ref<string | null>(null);
const epochsPlanned = ref(0);

function emptyProgress(): TrainingProgress {
  return { phase: null, fold: null, folds: null, foldIndex: 0, epoch: 0, epochFraction: 0, batch: 0, batches: 0, elapsedMs: 0, etaMs: null };
}

/** The contract methods and events of training, used before and after they are registered in the contract index. */
interface LooseClient {
  call(method: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let counter = 0;

/**
 * Runs one experiment (`experiment.run`) and streams its curves: epoch and batch events are buffered and copied
 * into reactive state at most every FLUSH_INTERVAL_MS, so chart redraws never follow the event rate.
 */
export function useTraining() {
  const client = useClient() as unknown as LooseClient;
  const describe = useErrorMessage();

  async function start(request: Omit<ExperimentRequest, 'taskId'>, onDone?: (result: ExperimentResult) => void): Promise<void> {
    if (status.value === 'running' || status.value === 'paused' || status.value === 'stopping') return;
    const id = `train-${Date.now()}-${++counter}`;
    taskId.value = id;
    runId.value = null;
    engine.value = null;
    result.value = null;
    error.value = null;
    history.value = [];
    batches.value = [];
    liveDiagnosis.value = [];
    progress.value = emptyProgress();
    epochsPlanned.value = request.training.epochs;
    status.value = 'running';

    const epochBuffer: EpochRecord[] = [];
    const batchBuffer: BatchPoint[] = [];
    let next: TrainingProgress = emptyProgress();
    let diagnosis: DiagnosisHint[] | null = null;
    let dirty = false;
    const flush = () => {
      if (!dirty) return;
      dirty = false;
      history.value = [...epochBuffer];
      batches.value = batchBuffer.length > MAX_BATCH_POINTS ? batchBuffer.slice(-MAX_BATCH_POINTS) : [...batchBuffer];
      progress.value = { ...next };
      if (diagnosis) liveDiagnosis.value = diagnosis;
    };
    const timer = setInterval(flush, FLUSH_INTERVAL_MS);

    const unsubscribe = [
      client.on('experiment.progress', (payload) => {
        const event = experimentProgressEventSchema.safeParse(payload);
        if (!event.success || event.data.taskId !== id) return;
        runId.value = event.data.runId;
        next = { ...next, phase: event.data.phase, fold: event.data.fold, folds: event.data.folds };
        dirty = true;
      }),
      client.on('train.epoch', (payload) => {
        const event = epochEventSchema.safeParse(payload);
        if (!event.success || event.data.taskId !== id) return;
        engine.value = event.data.engine;
        epochBuffer.push(event.data);
        if (event.data.diagnosis) diagnosis = event.data.diagnosis;
        next = { ...next, foldIndex: event.data.fold, epoch: event.data.epoch, epochFraction: 1, elapsedMs: event.data.elapsedMs, etaMs: event.data.etaMs, phase: next.phase ?? 'training' };
        dirty = true;
      }),
      client.on('train.batch', (payload) => {
        const event = trainBatchEventSchema.safeParse(payload);
        if (!event.success || event.data.taskId !== id) return;
        engine.value = event.data.engine;
        const { fold, epoch, batch, loss, accuracy } = event.data;
        batchBuffer.push({ fold, epoch, batch, loss, accuracy });
        if (batchBuffer.length > 2 * MAX_BATCH_POINTS) batchBuffer.splice(0, batchBuffer.length - MAX_BATCH_POINTS);
        next = { ...next, foldIndex: fold, epoch, epochFraction: batch / Math.max(1, event.data.batches), batch, batches: event.data.batches, elapsedMs: event.data.elapsedMs, etaMs: event.data.etaMs, phase: next.phase ?? 'training' };
        dirty = true;
      }),
    ];

    try {
      const response = experimentResultSchema.parse(await client.call('experiment.run', { ...request, taskId: id }));
      result.value = response;
      runId.value = response.runId;
      engine.value = response.engine;
      status.value = response.status;
      onDone?.(response);
    } catch (failure) {
      error.value = describe(failure);
      status.value = 'failed';
    } finally {
      unsubscribe.forEach((off) => off());
      clearInterval(timer);
      dirty = true;
      flush();
    }
  }

  async function control(method: 'train.pause' | 'train.resume' | 'train.stop'): Promise<void> {
    if (!taskId.value) return;
    try {
      await client.call(method, { taskId: taskId.value });
      if (method === 'train.pause') status.value = 'paused';
      else if (method === 'train.resume') status.value = 'running';
      else status.value = 'stopping';
    } catch (failure) {
      error.value = describe(failure);
    }
  }

  /** Shows the hints the core wrote into the run's metrics.json (the same ones the report prints). */
  function setDiagnosis(hints: DiagnosisHint[]): void {
    liveDiagnosis.value = hints;
  }

  return {
    status,
    taskId,
    runId,
    engine,
    history,
    batches,
    progress,
    liveDiagnosis,
    result,
    error,
    epochsPlanned,
    start,
    pause: () => control('train.pause'),
    resume: () => control('train.resume'),
    stop: () => control('train.stop'),
    setDiagnosis,
  };
}
