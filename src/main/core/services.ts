import { homedir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_FILES, type FileAccessPolicy } from './files';
import { printHtmlToPdf, rasterizeSvgs, type SvgImage } from './reports/printPdf';

/** What a door provides to the core beyond requests: where runs live and how to print a PDF. */
export interface CoreServices {
  /** Folder holding one subfolder per training run. */
  runsRoot: string;
  /** HTML -> PDF with Chromium's print engine (Electron's own in the app, the system Chromium elsewhere). */
  printPdf: (html: string) => Promise<Uint8Array>;
  /** SVG charts -> PNG pictures (twice their size), with the same Chromium engine. */
  renderPng: (images: readonly SvgImage[]) => Promise<Uint8Array[]>;
  /**
   * Which paths requests may name: the user's own files on a single-user machine, the teacher's `--data` roots
   * and the bundled datasets on a lab server (see core/files).
   */
  files: FileAccessPolicy;
}

/** Runs go to SINAPSIS_RUNS_DIR when set (tests, lab servers), else to ~/Sinapsis/runs. */
export function defaultRunsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SINAPSIS_RUNS_DIR || join(homedir(), 'Sinapsis', 'runs');
}

export function defaultServices(overrides: Partial<CoreServices> = {}): CoreServices {
  return { runsRoot: defaultRunsRoot(), printPdf: printHtmlToPdf, renderPng: (images) => rasterizeSvgs(images), files: LOCAL_FILES, ...overrides };
}
