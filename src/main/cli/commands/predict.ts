import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { inspectImageFile } from '../../core/datasets/images/inspectImageFile';
import { initBackend } from '../../core/engine/backends';
import { predictVector } from '../../core/inference/predictSample';
import { loadRunModel } from '../../core/inference/runModelCache';
import { sampleFeatures, type SampleInput } from '../../core/inference/sampleFeatures';
import { parseCommandArgs, intOption } from '../args';
import { EXIT_OK, type CliCommand } from '../command';

async function imageInput(path: string): Promise<SampleInput> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SinapsisError('bad-arguments', `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`}. Check the path.`);
  }
  const inspection = inspectImageFile(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!inspection.ok) throw new SinapsisError('bad-arguments', `${path}: ${inspection.reason}.`);
  return { kind: 'image', image: inspection.image };
}

function rowInput(text: string): SampleInput {
  const values = text.split(/[,;\s]+/).filter(Boolean).map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) throw new SinapsisError('bad-arguments', `--row must be numbers separated by commas, got "${text}".`);
  return { kind: 'row', values };
}

export const predictCommand: CliCommand = {
  name: 'predict',
  summary: "Classify an image (or a table row) with a run's model, as Evaluación's \"Probar una imagen\" does",
  help: `Usage: sinapsis predict <run-dir> <image> [--top K] [--json]
       sinapsis predict <run-dir> --row "v1,v2,..." [--top K] [--json]

The sample goes through the run's own preprocessing.json (HOG with the recorded settings, or grey pixels,
then the scaler fitted on the training part) and the run's model/ (tfjs format), exactly as in training.

Options:
  --row "v1,v2,..."  a table run's feature values, in its column order
  --top K            how many classes to list, best first (default 3, at most 10)
  --json             print labels, probabilities, top and the raw outputs as JSON
  -h, --help         show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('predict', args, { row: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' } });
    const k = intOption('top', values.top as string | undefined, 3, 1, 10);
    const row = values.row as string | undefined;
    if (positionals.length !== (row === undefined ? 2 : 1)) {
      throw new SinapsisError('bad-arguments', 'Give a run folder and an image, e.g. "sinapsis predict runs/lab-hog digit.png", or a run folder and --row.');
    }
    const dir = resolve(positionals[0]);
    const input = row === undefined ? await imageInput(resolve(positionals[1])) : rowInput(row);
    await initBackend();
    const run = await loadRunModel(dir);
    try {
      const result = predictVector(run, sampleFeatures(input, run.preprocessing), k);
      if (values.json) {
        io.out(JSON.stringify(result) + '\n');
        return EXIT_OK;
      }
      const lines = result.top.length
        ? result.top.map((entry) => `${entry.label.padEnd(12)} ${(entry.probability * 100).toFixed(1).padStart(5)} %`)
        : [`output: ${result.outputs.map((v) => Number(v.toPrecision(6))).join(', ')}`];
      io.out([`run: ${dir} (${result.features} features)`, ...lines].join('\n') + '\n');
      return EXIT_OK;
    } finally {
      run.model.dispose();
    }
  },
};
