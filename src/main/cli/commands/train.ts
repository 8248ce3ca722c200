import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { experimentRequestSchema, type ExperimentRequest, type FeatureChoice } from '../../../shared/contract/experiment';
import { languageSchema } from '../../../shared/contract/runs';
import { featureInputShape, outputUnitsFor } from '../../../shared/features/featureShape';
import { parseModelSpec, type ModelSpec } from '../../../shared/models/modelSpec';
import { adaptPreset, describePresetChange } from '../../../shared/models/adaptPreset';
import { biasVarianceSentence } from '../../../shared/i18n/biasVarianceText';
import { diagnosisText, formatMessage } from '../../../shared/i18n/diagnosisText';
import { modelLossPairingProblems } from '../../../shared/models/lossPairing';
import { MODEL_PRESET_IDS, modelPresets, type ModelPresetId } from '../../../shared/models/presets';
import { COLOR_MODES, RESIZE_MODES } from '../../../shared/features/pixelOptions';
import { suggestArchitecture } from '../../../shared/models/ruleOfThumb';
import { LAB_SPLIT } from '../../../shared/datasets/splits';
import { defaultLoss } from '../../../shared/models/lossTable';
import { term } from '../../../shared/i18n/glossary';
import { LAB_TRAINING_DEFAULTS as D, lossNameSchema, OPTIMIZER_NAMES, type WorkersChoice } from '../../../shared/models/trainingSettings';
import { DatasetStore } from '../../core/datasets/datasetStore';
import type { ImageDataset, TableDataset } from '../../core/datasets/datasetTypes';
import { openDatasetSource } from '../../core/datasets/openDatasetSource';
import { prestartTrainer } from '../../core/engine/trainerWorkers';
import { checkFeatureKind } from '../../core/experiment/experimentFeatures';
import { runExperiment } from '../../core/experiment/runExperiment';
import { readRun } from '../../core/runs/readRun';
import { defaultRunsRoot } from '../../core/services';
import { describeIssues } from '../../../shared/contract/describeIssues';
import { parseCommandArgs } from '../args';
import { backendPreferenceOption, parseBackendPreference } from '../backendOption';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../command';
import { cliPercent } from '../cliPercent';
import { parseAugmentOption } from '../augmentOption';
import { parseHogSpec, resizeOption } from '../hogOptions';
import { TrainingProgressPrinter } from '../trainingProgress';
import { readCliFile, refuseSpecialFile } from '../readCliFile';

/** A model spec (or a run's config.json holding one) is kilobytes; anything far larger is not one. */
const MAX_MODEL_FILE_BYTES = 16 * 1024 ** 2;

/** The optimizers, plus `momentum`: the CLI's name for mini-batch SGD with momentum 0.9. */
const OPTIMIZERS: readonly string[] = OPTIMIZER_NAMES.flatMap((name) => (name === 'minibatch' ? [name, 'momentum'] : [name]));

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed))
    throw new SinapsisError('bad-arguments', `--${name} must be a number, got "${value}".`);
  return parsed;
}

/** A value of one of the shared option lists (--color-mode, --resize-mode), or a bad-arguments error naming them. */
function choiceOption<T extends string>(name: string, value: string | undefined, options: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const trimmed = value.trim().toLowerCase();
  if ((options as readonly string[]).includes(trimmed)) return trimmed as T;
  throw new SinapsisError('bad-arguments', `--${name} must be ${options.join(', ')}; got "${value}".`);
}

/** --workers: auto, 1 or 2 (the training settings' `workers`). */
function workersOption(value: string | undefined): WorkersChoice {
  const choice = choiceOption('workers', value, ['auto', '1', '2'], 'auto');
  return choice === 'auto' ? choice : choice === '1' ? 1 : 2;
}

export interface PixelFlags {
  size: string | undefined;
  colorMode: string | undefined;
  resizeMode: string | undefined;
}

