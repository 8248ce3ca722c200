import type { HandlerMap } from '../context';
import { exportRunReport, readNotes } from '../reports/exportRunReport';
import { listRuns } from './listRuns';
import { readRunView } from './readRun';
import { runsFolderProblem } from './runFolder';
import { runDir } from './runDir';
import { viewedRunsRoot } from '../workspaces/access';


export const runsHandlers: HandlerMap<'runs.list' | 'runs.get' | 'report.export'> = {
  'runs.list': async (request, context) => {
    const root = await viewedRunsRoot(context, request.workspace);
    return { root, runs: await listRuns(root, request.search), unwritable: (await runsFolderProblem(root))?.toContract() ?? null };
  },
  'runs.get': async (request, context) => {
    const dir = runDir(await viewedRunsRoot(context, request.workspace), request.runId);
    const run = await readRunView(dir);
    return { runId: request.runId, config: run.config, metrics: run.metrics, history: run.history, notes: await readNotes(dir), status: run.status, statusMessage: run.message };
  },
  'report.export': async (request, context) => {
    // Writes: only into the caller's own runs.
    const dir = runDir(context.workspace.runsRoot, request.runId);
    return exportRunReport(dir, { language: request.language, notes: request.notes, pdf: request.pdf, printPdf: context.services.printPdf });
  },
};
