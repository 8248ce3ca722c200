import { join } from 'node:path';
import type { Language } from '../../../shared/i18n/diagnosisText';
import type { DiagramSample } from '../../../shared/models/diagramSample';
import { writeFileAtomic, writeJsonAtomic } from '../runs/atomicWrite';
import { readRunView, type RunRecord } from '../runs/readRun';
import { RUN_FILES } from '../runs/runFolder';
import { runDiagramSampleSchema, runThumbnailsSchema } from '../../../shared/contract/runs';
import { readOwnText } from '../files/readOwnFile';
import { renderReportHtml, type ReportNotes } from './renderReportHtml';

export const NOTES_FILE = 'notes.json';

export async function readNotes(dir: string): Promise<ReportNotes> {
  try {
    const parsed: unknown = JSON.parse((await readOwnText(join(dir, NOTES_FILE))) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { title, author, comments } = parsed as Record<string, unknown>;
    return {
      ...(typeof title === 'string' ? { title } : {}),
      ...(typeof author === 'string' ? { author } : {}),
      ...(typeof comments === 'string' ? { comments } : {}),
    };
  } catch {
    return {};
  }
}

/** The misclassified images' thumbnails the experiment stored with the run (none for tables or older runs). */
async function readThumbnails(dir: string): Promise<Map<number, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readOwnText(join(dir, RUN_FILES.thumbnails))) ?? 'null');
  } catch {
    return new Map();
  }
  // Only inline PNGs (the schema's check): the report must never point at anything outside itself.
  const thumbnails = runThumbnailsSchema.safeParse(parsed);
  return new Map(thumbnails.success ? Object.entries(thumbnails.data).map(([index, uri]) => [Number(index), uri]) : []);
}

/** The sample the experiment stored for the model diagram, or null (older runs, tables without one, a damaged file). */
async function readDiagramSample(dir: string): Promise<DiagramSample | null> {
  try {
    const parsed = runDiagramSampleSchema.safeParse(JSON.parse((await readOwnText(join(dir, RUN_FILES.diagramSample))) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface ExportOptions {
  language: Language;
  /** When given, replaces the stored notes (and is stored for the next export). */
  notes?: ReportNotes;
  pdf: boolean;
  /** Needed when `pdf` is true. */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** The run as the experiment holds it, before its metrics.json is written (otherwise read from the folder). */
  run?: RunRecord;
}

/** (Re)writes report.html, and report.pdf when asked, in a run folder. */
export async function exportRunReport(
  dir: string,
  options: ExportOptions,
): Promise<{ html: string; pdf: string | null; htmlBytes: number; pdfBytes: number | null }> {
  const run = options.run ?? (await readRunView(dir));
  const notes = options.notes ?? (await readNotes(dir));
  if (options.notes) await writeJsonAtomic(join(dir, NOTES_FILE), options.notes);
  const thumbnails = await readThumbnails(dir);
  const diagramSample = await readDiagramSample(dir);
  const html = renderReportHtml(
    {
      config: run.config,
      metrics: run.metrics,
      status: 'status' in run ? run.status : undefined,
      history: run.history,
      notes,
      thumbnails,
      diagramSample,
    },
    options.language,
  );
  const htmlPath = join(dir, RUN_FILES.reportHtml);
  await writeFileAtomic(htmlPath, html);
  let pdfPath: string | null = null;
  let pdfBytes: number | null = null;
  if (options.pdf) {
    if (!options.printPdf) throw new Error('exportRunReport: a PDF was asked for without a printer.');
    const pdf = await options.printPdf(html);
    pdfPath = join(dir, RUN_FILES.reportPdf);
    await writeFileAtomic(pdfPath, pdf);
    pdfBytes = pdf.byteLength;
  }
  return { html: htmlPath, pdf: pdfPath, htmlBytes: Buffer.byteLength(html), pdfBytes };
}