export function featuresOption(
  kind: string | undefined,
  hog: string | undefined,
  pixels: PixelFlags,
  dataset: ImageDataset | TableDataset,
  model: string | undefined,
): FeatureChoice {
  const chosen = kind ?? (dataset.kind === 'table' ? 'columns' : 'hog');
  if (chosen === 'hog') return { kind: 'hog', pipeline: parseHogSpec(hog ?? '') };
  if (chosen === 'pixels') {
    // A CNN preset takes the image whole ([h, w, channels]); a dense model takes the pixels as one vector.
    const cnn = model !== undefined && model in modelPresets && modelPresets[model as ModelPresetId].inputShape.length === 3;
    return {
      kind: 'pixels',
      resize: resizeOption(pixels.size, null),
      keepShape: cnn,
      colorMode: choiceOption('color-mode', pixels.colorMode, COLOR_MODES, 'auto'),
      resizeMode: choiceOption('resize-mode', pixels.resizeMode, RESIZE_MODES, 'stretch'),
    };
  }
  if (chosen === 'columns') return { kind: 'columns' };
  throw new SinapsisError('bad-arguments', `--features must be hog, pixels or columns; got "${chosen}".`);
}

/**
 * gd trains on the whole training set per update and sgd on one sample: a batch size does not apply to them, and
 * silently ignoring an explicit one would record a batch size the run never used.
 */
function checkBatchApplies(optimizer: string, batch: string | undefined): void {
  if (batch === undefined || (optimizer !== 'gd' && optimizer !== 'sgd')) return;
  const what = optimizer === 'gd' ? 'one update per epoch on the whole training set' : 'one sample at a time';
  throw new SinapsisError(
    'bad-arguments',
    `--batch ${batch} does not apply to --optimizer ${optimizer} (it trains ${what}). For batches of ${batch} use --optimizer minibatch (or momentum, adam, rmsprop).`,
  );
}

/**
 * A preset is written for its own lab's classes (10 digits, 3 wines). On other data its output layer takes the
 * data's number of classes (one identity unit for regression), said in `notice`, as the Modelo view does.
 */
export function adaptPresetOutputs(
  id: ModelPresetId,
  spec: ModelSpec,
  outputs: number,
  regression: boolean,
  notice: (text: string) => void,
): ModelSpec {
  const last = spec.layers[spec.layers.length - 1];
  if (last?.type !== 'output') return spec;
  const activation = regression ? 'identity' : last.activation;
  if (last.units === outputs && activation === last.activation) return spec;
  const what = regression ? 'a regression target (1 identity output)' : `${outputs} classes`;
  notice(
    `--model ${id} has ${last.units} ${last.activation} outputs; the data has ${what}, so its output layer now has ${outputs} ${activation} unit${outputs === 1 ? '' : 's'}.`,
  );
  return { ...spec, layers: [...spec.layers.slice(0, -1), { ...last, units: outputs, activation }] };
}

