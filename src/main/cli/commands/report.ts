import { SinapsisError } from '../../../shared/contract';
import { languageSchema } from '../../../shared/contract/runs';
import { exportRunReport } from '../../core/reports/exportRunReport';
import { printHtmlToPdf, rasterizeSvgs } from '../../core/reports/printPdf';
import { writeRunExports } from '../../core/reports/runExports';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../command';
import { cliRunFolder } from '../readCliFile';

export const reportCommand: CliCommand = {
  help: `Usage: sinapsis report <run-dir> [--pdf] [--png] [--lang es|pt|en] [--title T] [--author A] [--comments C]

Writes report.html (self-contained, opens offline) into the run folder, and report.pdf with --pdf
(printed by the system Chromium). Also writes the exports: confusion-matrix.csv,
confusion-matrix-normalized.csv, per-class.csv, metrics.csv (kfold.csv for k-fold runs) and the
learning curves as charts/*.svg (charts/*.png with --png, drawn by the system Chromium).
Title, author and comments are stored with the run and reused by later exports unless given again.

Options:
  --pdf             also write report.pdf
  --png             also write the charts as PNG (twice their size)
  --lang L          report language: es (default), pt or en
  --title T         report title
  --author A        author name
  --comments C      free-text comments
  -h, --help        show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('report', args, {
      pdf: { type: 'boolean' },
      png: { type: 'boolean' },
      lang: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      comments: { type: 'string' },
    });
    if (positionals.length !== 1)
      throw new SinapsisError('bad-arguments', 'Give exactly one run folder, e.g. "sinapsis report runs/20261122T101500Z-abc123".');
    const language = languageSchema.safeParse((values.lang as string | undefined) ?? 'es');
    if (!language.success) throw new SinapsisError('bad-arguments', `--lang must be es, pt or en; got "${String(values.lang)}".`);
    const runDir = await cliRunFolder(positionals[0]);
    const given = {
      title: values.title as string | undefined,
      author: values.author as string | undefined,
      comments: values.comments as string | undefined,
    };
    const hasNotes = Object.values(given).some((v) => v !== undefined);
    const notes = hasNotes ? Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) : undefined;
    const result = await exportRunReport(runDir, { language: language.data, notes, pdf: Boolean(values.pdf), printPdf: printHtmlToPdf });
    io.out(`report: ${result.html} (${result.htmlBytes} bytes)\n`);
    if (result.pdf) io.out(`pdf: ${result.pdf} (${result.pdfBytes} bytes)\n`);
    const exports = await writeRunExports(runDir, {
      language: language.data,
      ...(values.png ? { renderPng: (images) => rasterizeSvgs(images) } : {}),
    });
    if (exports.pngProblem) throw new SinapsisError(exports.pngProblem.code, exports.pngProblem.message);
    const written = exports.files.filter((f) => /\.(csv|svg|png)$/.test(f.name) && f.name !== 'history.csv').map((f) => f.name);
    io.out(`exports: ${written.join(', ')}\n`);
    return EXIT_OK;
  },
};
