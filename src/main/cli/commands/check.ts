import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { builtinOptionsSchema } from '../../../shared/contract/datasets';
import type { DatasetReference, ProjectFile } from '../../../shared/contract/project';
import { generateBuiltin } from '../../core/datasets/builtins';
import { tableFromGenerated } from '../../core/datasets/csv/buildTable';
import { DatasetStore } from '../../core/datasets/datasetStore';
import { labelsOf, type ImageDataset, type TableDataset } from '../../core/datasets/datasetTypes';
import { openDatasetSource } from '../../core/datasets/openDatasetSource';
import { checkRun, expectedSplit, type CheckRow, type ExpectedSplit } from '../../core/projects/checkRuns';
import { parseProjectText } from '../../core/projects/projectFile';
import { RUN_FILES } from '../../core/runs/runFolder';
import { parseCommandArgs } from '../args';
import { EXIT_CHECK_MISMATCH, EXIT_OK, type CliCommand } from '../command';
import { cliPercent } from '../cliPercent';
import { appendAll, maxOf } from '../../../shared/arrays';
import { cliFolder, readCliFile, refuseSpecialFile } from '../readCliFile';

/** An assignment file is a small JSON; anything larger is not one. */
const MAX_ASSIGNMENT_BYTES = 64 * 1024 ** 2;

/** A run folder has its config.json (or the status.json written first); anything else is a folder of runs. */
function isRunFolder(dir: string): boolean {
  return existsSync(join(dir, RUN_FILES.config)) || existsSync(join(dir, RUN_FILES.status));
}

/** The run folders named: each RUN as given, each FOLDER's subfolders (sorted; hidden ones skipped). */
async function runFolders(paths: string[]): Promise<string[]> {
  const dirs: string[] = [];
  for (const given of paths) {
    const path = await cliFolder(given, 'run folders or a folder of runs');
    const folder = existsSync(path) && statSync(path).isDirectory();
    if (!folder || isRunFolder(path)) {
      dirs.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    appendAll(
      dirs,
      entries
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => join(path, e.name))
        .sort(),
    );
  }
  return dirs;
}

/** The assignment's dataset: --data when given, else where the assignment says it was (builtins are regenerated). */
async function openAssignmentDataset(reference: DatasetReference, data: string | undefined): Promise<ImageDataset | TableDataset> {
  const signal = new AbortController().signal;
  if (data) return openDatasetSource(data, { signal, ...(reference.kind === 'csv' ? { target: String(reference.target + 1) } : {}) });
  if (reference.kind === 'folder') return openDatasetSource(reference.path, { signal });
  if (reference.kind === 'csv') return openDatasetSource(reference.path, { signal, target: String(reference.target + 1) });
  if (reference.id === 'digits' || reference.id === 'wine') return openDatasetSource(`builtin:${reference.id}`, { signal });
  return tableFromGenerated(
    generateBuiltin(reference.id, builtinOptionsSchema.parse(reference.options)),
    DatasetStore.newId(),
    `builtin:${reference.id}`,
  );
}

/** The split the assignment expects, or why it cannot be computed here (then each row says so, nothing fails). */
async function assignmentSplit(assignment: ProjectFile, data: string | undefined): Promise<ExpectedSplit> {
  const pointer = assignment.setup.dataset;
  if (!assignment.assignment?.locks.split) return { unavailable: 'the split is not locked' };
  if (!pointer) return { unavailable: 'the assignment names no dataset' };
  let dataset: ImageDataset | TableDataset;
  try {
    dataset = await openAssignmentDataset(pointer.reference, data);
  } catch (error) {
    const where = data ?? (pointer.reference.kind === 'builtin' ? `builtin:${pointer.reference.id}` : pointer.reference.path);
    return {
      unavailable: `the dataset "${pointer.name}" could not be opened at ${where} (${error instanceof Error ? error.message : String(error)}); give it with --data`,
    };
  }
  if (dataset.summary.fingerprint !== pointer.fingerprint) {
    return {
      unavailable: `the dataset opened has other contents than "${pointer.name}" (fingerprint ${dataset.summary.fingerprint.slice(0, 12)}, expected ${pointer.fingerprint.slice(0, 12)}); give the right one with --data`,
    };
  }
  const samples = dataset.kind === 'images' ? dataset.images.length : dataset.targets.length;
  return expectedSplit(assignment, samples, labelsOf(dataset), dataset.classNames.length);
}

