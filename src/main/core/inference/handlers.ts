import type { HandlerMap } from '../context';
import { datasetStore } from '../datasets/datasetStore';
import { openedPaths } from '../datasets/pathGuard';
import { runDir } from '../runs/runDir';
import { importModel } from './importModel';
import { inspectConv } from './inspectConv';
import { predictVector } from './predictSample';
import { RunModelCache } from './runModelCache';
import { sampleFeatures } from './sampleFeatures';
import { resolveSample } from './sampleSource';

/** The runs asked to predict most recently, loaded once and shared by every connection of this core. */
export const runModels = new RunModelCache(3);
const access = { store: datasetStore, openedPaths };

export const inferenceHandlers: HandlerMap<'runs.predictImage' | 'runs.inspectConv' | 'model.import'> = {
  'runs.predictImage': async (request, context) => {
    const dir = runDir(context.services.runsRoot, request.runId);
    const sample = await resolveSample(request.source, access);
    return runModels.with(dir, (run) => predictVector(run, sampleFeatures(sample, run.preprocessing), request.topK));
  },
  'runs.inspectConv': async (request, context) => {
    const dir = runDir(context.services.runsRoot, request.runId);
    const sample = await resolveSample(request.source, access);
    return runModels.with(dir, (run) => inspectConv(run, sampleFeatures(sample, run.preprocessing), { only: request.layer, channels: request.channels }));
  },
  'model.import': async (request, context) => importModel(request, context.services.runsRoot, context.services.files),
};
