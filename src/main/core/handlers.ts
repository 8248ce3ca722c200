import type { MethodName } from '../../shared/contract';
import { appHandlers } from './app/handlers';
import type { HandlerMap } from './context';
import { datasetHandlers } from './datasets/handlers';
import { experimentHandlers } from './experiment/handlers';
import { featuresHandlers } from './features/handlers';
import { reportHandlers } from './reports/handlers';
import { runsHandlers } from './runs/handlers';
import { trainingHandlers } from './engine/trainingHandlers';
import { modelHandlers } from './models/handlers';
import { projectHandlers } from './projects/handlers';
import { workspaceHandlers } from './workspaces/handlers';
import { uploadHandlers } from './uploads/handlers';
import { filesHandlers } from './files/handlers';
import { embeddingHandlers } from './embedding/handlers';

/** Every contract method's implementation. A new area adds its `<area>Handlers` here; the type checker lists any missing one. */
export const handlers: HandlerMap<MethodName> = {
  ...appHandlers,
  ...datasetHandlers,
  ...runsHandlers,
  ...reportHandlers,
  ...featuresHandlers,
  ...modelHandlers,
  ...trainingHandlers,
  ...experimentHandlers,
  ...projectHandlers,
  ...workspaceHandlers,
  ...uploadHandlers,
  ...filesHandlers,
  ...embeddingHandlers,
};
