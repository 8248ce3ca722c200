import type { MethodName } from '../../../shared/contract';
import type { HandlerMap } from '../context';
import { diagramSampleOf } from '../datasets/diagramSample';
import { importModel } from '../inference/importModel';

export const modelHandlers: HandlerMap<Extract<MethodName, `model.${string}`>> = {
  'model.diagramSample': async ({ datasetId, features }, context) =>
    diagramSampleOf(context.workspace.datasets.get(datasetId, 'images', 'table'), features),
  'model.import': async (request, context) => importModel(request, context.workspace.runsRoot, context.workspace.files),
};
