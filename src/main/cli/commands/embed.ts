import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { SEED_MAX } from '../../../shared/seedSchema';
import {
  EMBEDDING_DEFAULT_SEED,
  EMBEDDING_MAX_SAMPLES,
  EMBEDDING_METHODS,
  embeddingMethodSchema,
  type EmbeddingResult,
} from '../../../shared/contract/embedding';
import { defaultCacheDir } from '../../core/features/hogCache';
import { openDatasetSource } from '../../core/datasets/openDatasetSource';
import { computeEmbedding } from '../../core/embedding/computeEmbedding';
import { datasetSamples, runSamples, type EmbeddingInput, type SampleOptions } from '../../core/embedding/embeddingSamples';
import { embeddingCancelled } from '../../core/embedding/runEmbedJob';
import { initBackend } from '../../core/engine/backends';
import { loadRunModel } from '../../core/inference/runModelCache';
import { checkFeatureKind } from '../../core/experiment/experimentFeatures';
import { csvCell } from '../../core/runs/historyCsv';
import { readRunConfig } from '../../core/runs/readRun';
import { writeFileAtomic } from '../../core/runs/atomicWrite';
import { intOption, parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../command';
import { cliPercent } from '../cliPercent';
import { cliRunFolder, refuseSpecialFile } from '../readCliFile';
import { featuresOption } from './train';

/** The CSV for notebooks: one row per sample (its file or row number), class, split part, predicted class, x, y. */
export function embeddingCsv(result: EmbeddingResult): string {
  const name = (index: number | null | undefined): string =>
    index === null || index === undefined ? '' : (result.classNames[index] ?? String(index));
  const rows = result.points.map((p) =>
    [p.file ?? String(p.index), name(p.classIndex), p.part ?? '', name(p.predictedIndex), String(p.x), String(p.y)].map(csvCell).join(','),
  );
  return ['sample,class,part,predicted,x,y', ...rows].join('\n') + '\n';
}

export const embedCommand: CliCommand = {
  help: `Usage: sinapsis embed --data D [--features hog|pixels|columns] --method pca|tsne|umap [options]
       sinapsis embed --run RUN [--layer N] [--data D] --method pca|tsne|umap [options]

Places every sample on a plane, as the Mapa de características of Características and Evaluación:
the features of a dataset (HOG with the course's settings by default, raw pixels, or a table's
numeric columns, z-scored first), or the activations of one layer of a trained run's model (the
last hidden layer by default) for the run's own samples, with their split part and predicted class.
t-SNE follows scikit-learn's TSNE defaults (perplexity 30, PCA start, early exaggeration 12,
1,000 iterations); UMAP uses 15 neighbours and minimum distance 0.1. See docs/embedding.md.

Options:
  --data D            image folder, CSV file or builtin:NAME; with --run, the run's data when it moved
                      (default: where the run's config.json says it was)
  --features F        hog (default for images), pixels, or columns (tables)
  --hog "K=V,…"       HOG settings as for sinapsis train (resize=12x24, orientations=8, cell=4, …)
  --size WxH          pixels: resize to this size first
  --target COLUMN     CSV: the column to predict (the class)
  --run RUN           a run folder, e.g. runs/20261122T101500Z-abc123
  --layer N           with --run: index of the layer to map (--json lists them); default the last hidden one
  --method M          ${EMBEDDING_METHODS.join(', ')} (default pca). At most ${EMBEDDING_MAX_SAMPLES.tsne} samples for t-SNE,
                      ${EMBEDDING_MAX_SAMPLES.umap} for UMAP, ${EMBEDDING_MAX_SAMPLES.pca} for PCA
  --seed S            t-SNE's and UMAP's random seed (default ${EMBEDDING_DEFAULT_SEED}); the same seed gives the same map
  --csv FILE          write sample,class,part,predicted,x,y (one row per sample) to FILE
  --json              print the whole result (points, classes, layers) as JSON
  -h, --help          show this help

Examples:
  sinapsis embed --data builtin:digits --method tsne --csv digits-hog-tsne.csv
  sinapsis embed --run runs/lab-hog --method tsne --csv hidden-tsne.csv
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('embed', args, {
      data: { type: 'string' },
      features: { type: 'string' },
      hog: { type: 'string' },
      size: { type: 'string' },
      target: { type: 'string' },
      run: { type: 'string' },
      layer: { type: 'string' },
      method: { type: 'string' },
      seed: { type: 'string' },
      csv: { type: 'string' },
      json: { type: 'boolean' },
    });
    const v = values as Record<string, string | boolean | undefined>;
    const text = (name: string): string | undefined => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
    if (positionals.length > 0)
      throw new SinapsisError('bad-arguments', `Unexpected "${positionals[0]}": name the data with --data or the run with --run.`);
    const method = embeddingMethodSchema.safeParse(text('method') ?? 'pca');
    if (!method.success)
      throw new SinapsisError('bad-arguments', `--method must be one of ${EMBEDDING_METHODS.join(', ')}; got "${text('method')}".`);
    const seed = intOption('seed', text('seed'), EMBEDDING_DEFAULT_SEED, 0, SEED_MAX);
    const layerText = text('layer');
    const layer = layerText === undefined ? undefined : intOption('layer', layerText, 0, 0, 10_000);
    const runPath = text('run');
    const dataPath = text('data');
    if (!runPath && !dataPath)
      throw new SinapsisError('bad-arguments', 'Give the data with --data (e.g. builtin:digits) or a trained run with --run RUN.');
    if (!runPath && layer !== undefined) throw new SinapsisError('bad-arguments', "--layer is for a run's layers: give --run RUN too.");

    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      const options: SampleOptions = {
        signal: controller.signal,
        cacheDir: defaultCacheDir(),
        cancelled: embeddingCancelled,
        onProgress: () => {},
      };
      let input: EmbeddingInput;
      if (runPath) {
        const dir = await cliRunFolder(runPath);
        const config = await readRunConfig(dir);
        const source = dataPath ?? config.dataset.source;
        await refuseSpecialFile(source, 'an image folder, a CSV file or builtin:NAME');
        const target = config.features.kind === 'columns' ? config.features.details.target : undefined;
        const dataset = await openDatasetSource(source, { signal: controller.signal, target: text('target') ?? target });
        await initBackend();
        const run = await loadRunModel(dir);
        try {
          input = await runSamples(dataset, config, run, layer, options);
        } finally {
          run.model.dispose();
        }
      } else {
        const source = dataPath as string;
        await refuseSpecialFile(source, 'an image folder, a CSV file or builtin:NAME');
        const dataset = await openDatasetSource(source, { signal: controller.signal, target: text('target') });
        const features = featuresOption(
          text('features'),
          text('hog'),
          { size: text('size'), colorMode: undefined, resizeMode: undefined },
          dataset,
          undefined,
        );
        checkFeatureKind(features.kind, dataset.kind);
        input = await datasetSamples(dataset, features, options);
      }
      const result = await computeEmbedding(input, method.data, seed, { signal: controller.signal, onProgress: () => {} });
      const csv = text('csv');
      if (csv) await writeFileAtomic(resolve(csv), embeddingCsv(result));
      if (values.json) {
        io.out(JSON.stringify(result) + '\n');
        return EXIT_OK;
      }
      const lines = [
        `${result.method}: ${result.points.length} samples of ${result.dimensions} values, ${result.classNames.length} classes, in ${result.seconds.toFixed(1)} s` +
          (result.method === 'pca' ? '' : ` (seed ${result.seed})`),
        ...(result.explainedVariance
          ? [`variance explained: x ${cliPercent(result.explainedVariance[0])}, y ${cliPercent(result.explainedVariance[1])}`]
          : []),
        ...(result.layer && result.layers
          ? [
              `layer ${result.layer.index}: ${result.layer.name} (${result.layer.type}, ${result.layer.units} values)`,
              `layers: ${result.layers.map((l) => `${l.index} ${l.name} (${l.units})`).join(', ')}`,
            ]
          : []),
        csv ? `coordinates: ${resolve(csv)}` : 'give --csv FILE to write the coordinates, or --json to print them',
      ];
      io.out(lines.join('\n') + '\n');
      return EXIT_OK;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  },
};
