import { z } from 'zod';
import { datasetIdSchema } from './datasets';
import { method } from './define';
import { featureChoiceSchema } from './experiment';
import { importScalingSchema, modelImportResultSchema } from './inference';
import { diagramSampleSchema } from '../models/diagramSample';

/** `model.*`: what Modelo asks of a dataset, and bringing a model trained elsewhere in as a run (handled in core/models). */
export const modelMethods = {
  /** A real sample of the dataset as `features` see it, for the model diagram's input (null when there is none to draw). */
  'model.diagramSample': method(z.object({ datasetId: datasetIdSchema, features: featureChoiceSchema }), diagramSampleSchema.nullable()),
  /**
   * Copies a tfjs model folder (model.json + weights; preprocessing.json when it comes from a Sinapsis run) into
   * a new run, so Evaluación lists it and it can predict. `path` may also be a whole run folder (with `model/`).
   * A model without preprocessing.json needs `features` (what its input is) and `scaling` (how its inputs were
   * scaled in training), and may name its `classes`.
   */
  'model.import': method(
    z.object({
      path: z.string().min(1).max(4096),
      features: featureChoiceSchema.optional(),
      scaling: importScalingSchema.optional(),
      classes: z.array(z.string().min(1).max(200)).min(1).max(1000).optional(),
      name: z.string().min(1).max(200).optional(),
    }),
    modelImportResultSchema,
  ),
};

export const modelEvents = {};
