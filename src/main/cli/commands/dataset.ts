import { stat } from 'node:fs/promises';
import { SinapsisError } from '../../../shared/contract';
import type { CsvInspection, ImageSummary, TableSummary } from '../../../shared/contract/datasets';
import { buildTable } from '../../core/datasets/csv/buildTable';
import { openCsv } from '../../core/datasets/csv/openCsv';
import { targetColumn } from '../../core/datasets/csv/targetColumn';
import { DatasetStore } from '../../core/datasets/datasetStore';
import { loadImageFolder } from '../../core/datasets/images/loadImageFolder';
import { intOption, parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand, type CliIO } from '../command';
import { appendAll } from '../../../shared/arrays';
import { refuseSpecialFile } from '../readCliFile';

const stats = (s: { min: number; median: number; max: number }) => `${s.min}–${s.max} (median ${s.median})`;

export function formatImageSummary(summary: ImageSummary, maxProblems: number): string {
  const lines = [
    `dataset: ${summary.root}`,
    `images: ${summary.total} in ${summary.classes.length} classes (${summary.loadSeconds.toFixed(1)} s, ${Math.round(summary.filesPerSecond)} files/s)`,
    ...summary.classes.map((c) => `  ${c.name}: ${c.count}`),
    summary.imbalance.warning
      ? `imbalance: WARNING, "${summary.imbalance.largest}" has ${summary.imbalance.ratio.toFixed(1)}x the samples of "${summary.imbalance.smallest}"`
      : `imbalance: balanced (ratio ${summary.imbalance.ratio.toFixed(2)})`,
    `sizes: width ${stats(summary.sizes.width)}, height ${stats(summary.sizes.height)}; most common ${summary.sizes.mostCommon.width}x${summary.sizes.mostCommon.height}, ${summary.sizes.differing} differ`,
    `channels: ${summary.channels.grey} grey, ${summary.channels.rgb} colour, ${summary.channels.withAlpha} with alpha, ${summary.channels.sixteenBit} 16-bit`,
    `formats: ${Object.entries(summary.formats)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ')}`,
    `duplicates: ${summary.duplicates.length} groups`,
    ...summary.duplicates.slice(0, maxProblems).map((group) => `  ${group.join(' = ')}`),
    `fingerprint: ${summary.fingerprint}`,
    `problems: ${summary.problemsTotal} (${summary.problemsSkipped} files skipped)`,
    ...summary.problems.slice(0, maxProblems).map((p) => `  ${p.skipped ? 'skipped' : 'note'}  ${p.file}: ${p.reason} [${p.code}]`),
  ];
  if (summary.problemsTotal > Math.min(maxProblems, summary.problems.length)) {
    lines.push(`  … ${summary.problemsTotal - Math.min(maxProblems, summary.problems.length)} more (use --problems N or --json)`);
  }
  return lines.join('\n') + '\n';
}

export function formatCsv(inspection: CsvInspection, table: TableSummary | null): string {
  const delimiter = inspection.delimiter === '\t' ? 'tab' : `"${inspection.delimiter}"`;
  const lines = [
    `csv: ${inspection.path}`,
    `rows: ${inspection.rows}, delimiter ${delimiter}, ${inspection.hasHeader ? 'with' : 'without'} header`,
    ...(inspection.encoding === 'windows-1252'
      ? ['encoding: not UTF-8, read as Windows-1252 (Latin-1); check the accents, or save it as "CSV UTF-8"']
      : inspection.encoding !== 'utf-8'
        ? [`encoding: ${inspection.encoding}`]
        : []),
    'columns:',
    ...inspection.columns.map(
      (c) =>
        `  ${c.index + 1}. ${c.name}: ${c.numeric ? 'numeric' : 'text'}, ${c.distinct} distinct` +
        (c.firstNonNumeric ? ` (first non-number at line ${c.firstNonNumeric.row}: "${c.firstNonNumeric.value}")` : '') +
        (c.index === inspection.suggestedTarget ? '  <- suggested target' : ''),
    ),
  ];
  if (table) {
    lines.push(`target: ${table.target} (${table.task}), ${table.features.length} features`, `fingerprint: ${table.fingerprint}`);
    if (table.task === 'classification')
      appendAll(
        lines,
        table.classes.map((c) => `  ${c.name}: ${c.count}`),
      );
    if (table.imbalance?.warning) lines.push(`imbalance: WARNING, ratio ${table.imbalance.ratio.toFixed(1)}`);
    if (table.targetStats)
      lines.push(
        `target: min ${table.targetStats.min}, median ${table.targetStats.median}, max ${table.targetStats.max}, mean ${table.targetStats.mean.toFixed(4)}`,
      );
  }
  return lines.join('\n') + '\n';
}

