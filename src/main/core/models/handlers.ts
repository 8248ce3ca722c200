import type { HandlerMap } from '../context';
import { diagramSampleOf } from '../datasets/diagramSample';

export const modelHandlers: HandlerMap<'model.diagramSample'> = {
  'model.diagramSample': async ({ datasetId, features }, context) => diagramSampleOf(context.workspace.datasets.get(datasetId, 'images', 'table'), features),
};
