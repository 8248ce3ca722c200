import { ref, shallowRef, type Ref } from 'vue';
import type { z } from 'zod';
import type { ActiveExperiment, ExperimentRequest, ExperimentResult, JournalEvent } from '../../../shared/contract/experiment';
import type { trainInspectionEventSchema } from '../../../shared/contract/training';
import {
  CurveStream,
  diagnosisSchema,
  emptyProgress,
  type BatchPoint,
  type DiagnosisHint,
  type EpochRecord,
  type TrainingProgress,
} from './curveStream';
import { ClientCallError } from '../client/errors';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';
import { useLabSession } from './useLabSession';
import { newTaskId } from '../../../shared/contract/newTaskId';

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

/** A pause, resume or stop sent to the core and not answered yet. */
const commandInFlight = ref(false);

type ControlMethod = 'train.pause' | 'train.resume' | 'train.stop';
/** The states from which each command makes sense; from any other it is ignored (e.g. a pause while stopping). */
const CONTROL_FROM = {
  'train.pause': ['running'],
  'train.resume': ['paused'],
  'train.stop': ['running', 'paused'],
} as const satisfies Record<ControlMethod, readonly TrainingStatus[]>;

/** Inspections kept per run: at a few per second this covers the longest class demonstration. */
export const MAX_INSPECTIONS = 2000;

/** The task this window follows now, and how to end following it (by the call's answer or `experiment.done`). */
let following: { id: string; finish: (outcome: Outcome) => void } | null = null;

/** Whether this window listens for trainings started by its other tabs, and is asking the core about one now. */
let watching = false;
let lookingForOthers = false;

/** How following a task ends: its result, its failure, or `detached` when the page follows it anew (after a reconnect). */
type Outcome = { result: ExperimentResult } | { error: unknown } | { detached: true };

/**
 * Runs one experiment (`experiment.run`) and streams its curves: epoch and batch events are buffered and copied
 * into reactive state at most every FLUSH_INTERVAL_MS, so chart redraws never follow the event rate. A training
 * does not belong to the page: after a reload or a dropped connection `reattach()` finds it in the core
 * (`experiment.active`), replays its curves so far and follows it again until `experiment.done`.
 */
