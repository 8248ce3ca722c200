import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { methods } from '../../../shared/contract';
import { experimentRequestSchema } from '../../../shared/contract/experiment';
import { EDITED_FIELDS, fieldIssueParams, numberFieldPatterns, numberRangeAt } from '../../../shared/contract/fieldIssues';
import { LOCALES } from '../i18n/messages';
import { translator } from '../i18n/translator.testdata';
import { describeRange, invalidFieldMessage } from './fieldMessages';

/** One valid request with every kind of field the UI edits: each layer type, HOG, early stopping, augmentation. */
const hogRequest = {
  taskId: 't',
  datasetId: 'd',
  features: {
    kind: 'hog',
    pipeline: { resize: { width: 12, height: 24 }, params: { orientations: 8, pixelsPerCell: [4, 4], cellsPerBlock: [2, 2] } },
  },
  split: { method: 'train-val-test', train: 0.7, validation: 0.15, test: 0.15, folds: 5 },
  misclassifiedSample: 24,
  model: {
    name: 'm',
    seed: 1,
    inputShape: [28, 28, 1],
    layers: [
      {
        type: 'conv2d',
        filters: 4,
        kernelSize: [3, 3],
        strides: [1, 1],
        dilation: [1, 1],
        activation: { kind: 'leakyRelu', alpha: 0.1 },
        initializer: { method: 'glorotUniform', scale: 1 },
      },
      { type: 'maxPool', poolSize: [2, 2], strides: [2, 2] },
      { type: 'batchNorm', momentum: 0.9, epsilon: 0.001 },
      { type: 'flatten' },
      { type: 'dense', units: 8, activation: 'relu' },
      { type: 'dropout', rate: 0.2 },
      { type: 'output', units: 10, activation: 'softmax' },
    ],
  },
  training: { learningRate: 0.1, momentum: 0.5, epochs: 10, batchSize: 32, l2: 0, seed: 1, earlyStopping: { patience: 3, minDelta: 0 } },
  augmentation: {
    copies: 2,
    options: { rotationDegrees: 10, shiftFraction: 0.1, zoomFraction: 0.1, brightness: 0.1, contrast: 0.1, noiseStd: 0.1 },
  },
};
const pixelsRequest = { ...hogRequest, features: { kind: 'pixels', resize: { width: 20, height: 20 }, keepShape: true } };

/** A concrete path of `pattern` in `request`: each `*` the first index whose element has the rest of the path. */
function concretePath(request: unknown, pattern: string[]): (string | number)[] | null {
  if (pattern.length === 0) return [];
  const [head, ...rest] = pattern;
  if (typeof request !== 'object' || request === null) return null;
  if (head !== '*') {
    if (!(head in request)) return null;
    const below = concretePath((request as Record<string, unknown>)[head], rest);
    return below && [head, ...below];
  }
  const items = request as unknown[];
  if (!Array.isArray(items)) return null;
  for (let i = 0; i < items.length; i++) {
    const below = concretePath(items[i], rest);
    if (below) return [i, ...below];
  }
  return null;
}

