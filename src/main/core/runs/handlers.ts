import type { HandlerMap } from '../context';
import { exportRunReport, readNotes } from '../reports/exportRunReport';
import { listRuns } from './listRuns';
import { readRun } from './readRun';
import { runDir } from './runDir';


export const runsHandlers: HandlerMap<'runs.list' | 'runs.get' | 'report.export'> = {
  'runs.list': async (request, context) => ({ root: context.services.runsRoot, runs: await listRuns(context.services.runsRoot, request.search) }),
  'runs.get': async (request, context) => {
    const dir = runDir(context.services.runsRoot, request.runId);
    const run = await readRun(dir);
    return { runId: request.runId, config: run.config, metrics: run.metrics, history: run.history, notes: await readNotes(dir) };
  },
  'report.export': async (request, context) => {
    const dir = runDir(context.services.runsRoot, request.runId);
    return exportRunReport(dir, { language: request.language, notes: request.notes, pdf: request.pdf, printPdf: context.services.printPdf });
  },
};