export function useTraining() {
  const client = useClient();
  const describe = useErrorMessage();
  const { lastRunId, project } = useLabSession();

  function reset(id: string, planned: number, initial: TrainingStatus): void {
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
    epochsPlanned.value = planned;
    status.value = initial;
  }

  /** The run's own diagnosis from metrics.json: the same hints the report prints. */
  async function showStoredDiagnosis(done: ExperimentResult): Promise<void> {
    try {
      const stored = await client.call('runs.get', { runId: done.runId });
      const hints = diagnosisSchema.array().safeParse((stored.metrics as { diagnosis?: unknown } | null)?.diagnosis);
      if (hints.success) liveDiagnosis.value = hints.data;
    } catch {
      // The run is on disk; Evaluación shows it. The hints are an extra here.
    }
  }

  /** Streams task `id` into the reactive state, starting from `replay`; resolves when it has ended. */
  function follow(id: string, replay: readonly JournalEvent[]): Promise<void> {
    const stream = new CurveStream(id);
    let pendingInspections: Inspection[] = [];
    const take = (event: JournalEvent): void => {
      if (event.name === 'experiment.progress') stream.progressEvent(event.payload);
      else if (event.name === 'train.epoch') stream.epochEvent(event.payload);
      else if (event.name === 'train.batch') stream.batchEvent(event.payload);
      else if (event.payload.taskId === id) pendingInspections.push(event.payload);
    };
    replay.forEach(take);
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
    flush(true);
    const timer = setInterval(() => flush(), FLUSH_INTERVAL_MS);
    return new Promise<void>((resolve) => {
      const unsubscribe = [
        client.on('experiment.progress', (payload) => take({ name: 'experiment.progress', payload })),
        client.on('train.epoch', (payload) => take({ name: 'train.epoch', payload })),
        client.on('train.batch', (payload) => take({ name: 'train.batch', payload })),
        client.on('train.inspection', (payload) => take({ name: 'train.inspection', payload })),
        // Events sent while the connection was down are lost: ask the core again where the training is.
        client.onReconnect(() => void reattach()),
        // Pausar, Reanudar or Detener pressed in another tab of the same workspace (or in this one).
        client.on('train.control', (payload) => {
          if (payload.taskId === id && status.value !== 'stopping') status.value = payload.status;
        }),
        client.on('experiment.done', (payload) => {
          if (payload.taskId !== id) return;
          finish(
            payload.result
              ? { result: payload.result }
              : { error: new ClientCallError(payload.error ?? { code: 'internal', message: 'The training ended without a result.' }) },
          );
        }),
      ];
      const finish = (outcome: Outcome): void => {
        if (following?.id !== id) return;
        following = null;
        unsubscribe.forEach((off) => off());
        clearInterval(timer);
        if ('detached' in outcome) return resolve();
        flush(true);
        if ('result' in outcome) {
          const response = outcome.result;
          result.value = response;
          runId.value = response.runId;
          engine.value = response.engine;
          status.value = response.status;
          lastRunId.value = response.runId;
          // The open project lists the runs made with it (what a teacher checks against the assignment).
          if (project.value && !project.value.runs.includes(response.runId))
            project.value = { ...project.value, runs: [...project.value.runs, response.runId] };
          // A run that ended early (e.g. the loss became NaN) says why and what to try; its curves stay on screen.
          if (response.problem) error.value = describe(new ClientCallError(response.problem));
          void showStoredDiagnosis(response);
        } else {
          error.value = describe(outcome.error);
          status.value = 'failed';
        }
        resolve();
      };
      following = { id, finish };
    });
  }

  async function start(request: Omit<ExperimentRequest, 'taskId'>): Promise<void> {
    if (status.value === 'running' || status.value === 'paused' || status.value === 'stopping') return;
    const id = newTaskId('train');
    reset(id, request.training.epochs, 'running');
    const followed = follow(id, []);
    client.call('experiment.run', { ...request, taskId: id }).then(
      (response) => following?.finish({ result: response }),
      (failure: unknown) => {
        const code = failure instanceof ClientCallError ? failure.error.code : null;
        // The page lost the core, not the training: it goes on there, and the page follows it again once back.
        if (code === 'connection-lost') return;
        if (code === 'training-already-running') {
          // Another tab of this student is training: show that training here, with the reason Start did nothing.
          following?.finish({ detached: true });
          void reattach(describe(failure));
          return;
        }
        following?.finish({ error: failure });
      },
    );
    await followed;
  }

  /**
   * Finds the experiment this workspace is training (after a reload, a reconnect or in a second tab) and follows
   * it again with its curves so far. A task this page followed that ended meanwhile shows its run's outcome.
   * `notice`: a message to show with the training found (why this page's own Start did not start one).
   */
  async function reattach(notice: string | null = null): Promise<void> {
    watchWorkspace();
    let active: ActiveExperiment[];
    try {
      active = (await client.call('experiment.active', {})).experiments;
    } catch {
      return;
    }
    const mine = following ? active.find((task) => task.taskId === following?.id) : undefined;
    const target = mine ?? (following ? undefined : active[active.length - 1]);
    if (!target) {
      if (following) await settleFromDisk(following);
      return;
    }
    if (following && following.id !== target.taskId) return;
    following?.finish({ detached: true });
    reset(target.taskId, target.epochsPlanned, target.status);
    error.value = notice;
    await follow(target.taskId, target.events);
  }

  /**
   * A page that follows nothing looks out for a training another tab of the same workspace starts (its first
   * `experiment.progress`) and follows it, so two tabs never show different trainings or offer Start twice.
   */
  function watchWorkspace(): void {
    if (watching) return;
    watching = true;
    client.on('experiment.progress', () => {
      if (following || lookingForOthers) return;
      lookingForOthers = true;
      void reattach().finally(() => (lookingForOthers = false));
    });
  }

  /** The task ended while the page was away: its run folder has the outcome. */
  async function settleFromDisk(task: NonNullable<typeof following>): Promise<void> {
    const id = runId.value;
    if (!id)
      return task.finish({
        error: new ClientCallError({ code: 'connection-lost', message: 'The connection to Sinapsis was lost while the training ran.' }),
      });
    try {
      const { runs } = await client.call('runs.list', { search: id });
      const run = runs.find((entry) => entry.runId === id);
      if (run && (run.status === 'completed' || run.status === 'stopped' || run.status === 'failed')) {
        task.finish({
          result: {
            runId: id,
            dir: '',
            status: run.status,
            accuracy: { train: null, val: null, test: run.testAccuracy },
            engine: run.engine ?? '',
            backend: run.backend ?? '',
            epochsRun: run.epochsRun ?? 0,
            seconds: 0,
            problem: null,
          },
        });
        return;
      }
    } catch {
      // Reported below.
    }
    task.finish({
      error: new ClientCallError({ code: 'connection-lost', message: 'The connection to Sinapsis was lost while the training ran.' }),
    });
  }

  /**
   * Pausar, Reanudar and Detener, one at a time and only from the state each belongs to: while a command is on its
   * way no other is sent, so two quick clicks can never pause and resume (or stop and pause) the same run.
   */
  async function control(method: ControlMethod): Promise<void> {
    const id = taskId.value;
    if (!id || commandInFlight.value || !(CONTROL_FROM[method] as readonly TrainingStatus[]).includes(status.value)) return;
    commandInFlight.value = true;
    try {
      await client.call(method, { taskId: id });
      if (taskId.value !== id) return;
      if (method === 'train.pause') status.value = 'paused';
      else if (method === 'train.resume') status.value = 'running';
      else status.value = 'stopping';
    } catch (failure) {
      error.value = describe(failure);
    } finally {
      commandInFlight.value = false;
    }
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
    commandInFlight,
    start,
    reattach,
    pause: () => control('train.pause'),
    resume: () => control('train.resume'),
    stop: () => control('train.stop'),
  };
}
