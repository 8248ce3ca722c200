import { ref, shallowRef, type Ref } from 'vue';
import type { z } from 'zod';
import type { ExperimentRequest, ExperimentResult } from '../../../shared/contract/experiment';
import type { trainInspectionEventSchema } from '../../../shared/contract/training';
import { CurveStream, emptyProgress, type BatchPoint, type DiagnosisHint, type EpochRecord, type TrainingProgress } from './curveStream';
import { ClientCallError } from '../client/errors';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';

export { diagnosisSchema } from './curveStream';
export type { DiagnosisHint, EpochRecord } from './curveStream';

type Inspection = z.infer<typeof trainInspectionEventSchema>;

export type TrainingStatus = 'idle' | 'running' | 'paused' | 'stopping' | 'completed' | 'stopped' | 'failed';

/** Redraw at most this often, whatever the event rate (the UI must stay responsive). */
export const FLUSH_INTERVAL_MS = 100;
/** The charts (curves per epoch and per batch) redraw at most this often while training runs. */
export const CHART_INTERVAL_MS = 250;

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
/** Weight histograms and decision regions after inspected epochs (train.inspection), newest last. */
const inspections: Ref<Inspection[]> = shallowRef([]);

/** Inspections kept per run: at a few per second this covers the longest class demonstration. */
export const MAX_INSPECTIONS = 2000;

let counter = 0;

/**
 * Runs one experiment (`experiment.run`) and streams its curves: epoch and batch events are buffered and copied
 * into reactive state at most every FLUSH_INTERVAL_MS, so chart redraws never follow the event rate.
 */
export function useTraining() {
  const client = useClient();
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
    inspections.value = [];
    epochsPlanned.value = request.training.epochs;
    status.value = 'running';

    const stream = new CurveStream(id);
    let pendingInspections: Inspection[] = [];
    let curves: ReturnType<CurveStream['take']> = null;
    let lastCurves = -Infinity;
    const flush = (final = false) => {
      if (pendingInspections.length) {
        inspections.value = [...inspections.value, ...pendingInspections].slice(-MAX_INSPECTIONS);
        pendingInspections = [];
      }
      const snapshot = stream.take();
      if (snapshot) {
        curves = snapshot;
        progress.value = snapshot.progress;
        if (snapshot.progress.runId) runId.value = snapshot.progress.runId;
        if (snapshot.progress.engine) engine.value = snapshot.progress.engine;
        if (snapshot.diagnosis) liveDiagnosis.value = snapshot.diagnosis;
      }
      // Redrawing every chart costs far more than the progress text: curves follow at most every CHART_INTERVAL_MS.
      const now = performance.now();
      if (curves && (final || now - lastCurves >= CHART_INTERVAL_MS)) {
        history.value = curves.history;
        batches.value = curves.batches;
        curves = null;
        lastCurves = now;
      }
    };
    const timer = setInterval(() => flush(), FLUSH_INTERVAL_MS);
    const unsubscribe = [
      client.on('experiment.progress', (payload) => stream.progressEvent(payload)),
      client.on('train.epoch', (payload) => stream.epochEvent(payload)),
      client.on('train.batch', (payload) => stream.batchEvent(payload)),
      client.on('train.inspection', (payload) => {
        if (payload.taskId === id) pendingInspections.push(payload);
      }),
    ];

    try {
      const response = await client.call('experiment.run', { ...request, taskId: id });
      result.value = response;
      runId.value = response.runId;
      engine.value = response.engine;
      status.value = response.status;
      // A run that ended early (e.g. the loss became NaN) says why and what to try; its curves stay on screen.
      if (response.problem) error.value = describe(new ClientCallError(response.problem));
      onDone?.(response);
    } catch (failure) {
      error.value = describe(failure);
      status.value = 'failed';
    } finally {
      unsubscribe.forEach((off) => off());
      clearInterval(timer);
      flush(true);
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
    inspections,
    start,
    pause: () => control('train.pause'),
    resume: () => control('train.resume'),
    stop: () => control('train.stop'),
    setDiagnosis,
  };
}
