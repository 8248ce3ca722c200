import type { HandlerMap } from '../context';
import { runDir } from '../runs/runDir';
import { classifyFolderIntoRun } from './classifyFolder';
import { runModels } from './handlers';

export const folderPredictionHandlers: HandlerMap<'runs.predictFolder'> = {
  'runs.predictFolder': async (request, context) => {
    const dir = runDir(context.services.runsRoot, request.runId);
    return context.tasks.run(request.taskId, (signal) =>
      runModels.with(dir, (run) =>
        classifyFolderIntoRun(run, request.path, {
          signal,
          topK: request.topK,
          files: context.services.files,
          onProgress: (state) => context.emit('runs.predictFolderProgress', { taskId: request.taskId, ...state }),
        }),
      ),
    );
  },
};
