import { homedir } from 'node:os';
import type { ParsedRequestOf } from '../../shared/contract';
import { join } from 'node:path';
import { LOCAL_FILES, type FileAccessPolicy } from './files';
import type { LabOptions } from './workspaces/workspaces';
import { printHtmlToPdf, rasterizeSvgs, type SvgImage } from './reports/printPdf';
import { maxTrainingsFromEnv, Slots } from './tasks/slots';

/** What a door provides to the core beyond requests: where runs live and how to print a PDF. */
export interface CoreServices {
  /** Folder holding one subfolder per training run. */
  runsRoot: string;
  /** Folder for what the app keeps between launches: the session and the recent projects. */
  stateRoot: string;
  /** HTML -> PDF with Chromium's print engine (Electron's own in the app, the system Chromium elsewhere). */
  printPdf: (html: string) => Promise<Uint8Array>;
  /** SVG charts -> PNG pictures (twice their size), with the same Chromium engine. */
  renderPng: (images: readonly SvgImage[]) => Promise<Uint8Array[]>;
  /**
   * Which paths requests may name: the user's own files on a single-user machine, the teacher's `--data` roots
   * and the bundled datasets on a lab server (see core/files).
   */
  files: FileAccessPolicy;
  /** Places for trainings, shared by every workspace of this core; the rest wait in line (see tasks/slots). */
  trainingSlots: Slots;
  /** A lab server's students' workspaces (folder and per-student memory budget); null on a single-user machine. */
  lab: LabOptions | null;
  /**
   * The desktop app's native open dialog (`files.choose`): the chosen path, or null when it was closed. Only the
   * Electron door provides it; elsewhere `files.choose` is refused and the page uploads or browses instead.
   */
  chooseNativePath?: (request: ParsedRequestOf<'files.choose'>) => Promise<string | null>;
}

import { defaultRunsRoot } from './runs/runsRoot';

export { defaultRunsRoot };

/**
 * The session and recent projects go to SINAPSIS_STATE_DIR when set; beside runs named by SINAPSIS_RUNS_DIR
 * (`<runs>/.sinapsis`, so that a test or lab server keeps everything in one folder; run listings skip it);
 * else to ~/Sinapsis/state.
 */
export function defaultStateRoot(env: NodeJS.ProcessEnv = process.env, runsRoot?: string): string {
  if (env.SINAPSIS_STATE_DIR) return env.SINAPSIS_STATE_DIR;
  if (runsRoot) return join(runsRoot, '.sinapsis');
  return env.SINAPSIS_RUNS_DIR ? join(env.SINAPSIS_RUNS_DIR, '.sinapsis') : join(homedir(), 'Sinapsis', 'state');
}

export function defaultServices(overrides: Partial<CoreServices> = {}): CoreServices {
  return {
    runsRoot: defaultRunsRoot(),
    stateRoot: defaultStateRoot(process.env, overrides.runsRoot),
    printPdf: printHtmlToPdf,
    renderPng: (images) => rasterizeSvgs(images),
    files: LOCAL_FILES,
    trainingSlots: new Slots(maxTrainingsFromEnv()),
    lab: null,
    ...overrides,
  };
}
