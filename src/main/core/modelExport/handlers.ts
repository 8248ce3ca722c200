import type { HandlerMap } from '../context';
import { runDir } from '../runs/runDir';
import { exportRunModelWithZip } from './exportModel';

export const modelExportHandlers: HandlerMap<'runs.exportModel'> = {
  'runs.exportModel': async (request, context) => exportRunModelWithZip(runDir(context.workspace.runsRoot, request.runId), request.runId, request.format, request.language),
};
