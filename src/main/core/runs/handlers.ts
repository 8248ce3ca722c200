import type { MethodName } from '../../../shared/contract';
import { runInspectionFileSchema, runPredictionsFileSchema } from '../../../shared/contract/runs';
import type { CallContext, HandlerMap } from '../context';
import { classifyFolderIntoRun } from '../inference/classifyFolder';
import { inspectConv } from '../inference/inspectConv';
import { predictVector } from '../inference/predictSample';
import { sampleFeatures } from '../inference/sampleFeatures';
import { resolveSample } from '../inference/sampleSource';
import { computeSaliency } from '../saliency/computeSaliency';
import { exportRunModelWithZip } from '../modelExport/exportModel';
import { readNotes } from '../reports/exportRunReport';
import { writeRunExports } from '../reports/runExports';
import { viewedRunsRoot } from '../workspaces/access';
import { listRuns } from './listRuns';
import { readRunView } from './readRun';
import { readRunExtra } from './readRunExtra';
import { runDir } from './runDir';
import { runFileDownload } from './runFileDownload';
import { RUN_FILES, runsFolderProblem } from './runFolder';

/** Samples to predict come from the caller's own workspace: its loaded datasets and the files it opened. */
const access = (context: CallContext) => ({ store: context.workspace.datasets, openedPaths: context.workspace.openedPaths });

/**
 * Every `runs.*` method (the compiler lists a missing one). Reads that a teacher may do for a student take
 * `viewedRunsRoot`; writes (exports, predictions written into the run) use the caller's own runs folder.
 */
export const runsHandlers: HandlerMap<Extract<MethodName, `runs.${string}`>> = {
  'runs.list': async (request, context) => {
    const root = await viewedRunsRoot(context, request.workspace);
    return { root, runs: await listRuns(root, request.search), unwritable: (await runsFolderProblem(root))?.toContract() ?? null };
  },
  'runs.get': async (request, context) => {
    const dir = runDir(await viewedRunsRoot(context, request.workspace), request.runId);
    const run = await readRunView(dir);
    return {
      runId: request.runId,
      config: run.config,
      metrics: run.metrics,
      history: run.history,
      notes: await readNotes(dir),
      status: run.status,
      statusMessage: run.message,
    };
  },
  'runs.export': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    return writeRunExports(dir, { language: request.language, ...(request.png ? { renderPng: context.services.renderPng } : {}) });
  },
  'runs.file': async (request, context) =>
    runFileDownload(runDir(await viewedRunsRoot(context, request.workspace), request.runId), request.name),
  'runs.predictions': async (request, context) => {
    const file = await readRunExtra(
      await viewedRunsRoot(context, request.workspace),
      request.runId,
      RUN_FILES.predictions,
      runPredictionsFileSchema,
      'run-no-predictions',
    );
    return { labels: file.labels, predictions: file.predictions };
  },
  'runs.inspection': async (request, context) =>
    readRunExtra(
      await viewedRunsRoot(context, request.workspace),
      request.runId,
      RUN_FILES.inspection,
      runInspectionFileSchema,
      'run-no-inspection',
    ),
  'runs.predictImage': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    const sample = await resolveSample(request.source, access(context));
    return context.runModels.with(dir, (run) => predictVector(run, sampleFeatures(sample, run.preprocessing), request.topK));
  },
  'runs.inspectConv': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    const sample = await resolveSample(request.source, access(context));
    return context.runModels.with(dir, (run) =>
      inspectConv(run, sampleFeatures(sample, run.preprocessing), {
        only: request.layer,
        firstChannel: request.firstChannel,
        channels: request.channels,
      }),
    );
  },
  'runs.saliency': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    const sample = await resolveSample(request.source, access(context));
    return context.runModels.with(dir, (run) => computeSaliency(run, sample, { method: request.method, targetClass: request.targetClass }));
  },
  'runs.predictFolder': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    return context.workspace.tasks.run(request.taskId, (signal) =>
      context.runModels.with(dir, (run) =>
        classifyFolderIntoRun(run, request.path, {
          signal,
          topK: request.topK,
          files: context.workspace.files,
          onProgress: (state) => context.emit('runs.predictFolderProgress', { taskId: request.taskId, ...state }),
        }),
      ),
    );
  },
  'runs.exportModel': async (request, context) =>
    exportRunModelWithZip(runDir(context.workspace.runsRoot, request.runId), request.runId, request.format, request.language),
};