async function modelOption(
  value: string | undefined,
  inputShape: ModelSpec['inputShape'],
  outputs: number,
  regression: boolean,
  notice: (text: string) => void,
): Promise<ModelSpec> {
  if (value === undefined) {
    // The course's rule of thumb: two hidden layers, powers of 2, half the features, then half again.
    const features = inputShape.reduce((a, b) => a * b, 1);
    const spec = parseModelSpec(suggestArchitecture(features, outputs).spec);
    return {
      ...spec,
      inputShape,
      layers: spec.layers.map((layer) => (layer.type === 'output' && regression ? { ...layer, activation: 'identity' } : layer)),
    };
  }
  if ((MODEL_PRESET_IDS as readonly string[]).includes(value)) {
    const id = value as ModelPresetId;
    const preset = parseModelSpec(modelPresets[id]);
    // The input takes the features' shape (e.g. [28, 28, 3] for colour photos); the output the data's classes.
    const input = adaptPreset(preset, inputShape, null).changes;
    for (const change of input) notice(`--model ${id}: ${describePresetChange(change)}.`);
    return adaptPresetOutputs(id, { ...preset, inputShape }, outputs, regression, notice);
  }
  let text: string;
  try {
    text = (await readCliFile(resolve(value), { maxBytes: MAX_MODEL_FILE_BYTES, what: 'a JSON model file' })).toString('utf8');
  } catch (error) {
    if (error instanceof SinapsisError && error.code !== 'file-unreadable') throw error;
    throw new SinapsisError(
      'bad-arguments',
      `--model "${value}" is neither a preset (${MODEL_PRESET_IDS.join(', ')}) nor a readable JSON model file.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SinapsisError(
      'bad-arguments',
      `${resolve(value)} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  // A run's config.json holds its spec under model.spec; a spec file is the spec itself.
  const candidate =
    typeof json === 'object' && json !== null && 'model' in json ? (json as { model: { spec?: unknown } }).model.spec : json;
  try {
    return parseModelSpec(candidate);
  } catch (error) {
    throw new SinapsisError(
      'bad-arguments',
      `${resolve(value)} is not a model spec: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function splitOption(split: string | undefined, kfold: string | undefined, loo: boolean): ExperimentRequest['split'] {
  if (loo) {
    if (split !== undefined || kfold !== undefined)
      throw new SinapsisError('bad-arguments', 'Give one of --split, --kfold or --loo, not several.');
    // One fold per sample, each tested on the one left out (the Datos view's "Leave-one-out").
    return { method: 'leave-one-out', folds: 5, stratified: false };
  }
  if (kfold !== undefined) {
    if (split !== undefined) throw new SinapsisError('bad-arguments', 'Give either --split or --kfold, not both.');
    const k = Number(kfold);
    if (!Number.isInteger(k) || k < 2 || k > 100)
      throw new SinapsisError(
        'bad-arguments',
        `--kfold must be a whole number from 2 to 100, got "${kfold}". For one fold per sample use --loo (leave-one-out).`,
      );
    return { method: 'k-fold', folds: k, stratified: true };
  }
  if (split === undefined) return { ...LAB_SPLIT };
  const parts = split.split(',').map((p) => Number(p.trim()));
  const sum = parts.reduce((a, b) => a + b, 0);
  if (![2, 3].includes(parts.length) || parts.some((p) => !Number.isFinite(p) || p < 0 || p >= 1) || Math.abs(sum - 1) > 1e-6) {
    throw new SinapsisError(
      'bad-arguments',
      `--split must be train,test or train,validation,test fractions that add up to 1 (e.g. 0.7,0.15,0.15); got "${split}".`,
    );
  }
  if (parts.length === 2) return { ...LAB_SPLIT, method: 'holdout', train: parts[0], validation: 0, test: parts[1] };
  return { ...LAB_SPLIT, train: parts[0], validation: parts[1], test: parts[2] };
}

export const trainCommand: CliCommand = {
  help: `Usage: sinapsis train --data <folder|file.csv|builtin:NAME> [options]

Features -> seeded stratified split -> scaling fitted on the training part -> training -> evaluation,
exactly as the Entrenamiento view does, then a run folder: config.json, history.csv, metrics.json,
predictions.json, model/ (tfjs format), report.html and, with --pdf, report.pdf.

Data:
  --data D              image folder (one subfolder per class), CSV/TSV file, or builtin:digits,
                        builtin:wine, builtin:xor, builtin:circles, builtin:spirals, builtin:blobs…
  --target T            CSV target column, by name or 1-based number (default: the suggested one)
  --features F          hog (default for images), pixels, or columns (tables)
  --hog "K=V,…"         HOG settings: resize=12x24, orientations=8, cell=4, block=2, norm=L2-Hys,
                        interpolation=linear, sqrt, color (default: the lab setting, 320 features)
  --size WxH            resize for pixel features (default: the images' own size)
  --color-mode M        pixel features in ${COLOR_MODES.join(', ')}: auto (default) is RGB when any
                        image has colour, grey otherwise
  --resize-mode M       how --size treats another aspect: ${RESIZE_MODES.join(', ')} (default stretch,
                        as cv2.resize; crop = centre crop; pad = letterbox in the border colour)
  --scaling S           zscore (default), minmax, channel (z-score per colour channel, pixels only)
                        or none, fitted on the training part only
Model:
  --model M             a preset (${MODEL_PRESET_IDS.join(', ')}), a model spec JSON file, or a run's
                        config.json; default: the course's rule of thumb for the features and classes
Training:
  --epochs N            epochs (default ${D.epochs})
  --batch N             batch size (default ${D.batchSize}); not with gd (whole set) or sgd (one sample)
  --lr X                learning rate (default ${D.learningRate})
  --optimizer O         ${OPTIMIZERS.join(', ')} (default ${D.optimizer}: ${term('en', 'optimizer', D.optimizer)}, as the app);
                        momentum = ${term('en', 'optimizer', 'minibatch')} with momentum 0.9
  --momentum X          momentum for minibatch (0..0.999)
  --loss L              ${lossNameSchema.options.join(', ')} (default: mse for a continuous target, binaryCrossEntropy for one output, else categoricalCrossEntropy)
  --l2 X                L2 regularization lambda (default ${D.l2})
  --early-stopping N    stop after N epochs without a better validation loss (restores the best weights)
  --augment "K=V,…"     random variants of each training image, as the Datos form: rotation=10 (degrees),
                        shift=10, zoom=10, brightness, contrast, noise (percent), flip, copies=2 (default 1)
  --split F             train,test or train,validation,test fractions (default ${LAB_SPLIT.train},${LAB_SPLIT.validation},${LAB_SPLIT.test})
  --kfold K             stratified k-fold cross-validation instead of a split
  --loo                 leave-one-out cross-validation: one fold per sample (slow on large sets)
  --seed S              seed of the split, the initial weights and the shuffling (default ${D.seed})
  --engine E            auto (default), didactic or tfjs
  --workers W           auto (default), 1 or 2: threads that train a tfjs model (2 = half of each batch each;
                        auto picks 2 for a model big enough to gain on a 2-core machine, see docs/training.md)
  --backend B           auto (default), tensorflow, wasm or cpu
Output:
  --out DIR             write the run into DIR (new or empty); default: a new folder in ${defaultRunsRoot()}
  --pdf                 also write report.pdf (needs Chromium)
  --lang L              report language: es (default), pt or en
  --json                print the result and metrics as JSON instead of text
  -h, --help            show this help

Ctrl+C stops after the current batch and still writes the run (status "stopped").
Exit codes: 0 completed or stopped, 2 bad arguments, bad data or a diverged run (with what to try),
1 unexpected error.

Example (the course's HOG lab):
  sinapsis train --data builtin:digits --features hog --model mlp320_18_10 --epochs 30 --lr 0.1 --seed 1
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('train', args, {
      data: { type: 'string' },
      target: { type: 'string' },
      features: { type: 'string' },
      hog: { type: 'string' },
      size: { type: 'string' },
      'color-mode': { type: 'string' },
      'resize-mode': { type: 'string' },
      scaling: { type: 'string' },
      model: { type: 'string' },
      epochs: { type: 'string' },
      batch: { type: 'string' },
      lr: { type: 'string' },
      optimizer: { type: 'string' },
      momentum: { type: 'string' },
      loss: { type: 'string' },
      l2: { type: 'string' },
      'early-stopping': { type: 'string' },
      augment: { type: 'string' },
      split: { type: 'string' },
      kfold: { type: 'string' },
      loo: { type: 'boolean' },
      seed: { type: 'string' },
      engine: { type: 'string' },
      workers: { type: 'string' },
      ...backendPreferenceOption,
      out: { type: 'string' },
      pdf: { type: 'boolean' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
    });
    const v = values as Record<string, string | boolean | undefined>;
    const text = (name: string): string | undefined => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
    if (positionals.length > 0)
      throw new SinapsisError(
        'bad-arguments',
        `Unexpected "${positionals[0]}": name the dataset with --data, e.g. "sinapsis train --data ./digits".`,
      );
    const source = text('data');
    if (!source)
      throw new SinapsisError(
        'bad-arguments',
        'Give the dataset with --data (an image folder, a CSV file or builtin:digits). Run "sinapsis train --help" for the options.',
      );
    const optimizer = text('optimizer') ?? D.optimizer;
    if (!OPTIMIZERS.includes(optimizer))
      throw new SinapsisError('bad-arguments', `--optimizer must be one of ${OPTIMIZERS.join(', ')}; got "${optimizer}".`);
    const language = languageSchema.safeParse(text('lang') ?? 'es');
    if (!language.success) throw new SinapsisError('bad-arguments', `--lang must be es, pt or en; got "${text('lang')}".`);
    const backend = parseBackendPreference(text('backend'));
    checkBatchApplies(optimizer, text('batch'));
    const split = splitOption(text('split'), text('kfold'), v.loo === true);
    await refuseSpecialFile(source, 'an image folder, a CSV file or builtin:NAME');
    // The trainer thread loads tfjs and the engines while this one loads the dataset and computes its features.
    prestartTrainer();

    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    const printer = new TrainingProgressPrinter(io);
    try {
      const dataset = await openDatasetSource(source, {
        signal: controller.signal,
        target: text('target'),
        onProgress: (p) => printer.loading(p),
      });
      const features = featuresOption(
        text('features'),
        text('hog'),
        { size: text('size'), colorMode: text('color-mode'), resizeMode: text('resize-mode') },
        dataset,
        text('model'),
      );
      checkFeatureKind(features.kind, dataset.kind);
      const inputShape = featureInputShape(dataset.summary, features);
      if (!inputShape)
        throw new SinapsisError(
          'features-none',
          `The images of ${source} are too small for these HOG settings (no whole block fits). Use a larger resize or smaller cells.`,
        );
      const outputs = outputUnitsFor(dataset.summary) ?? 1;
      const regression = dataset.kind === 'table' && dataset.summary.task === 'regression';
      const model = await modelOption(text('model'), inputShape, outputs, regression, (notice) => io.err(`sinapsis train: ${notice}\n`));
      const early = text('early-stopping');
      const momentum = numberOption('momentum', text('momentum'));
      const draft = {
        taskId: 'cli-train',
        datasetId: dataset.id,
        features,
        scaling: text('scaling') ?? 'zscore',
        split,
        model,
        training: {
          optimizer: optimizer === 'momentum' ? 'minibatch' : optimizer,
          momentum: momentum ?? (optimizer === 'momentum' ? 0.9 : 0),
          learningRate: numberOption('lr', text('lr')) ?? D.learningRate,
          epochs: numberOption('epochs', text('epochs')) ?? D.epochs,
          // sgd's batch is one sample: recorded so, not as the unused default (gd's depends on the split).
          batchSize: numberOption('batch', text('batch')) ?? (optimizer === 'sgd' ? 1 : D.batchSize),
          loss: text('loss') ?? defaultLoss(regression, outputs),
          l2: numberOption('l2', text('l2')) ?? D.l2,
          earlyStopping: early === undefined ? null : { patience: numberOption('early-stopping', early), restoreBestWeights: true },
          seed: numberOption('seed', text('seed')) ?? D.seed,
          engine: text('engine') ?? 'auto',
          workers: workersOption(text('workers')),
        },
        backend,
        augmentation: parseAugmentOption(text('augment')),
        language: language.data,
      };
      const parsed = experimentRequestSchema.safeParse(draft);
      if (!parsed.success)
        throw new SinapsisError(
          'bad-arguments',
          `Invalid settings: ${describeIssues(parsed.error.issues)}. Run "sinapsis train --help" for the options.`,
        );
      // A loss that does not suit the output, said before training as Entrenamiento says it before Entrenar.
      for (const problem of modelLossPairingProblems(parsed.data.model, parsed.data.training.loss, regression ? null : outputs)) {
        io.err(`sinapsis train: ${problem.severity}: ${formatMessage(diagnosisText.en[problem.code], problem.params)}\n`);
      }
      // A named backend is checked before any work (a clear refusal when it is missing); "auto" cannot fail, and the
      // trainer thread activates the backend it trains on, so this thread skips probing (wasm set-up) for it.
      // Imported here: tfjs is loaded in this thread only for a named backend (the trainer thread has its own).
      if (backend !== 'auto') await (await import('../../core/engine/backends')).initBackend(backend);

      const store = new DatasetStore(1);
      store.put(dataset);
      const out = text('out');
      const result = await runExperiment(parsed.data, {
        runsRoot: defaultRunsRoot(),
        ...(out ? { runDir: resolve(out) } : {}),
        store,
        signal: controller.signal,
        events: {
          progress: (e) => printer.phase(e),
          batch: (b) => printer.batch(b, parsed.data.training.epochs),
          epoch: (e) => printer.epoch(e, parsed.data.training.epochs),
        },
      });
      printer.done();
      let pdfPath: string | null = null;
      let pdfProblem: string | null = null;
      if (v.pdf) {
        try {
          const [{ exportRunReport }, { printHtmlToPdf }] = await Promise.all([
            import('../../core/reports/exportRunReport'),
            import('../../core/reports/printPdf'),
          ]);
          pdfPath = (await exportRunReport(result.dir, { language: language.data, pdf: true, printPdf: printHtmlToPdf })).pdf;
        } catch (error) {
          pdfProblem = error instanceof Error ? error.message : String(error);
        }
      }
      const run = await readRun(result.dir);
      if (v.json) {
        io.out(JSON.stringify({ ...result, pdf: pdfPath, pdfProblem, metrics: run.metrics }, null, 2) + '\n');
      } else {
        const { accuracy } = run.metrics;
        const lines = [
          `run: ${result.dir}`,
          `status: ${result.status}${result.problem ? ` (${result.problem.message})` : ''}`,
          `engine: ${result.engine}${result.backend !== 'none' ? `, backend ${result.backend}` : ''}${(result.workers ?? 1) > 1 ? `, ${result.workers} workers` : ''}; ${result.epochsRun} epochs in ${result.seconds.toFixed(1)} s`,
          run.metrics.kfold
            ? `accuracy: train ${cliPercent(accuracy.train)}, held-out folds ${cliPercent(run.metrics.kfold.accuracy.mean)} ± ${cliPercent(run.metrics.kfold.accuracy.std)} (mean ± population std, as np.std)`
            : `accuracy: train ${cliPercent(accuracy.train)}, validation ${cliPercent(accuracy.val)}, test ${cliPercent(accuracy.test)}`,
          ...(run.metrics.biasVariance ? [`bias/variance: ${biasVarianceSentence(run.metrics.biasVariance, 'en')}`] : []),
          ...run.metrics.diagnosis.map((d) => `hint: ${d.message}`),
          `files: config.json, history.csv, metrics.json, predictions.json, model/, report.html${pdfPath ? ', report.pdf' : ''}`,
        ];
        io.out(lines.join('\n') + '\n');
      }
      if (pdfProblem) io.err(`sinapsis train: the run was written, but the PDF was not: ${pdfProblem}\n`);
      return result.status === 'failed' || pdfProblem ? EXIT_BAD_INPUT : EXIT_OK;
    } finally {
      process.off('SIGINT', onSigint);
      printer.done();
    }
  },
};
