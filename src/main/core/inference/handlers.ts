import type { CallContext, HandlerMap } from '../context';
import { runDir } from '../runs/runDir';
import { importModel } from './importModel';
import { inspectConv } from './inspectConv';
import { predictVector } from './predictSample';
import { sampleFeatures } from './sampleFeatures';
import { resolveSample } from './sampleSource';

/** Samples come from the caller's own workspace: its loaded datasets and the files it opened. */
const access = (context: CallContext) => ({ store: context.workspace.datasets, openedPaths: context.workspace.openedPaths });

export const inferenceHandlers: HandlerMap<'runs.predictImage' | 'runs.inspectConv' | 'model.import'> = {
  'runs.predictImage': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    const sample = await resolveSample(request.source, access(context));
    return context.runModels.with(dir, (run) => predictVector(run, sampleFeatures(sample, run.preprocessing), request.topK));
  },
  'runs.inspectConv': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    const sample = await resolveSample(request.source, access(context));
    return context.runModels.with(dir, (run) => inspectConv(run, sampleFeatures(sample, run.preprocessing), { only: request.layer, channels: request.channels }));
  },
  'model.import': async (request, context) => importModel(request, context.workspace.runsRoot, context.workspace.files),
};
