import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { languageSchema } from '../../../shared/contract/runs';
import { exportRunReport } from '../../core/reports/exportRunReport';
import { printHtmlToPdf } from '../../core/reports/printPdf';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../command';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Re-render the HTML (and PDF) report of a run folder',
  help: `Usage: sinapsis report <run-dir> [--pdf] [--lang es|pt|en] [--title T] [--author A] [--comments C]

Writes report.html (self-contained, opens offline) into the run folder, and report.pdf with --pdf
(printed by the system Chromium). Title, author and comments are stored with the run and reused
by later exports unless given again.

Options:
  --pdf             also write report.pdf
  --lang L          report language: es (default), pt or en
  --title T         report title
  --author A        author name
  --comments C      free-text comments
  -h, --help        show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('report', args, {
      pdf: { type: 'boolean' },
      lang: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      comments: { type: 'string' },
    });
    if (positionals.length !== 1) throw new SinapsisError('bad-arguments', 'Give exactly one run folder, e.g. "sinapsis report runs/20261122T101500Z-abc123".');
    const language = languageSchema.safeParse((values.lang as string | undefined) ?? 'es');
    if (!language.success) throw new SinapsisError('bad-arguments', `--lang must be es, pt or en; got "${String(values.lang)}".`);
    const given = { title: values.title as string | undefined, author: values.author as string | undefined, comments: values.comments as string | undefined };
    const hasNotes = Object.values(given).some((v) => v !== undefined);
    const notes = hasNotes ? Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) : undefined;
    const result = await exportRunReport(resolve(positionals[0]), { language: language.data, notes, pdf: Boolean(values.pdf), printPdf: printHtmlToPdf });
    io.out(`report: ${result.html} (${result.htmlBytes} bytes)\n`);
    if (result.pdf) io.out(`pdf: ${result.pdf} (${result.pdfBytes} bytes)\n`);
    return EXIT_OK;
  },
};