const csvField = (value: string): string => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function formatTable(rows: CheckRow[]): string {
  const accuracy = (row: CheckRow) => cliPercent(row.accuracy);
  const width = Math.max(
    3,
    maxOf(
      rows.map((row) => row.run.length),
      0,
    ),
  );
  const lines = [`${'run'.padEnd(width)}  ${'result'.padEnd(10)}  ${'test acc'.padStart(8)}  detail`];
  for (const row of rows) {
    const [first, ...rest] = row.problems.length ? row.problems : [''];
    lines.push(`${row.run.padEnd(width)}  ${row.status.padEnd(10)}  ${accuracy(row).padStart(8)}  ${first}`);
    for (const problem of rest) lines.push(`${''.padEnd(width)}  ${''.padEnd(10)}  ${''.padStart(8)}  ${problem}`);
  }
  const ok = rows.filter((row) => row.status === 'ok').length;
  lines.push('', `${ok} of ${rows.length} runs pass.`);
  return lines.join('\n') + '\n';
}

function formatCsv(rows: CheckRow[]): string {
  const lines = ['run,result,test_accuracy,problems'];
  for (const row of rows)
    lines.push([row.run, row.status, row.accuracy === null ? '' : String(row.accuracy), row.problems.join('; ')].map(csvField).join(','));
  return lines.join('\n') + '\n';
}

export const checkCommand: CliCommand = {
  help: `Usage: sinapsis check <assignment.sinapsis.json> <run-dir>... [--csv] [--data PATH]
       sinapsis check <assignment.sinapsis.json> <folder-of-runs> [--csv]

Checks every run against the assignment a teacher saved in Sinapsis ("Convertir en tarea"):
  - the dataset fingerprint, the split (every index, recomputed from the dataset with the same code
    that trained) and the seed, the features and scaling, the model (family or fixed), the epochs range,
    as far as the assignment locks them;
  - metrics.json against the run's own predictions.json: test accuracy, confusion matrix and per-class
    precision, recall, F1 and support are recomputed; any hand edit shows as a mismatch;
  - that the run completed.
Prints one row per run: ok, or each exact mismatch; unreadable or incomplete runs are rows too.

Options:
  --csv          print CSV (run,result,test_accuracy,problems) instead of the table
  --data PATH    the assignment's dataset (image folder, CSV or builtin:NAME) when it is not where the
                 assignment says; needed only to verify the split indices
  -h, --help     show this help

Exit codes: 0 every run passes, 3 some run does not pass, 2 bad arguments or an unreadable assignment.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check', args, { csv: { type: 'boolean' }, data: { type: 'string' } });
    if (positionals.length < 2)
      throw new SinapsisError(
        'bad-arguments',
        'Give the assignment file and at least one run folder (or a folder of runs), e.g. "sinapsis check tarea.sinapsis.json entregas/".',
      );
    const [assignmentPath, ...runPaths] = positionals;
    const text = (
      await readCliFile(resolve(assignmentPath), {
        maxBytes: MAX_ASSIGNMENT_BYTES,
        what: 'the assignment file saved with "Guardar como tarea"',
      })
    ).toString('utf8');
    const data = values.data as string | undefined;
    if (data) await refuseSpecialFile(data, "the assignment's image folder, CSV file or builtin:NAME");
    const assignment = parseProjectText(text, assignmentPath);
    if (!assignment.assignment) {
      throw new SinapsisError(
        'bad-arguments',
        `${assignmentPath} is a project, not an assignment: it locks nothing to check. Save it with "Guardar como tarea" first.`,
      );
    }
    const dirs = await runFolders(runPaths);
    if (dirs.length === 0) throw new SinapsisError('bad-arguments', `No run folders in ${runPaths.join(', ')}.`);
    const split = await assignmentSplit(assignment, data);
    const rows: CheckRow[] = [];
    for (const dir of dirs) rows.push(await checkRun(assignment, dir, split));
    io.out(values.csv ? formatCsv(rows) : formatTable(rows));
    return rows.every((row) => row.status === 'ok') ? EXIT_OK : EXIT_CHECK_MISMATCH;
  },
};
