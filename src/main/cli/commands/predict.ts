import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { inspectImageFile } from '../../core/datasets/images/inspectImageFile';
import { initBackend } from '../../core/engine/backends';
import { classifyFolder, folderPredictionCsv, type FolderClassification } from '../../core/inference/classifyFolder';
import { predictVector } from '../../core/inference/predictSample';
import { writeFileAtomic } from '../../core/runs/atomicWrite';
import { loadRunModel } from '../../core/inference/runModelCache';
import { sampleFeatures, type SampleInput } from '../../core/inference/sampleFeatures';
import { parseCommandArgs, intOption } from '../args';
import { EXIT_OK, type CliCommand, type CliIO } from '../command';
import { cliPercent } from '../cliPercent';
import { maxOf } from '../../../shared/arrays';
import { MAX_IMAGE_FILE_BYTES } from '../../core/datasets/images/loadImageFolder';
import { cliRunFolder, readCliFile } from '../readCliFile';

async function imageInput(path: string): Promise<SampleInput> {
  const bytes = await readCliFile(path, { maxBytes: MAX_IMAGE_FILE_BYTES, what: 'an image file' });
  const inspection = inspectImageFile(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!inspection.ok) throw new SinapsisError('bad-arguments', `${path}: ${inspection.reason}.`);
  return { kind: 'image', image: inspection.image };
}

function rowInput(text: string): SampleInput {
  const values = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
    throw new SinapsisError('bad-arguments', `--row must be numbers separated by commas, got "${text}".`);
  return { kind: 'row', values };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The summary a folder classification prints: rows (unless they went to a CSV), accuracy, confusion matrix, problems. */
function printFolder(result: FolderClassification, io: CliIO, rows: boolean): void {
  const lines: string[] = [];
  if (rows) {
    for (const row of result.allRows) {
      lines.push(
        `${row.file}\t${row.predicted}\t${cliPercent(row.probability)}${row.trueClass !== null ? `\t(true: ${row.trueClass})` : ''}`,
      );
    }
  }
  lines.push(`classified: ${result.total} images of ${result.folder} in ${result.seconds.toFixed(1)} s`);
  if (result.accuracy && result.confusionMatrix) {
    lines.push(
      `accuracy: ${cliPercent(result.accuracy.accuracy)} (${result.accuracy.correct} of ${result.accuracy.total} in class subfolders)`,
    );
    const { labels, matrix } = result.confusionMatrix;
    const width = Math.max(
      6,
      maxOf(
        labels.map((l) => l.length + 1),
        0,
      ),
    );
    lines.push('confusion matrix (rows: true class, columns: predicted):');
    lines.push(['', ...labels].map((cell) => cell.padStart(width)).join(''));
    matrix.forEach((row, i) => lines.push([labels[i], ...row.map(String)].map((cell) => cell.padStart(width)).join('')));
  }
  const skipped = result.problems.filter((p) => p.skipped);
  if (result.problemsTotal > 0) {
    lines.push(`problems: ${result.problemsTotal} (${skipped.length} files skipped)`);
    for (const problem of result.problems) lines.push(`  ${problem.file}: ${problem.reason}${problem.skipped ? '' : ' (note)'}`);
  }
  for (const failure of result.failed) lines.push(`  ${failure.file}: ${failure.error.message}`);
  io.out(lines.join('\n') + '\n');
}

export const predictCommand: CliCommand = {
  help: `Usage: sinapsis predict <run-dir> <image> [--top K] [--json]
       sinapsis predict <run-dir> <folder> [--csv out.csv] [--top K]
       sinapsis predict <run-dir> --row "v1,v2,..." [--top K] [--json]

The sample goes through the run's own preprocessing.json (HOG with the recorded settings, or grey pixels,
then the scaler fitted on the training part) and the run's model/ (tfjs format), exactly as in training.

A folder is classified whole, recursively, with the problems report of Datos (files that are not images,
hidden, broken...); when its first-level subfolders are named after the run's classes, it also prints the
accuracy and the confusion matrix. Ctrl+C stops it.

Options:
  --csv out.csv      folder mode: write file, true_class, predicted, probability, top and p_<class> per image
                     (then the rows are not printed)
  --row "v1,v2,..."  a table run's feature values, in its column order
  --top K            how many classes to list, best first (default 3, at most 10)
  --json             print labels, probabilities, top and the raw outputs as JSON
  -h, --help         show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('predict', args, {
      row: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'string' },
    });
    const k = intOption('top', values.top as string | undefined, 3, 1, 10);
    const row = values.row as string | undefined;
    if (row === undefined && positionals.length === 2 && isFolder(resolve(positionals[1]))) {
      const runDir = await cliRunFolder(positionals[0]);
      await initBackend();
      const run = await loadRunModel(runDir);
      const controller = new AbortController();
      const onSigint = (): void => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const result = await classifyFolder(run, resolve(positionals[1]), {
          signal: controller.signal,
          topK: k,
          onProgress: (state) => io.isTTY && io.err(`\rclassifying: ${state.done} of ${state.total}`),
        });
        if (io.isTTY) io.err('\n');
        const csv = values.csv as string | undefined;
        if (csv) {
          await writeFileAtomic(resolve(csv), folderPredictionCsv(result));
          io.out(`csv: ${resolve(csv)} (${result.total} rows)\n`);
        }
        printFolder(result, io, !csv);
        return EXIT_OK;
      } finally {
        process.off('SIGINT', onSigint);
        run.model.dispose();
      }
    }
    if (values.csv !== undefined)
      throw new SinapsisError('bad-arguments', '--csv is for classifying a folder: give a run folder and a folder of images.');
    if (positionals.length !== (row === undefined ? 2 : 1)) {
      throw new SinapsisError(
        'bad-arguments',
        'Give a run folder and an image, e.g. "sinapsis predict runs/lab-hog digit.png", or a run folder and --row.',
      );
    }
    const dir = await cliRunFolder(positionals[0]);
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
        ? result.top.map((entry) => `${entry.label.padEnd(12)} ${cliPercent(entry.probability).padStart(6)}`)
        : [`output: ${result.outputs.map((v) => Number(v.toPrecision(6))).join(', ')}`];
      io.out([`run: ${dir} (${result.features} features)`, ...lines].join('\n') + '\n');
      return EXIT_OK;
    } finally {
      run.model.dispose();
    }
  },
};
