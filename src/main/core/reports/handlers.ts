import type { HandlerMap } from '../context';
import { runDir } from '../runs/runDir';
import { exportRunReport } from './exportRunReport';

export const reportHandlers: HandlerMap<'report.export'> = {
  'report.export': async (request, context) => {
    // Writes: only into the caller's own runs.
    const dir = runDir(context.workspace.runsRoot, request.runId);
    return exportRunReport(dir, {
      language: request.language,
      notes: request.notes,
      pdf: request.pdf,
      printPdf: context.services.printPdf,
    });
  },
};
