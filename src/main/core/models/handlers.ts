import { modelSpecSchema } from '../../../shared/models/modelSpec';
import { estimateMemory, modelWarnings } from '../../../shared/models/modelChecks';
import { modelPresets } from '../../../shared/models/presets';
import { suggestArchitecture } from '../../../shared/models/ruleOfThumb';
import { summarizeModel } from '../../../shared/models/shapes';
import { trainingSettingsSchema } from '../../../shared/models/trainingSettings';
import type { HandlerMap } from '../context';
import { didacticIneligibility } from '../engine/batchedDense';
import { chooseEngine } from '../engine/trainingJob';

export const modelHandlers: HandlerMap<'model.describe' | 'model.suggest' | 'model.preset'> = {
  'model.describe': async ({ spec, trainingSamples, batchSize }) => {
    const summary = summarizeModel(spec);
    const memory = estimateMemory(summary, { batchSize, samples: trainingSamples ?? 0, optimizer: 'adam' });
    return {
      ...summary,
      warnings: modelWarnings(spec, summary, trainingSamples),
      memoryBytes: memory.totalBytes,
      engine: chooseEngine(spec, trainingSettingsSchema.parse({})),
      didacticUnsuitableBecause: didacticIneligibility(spec),
    };
  },
  'model.suggest': async ({ features, outputs }) => {
    const suggestion = suggestArchitecture(features, outputs);
    return { ...suggestion, spec: modelSpecSchema.parse(suggestion.spec) };
  },
  'model.preset': async ({ id }) => modelSpecSchema.parse(modelPresets[id]),
};
