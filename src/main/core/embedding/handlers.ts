import { join } from 'node:path';
import type { HandlerMap } from '../context';
import { runDir } from '../runs/runDir';
import { readRunConfig } from '../runs/readRun';
import { viewedRunsRoot } from '../workspaces/access';
import { computeEmbedding } from './computeEmbedding';
import { datasetSamples, runSamples, type SampleOptions } from './embeddingSamples';
import { defaultLayer, modelLayers } from './modelLayers';
import { embeddingCancelled } from './runEmbedJob';

/** `embedding.*`: the feature map of a dataset's features or a run's layer activations (docs/embedding.md). */
export const embeddingHandlers: HandlerMap<'embedding.compute' | 'embedding.layers'> = {
  'embedding.compute': async (request, context) => {
    const { source, taskId } = request;
    return context.workspace.tasks.run(taskId, async (signal) => {
      const options: SampleOptions = {
        signal,
        cacheDir: join(context.workspace.folders.cache, 'hog'),
        cancelled: embeddingCancelled,
        onProgress: (stage, done, total) => context.emit('embedding.progress', { taskId, stage, done, total }),
      };
      const dataset = context.workspace.datasets.get(source.datasetId, 'images', 'table');
      let input;
      if (source.kind === 'dataset') input = await datasetSamples(dataset, source.features, options);
      else {
        const dir = runDir(await viewedRunsRoot(context, source.workspace), source.runId);
        const config = await readRunConfig(dir);
        input = await context.runModels.with(dir, (run) => runSamples(dataset, config, run, source.layer, options));
      }
      if (signal.aborted) throw embeddingCancelled();
      return computeEmbedding(input, request.method, request.seed, {
        signal,
        onProgress: (stage, done, total) => context.emit('embedding.progress', { taskId, stage, done, total }),
      });
    });
  },
  'embedding.layers': async (request, context) => {
    const dir = runDir(await viewedRunsRoot(context, request.workspace), request.runId);
    return context.runModels.with(dir, (run) => {
      const layers = modelLayers(run.model);
      return { layers, defaultLayer: defaultLayer(layers) };
    });
  },
};