function withValue(request: unknown, path: (string | number)[], value: number): unknown {
  const copy = structuredClone(request) as Record<string | number, unknown>;
  let node = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/**
 * Valid requests of every method in EDITED_FIELDS, holding each of its fields (a field is tried in the first sample
 * that has it): experiment.run with HOG and with pixels, the Datos requests, model.import with HOG and with pixels.
 */
const SAMPLES: Record<keyof typeof EDITED_FIELDS, unknown[]> = {
  'experiment.run': [hogRequest, pixelsRequest],
  'dataset.builtin': [{ taskId: 't', id: 'blobs', options: { seed: 1, samples: 400, noise: 0.1, classes: 3 } }],
  'dataset.split': [{ datasetId: 'd', method: 'train-val-test', train: 0.7, validation: 0.15, test: 0.15, folds: 5, seed: 42 }],
  'dataset.augmentPreview': [{ datasetId: 'd', index: 0, options: hogRequest.augmentation.options, count: 12, seed: 42, size: 64 }],
  'model.import': [
    { path: '/modelo', features: hogRequest.features },
    {
      path: '/modelo',
      features: { kind: 'pixels', resize: { width: 20, height: 20 } },
      scaling: { kind: 'standard', mean: [0.5, 0.5], std: [1, 2] },
    },
    { path: '/modelo', features: { kind: 'columns' }, scaling: { kind: 'minmax', min: [0, -1], range: [1, 2] } },
  ],
};
type EditedMethod = keyof typeof EDITED_FIELDS;
const CASES = (Object.entries(EDITED_FIELDS) as [EditedMethod, Record<string, string>][]).flatMap(([method, table]) =>
  Object.entries(table).map(([pattern, labelKey]) => [`${method} ${pattern}`, method, pattern, labelKey] as const),
);

describe('validation messages for every contract field the UI edits', () => {
  it.each(Object.keys(SAMPLES))('%s: every number field of its request has a label', (method) => {
    const schema = methods[method as EditedMethod].request as z.ZodType;
    const listed = Object.keys(EDITED_FIELDS[method as EditedMethod]);
    const unlisted = numberFieldPatterns(schema).filter((pattern) => !listed.includes(pattern));
    expect(unlisted).toEqual([]);
  });

  it.each(CASES)('%s: label, value and allowed range in es, pt and en; no zod text, no method name', (_name, method, pattern, labelKey) => {
    const schema = methods[method].request as z.ZodType;
    const range = numberRangeAt(schema, pattern);
    expect(range, `${pattern} is not a number field of ${method}`).not.toBeNull();
    const base = SAMPLES[method].find((sample: unknown) => concretePath(sample, pattern.split('.')) !== null);
    expect(base, `${pattern} is missing from the sample requests`).toBeDefined();
    expect(schema.safeParse(base).success).toBe(true);
    const path = concretePath(base, pattern.split('.'));
    if (range!.min === undefined && range!.max === undefined) {
      // Any finite number is allowed (a feature's mean): nothing is out of range, the label must still exist.
      for (const locale of LOCALES) expect(translator(locale)(`fields.label.${labelKey}`)).not.toBe('');
      return;
    }
    const bad = range!.max !== undefined ? range!.max + (range!.maxExclusive ? 0 : 1) : range!.min! - 1;
    const payload = withValue(base, path!, bad);
    const parsed = schema.safeParse(payload);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0];
    expect(issue.path.join('.')).toBe(path!.join('.'));
    const params = { method, ...fieldIssueParams(issue, payload, schema) };
    for (const locale of LOCALES) {
      const t = translator(locale);
      const text = invalidFieldMessage(t, locale, params as unknown as Record<string, string | number>)!;
      expect(text).toContain(t(`fields.label.${labelKey}`));
      expect(text).toContain(describeRange(t, locale, range!));
      expect(text).not.toMatch(
        /Too (big|small)|expected|Invalid input|experiment\.run|dataset\.|model\.import|training\.|model\.layers|options\./,
      );
      if (locale !== 'en' && !Number.isInteger(bad)) expect(text).toContain(String(bad).replace('.', ','));
    }
  });

  it('η = 1000 reads as a teacher would write it; a layer field names its layer', () => {
    const payload = withValue(hogRequest, ['training', 'learningRate'], 1000);
    const issue = experimentRequestSchema.safeParse(payload).error!.issues[0];
    const params = { method: 'experiment.run', ...fieldIssueParams(issue, payload, experimentRequestSchema) } as unknown as Record<
      string,
      string | number
    >;
    expect(invalidFieldMessage(translator('es'), 'es', params)).toBe(
      'Tasa de aprendizaje (η): 1000 no está permitido; se permite mayor que 0 y hasta 100. Corrígelo y vuelve a intentarlo.',
    );
    expect(invalidFieldMessage(translator('en'), 'en', params)).toBe(
      'Learning rate (η): 1,000 is not allowed; allowed: above 0 and up to 100. Correct it and try again.',
    );
    const units = withValue(hogRequest, ['model', 'layers', 4, 'units'], 0);
    const unitsIssue = experimentRequestSchema.safeParse(units).error!.issues[0];
    const unitsParams = { method: 'experiment.run', ...fieldIssueParams(unitsIssue, units, experimentRequestSchema) } as unknown as Record<
      string,
      string | number
    >;
    expect(invalidFieldMessage(translator('pt'), 'pt', unitsParams)).toBe(
      'Neurônios (camada 5): 0 não é permitido; permitido: um número inteiro de 1 a 100.000. Corrija e tente de novo.',
    );
  });
});
