import type { HandlerMap } from '../context';
import { runDir } from '../runs/runDir';
import { classifyFolderIntoRun } from './classifyFolder';

export const folderPredictionHandlers: HandlerMap<'runs.predictFolder'> = {
  'runs.predictFolder': async (request, context) => {
    const dir = runDir(context.workspace.runsRoot, request.runId);
    return context.workspace.tasks.run(request.taskId, (signal) =>
      context.runModels.with(dir, (run) =>
        classifyFolderIntoRun(run, request.path, {
          signal,
          topK: request.topK,
          files: context.workspace.files,
          onProgress: (state) => context.emit('runs.predictFolderProgress', { taskId: request.taskId, ...state }),
        }),
      ),
    );
  },
};