function progressPrinter(
  io: CliIO,
): ((p: { phase: string; done: number; total: number; filesPerSecond: number; etaSeconds: number | null }) => void) | undefined {
  if (!io.isTTY) return undefined;
  return (p) => {
    const eta = p.etaSeconds === null ? '' : `, ${Math.ceil(p.etaSeconds)} s left`;
    io.err(
      p.phase === 'scanning'
        ? `\rscanning: ${p.done} files found   `
        : `\rloading: ${p.done}/${p.total} (${Math.round(p.filesPerSecond)} files/s${eta})   `,
    );
  };
}

export const datasetCommand: CliCommand = {
  help: `Usage: sinapsis dataset <folder|file.csv> [--json] [--target NAME|NUMBER] [--problems N] [--threads N]

An image folder (one subfolder per class) is loaded as the app does: the summary (classes, counts,
imbalance, sizes, channels, duplicates, fingerprint) and the problems report (every skipped file
and why) are printed. A CSV/TSV file is inspected (delimiter, header, numeric columns); with
--target its table is built, which names the first non-numeric cell if there is one.

Options:
  --json            print the summary as JSON (dataset.openFolder / dataset.chooseTarget response)
  --target T        CSV target column, by name or 1-based number (default: the suggested one)
  --problems N      list at most N problems in text output (default 50)
  --threads N       decode images in N worker threads (default 0: on the main thread, fastest on 2 cores)
  -h, --help        show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('dataset', args, {
      json: { type: 'boolean' },
      target: { type: 'string' },
      problems: { type: 'string' },
      threads: { type: 'string' },
    });
    const threads = intOption('threads', values.threads as string | undefined, 0, 0, 64);
    if (positionals.length !== 1)
      throw new SinapsisError('bad-arguments', 'Give exactly one image folder or CSV file, e.g. "sinapsis dataset ./digits".');
    const path = positionals[0];
    const maxProblems = values.problems === undefined ? 50 : Number(values.problems);
    if (!Number.isInteger(maxProblems) || maxProblems < 0)
      throw new SinapsisError('bad-arguments', `--problems must be a whole number, got "${String(values.problems)}".`);
    await refuseSpecialFile(path, 'an image folder (one subfolder per class) or a CSV file');
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) {
      const draft = await openCsv(path, 'auto', 'auto', DatasetStore.newId());
      let table: TableSummary | null = null;
      if (values.json || values.target !== undefined) {
        const target = targetColumn(draft, values.target as string | undefined);
        table = buildTable(draft, target, 'auto', DatasetStore.newId()).summary;
      }
      io.out(values.json ? JSON.stringify({ csv: draft.inspection, table }, null, 2) + '\n' : formatCsv(draft.inspection, table));
      return EXIT_OK;
    }
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      const dataset = await loadImageFolder(path, {
        signal: controller.signal,
        datasetId: DatasetStore.newId(),
        threads,
        onProgress: progressPrinter(io),
      });
      if (io.isTTY) io.err('\n');
      io.out(values.json ? JSON.stringify(dataset.summary, null, 2) + '\n' : formatImageSummary(dataset.summary, maxProblems));
    } finally {
      process.off('SIGINT', onSigint);
    }
    return EXIT_OK;
  },
};
