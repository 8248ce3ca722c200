import type { z } from 'zod';
import type { NumberRange, RangeProblem } from '../i18n/parseNumber';

/**
 * Every request field a person types in the UI, by its path in the request (`*`: any array index), with the key of
 * its label (`fields.label.<key>` in the renderer's locales). An invalid value that reaches the door is then shown as
 * "«Tasa de aprendizaje (η)»: 1000 no está permitido; se permite mayor que 0 y hasta 100", never as zod's text.
 * `fieldIssues.test.ts` walks every entry against the contract's schemas, so a renamed field fails a test.
 */
export const EDITED_FIELDS = {
  'experiment.run': {
    'training.learningRate': 'learningRate',
    'training.momentum': 'momentum',
    'training.epochs': 'epochs',
    'training.batchSize': 'batchSize',
    'training.l2': 'l2',
    'training.seed': 'seed',
    'training.earlyStopping.patience': 'patience',
    'training.earlyStopping.minDelta': 'minDelta',
    'split.train': 'splitTrain',
    'split.validation': 'splitValidation',
    'split.test': 'splitTest',
    'split.folds': 'folds',
    'model.inputShape.*': 'inputSize',
    'model.layers.*.units': 'units',
    'model.layers.*.filters': 'filters',
    'model.layers.*.kernelSize': 'kernelSize',
    'model.layers.*.kernelSize.*': 'kernelSize',
    'model.layers.*.strides': 'strides',
    'model.layers.*.strides.*': 'strides',
    'model.layers.*.dilation': 'dilation',
    'model.layers.*.dilation.*': 'dilation',
    'model.seed': 'seed',
    misclassifiedSample: 'misclassifiedSample',
    'model.layers.*.poolSize': 'poolSize',
    'model.layers.*.poolSize.*': 'poolSize',
    'model.layers.*.rate': 'dropoutRate',
    'model.layers.*.momentum': 'batchNormMomentum',
    'model.layers.*.epsilon': 'batchNormEpsilon',
    'model.layers.*.initializer.scale': 'initScale',
    'model.layers.*.activation.alpha': 'alpha',
    'features.pipeline.resize.width': 'width',
    'features.pipeline.resize.height': 'height',
    'features.pipeline.params.orientations': 'orientations',
    'features.pipeline.params.pixelsPerCell.*': 'pixelsPerCell',
    'features.pipeline.params.cellsPerBlock.*': 'cellsPerBlock',
    'features.resize.width': 'width',
    'features.resize.height': 'height',
    'augmentation.copies': 'augmentCopies',
    'augmentation.options.rotationDegrees': 'augmentRotation',
    'augmentation.options.shiftFraction': 'augmentShift',
    'augmentation.options.zoomFraction': 'augmentZoom',
    'augmentation.options.brightness': 'augmentBrightness',
    'augmentation.options.contrast': 'augmentContrast',
    'augmentation.options.noiseStd': 'augmentNoise',
  },
  // Datos: a generated set, the split preview and the augmentation preview.
  'dataset.builtin': {
    'options.seed': 'seed',
    'options.samples': 'samples',
    'options.noise': 'noise',
    'options.classes': 'classes',
  },
  'dataset.split': {
    train: 'splitTrain',
    validation: 'splitValidation',
    test: 'splitTest',
    folds: 'folds',
    seed: 'seed',
  },
  'dataset.augmentPreview': {
    index: 'previewImage',
    'options.rotationDegrees': 'augmentRotation',
    'options.shiftFraction': 'augmentShift',
    'options.zoomFraction': 'augmentZoom',
    'options.brightness': 'augmentBrightness',
    'options.contrast': 'augmentContrast',
    'options.noiseStd': 'augmentNoise',
    count: 'previewCount',
    seed: 'seed',
    size: 'previewSize',
  },
  // Evaluación: what an imported model's input is.
  'model.import': {
    'features.pipeline.resize.width': 'width',
    'features.pipeline.resize.height': 'height',
    'features.pipeline.params.orientations': 'orientations',
    'features.pipeline.params.pixelsPerCell.*': 'pixelsPerCell',
    'features.pipeline.params.cellsPerBlock.*': 'cellsPerBlock',
    'features.resize.width': 'width',
    'features.resize.height': 'height',
    'scaling.mean.*': 'scaleMean',
    'scaling.std.*': 'scaleStd',
    'scaling.min.*': 'scaleMin',
    'scaling.range.*': 'scaleRange',
  },
} as const satisfies Record<string, Record<string, string>>;

type EditedFields = typeof EDITED_FIELDS;
/** Every label key of every method's table. */
export type FieldLabelKey = { [M in keyof EditedFields]: EditedFields[M][keyof EditedFields[M]] }[keyof EditedFields];

/** `model.layers.2.units` -> `model.layers.*.units`: the pattern `EDITED_FIELDS` lists. */
export function fieldPattern(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? '*' : String(part))).join('.');
}

/** The label key of `path` in `method`'s request, or null for a field the UI does not edit. */
export function fieldLabelKey(method: string, path: string): FieldLabelKey | null {
  const table = (EDITED_FIELDS as Record<string, Record<string, FieldLabelKey>>)[method];
  return table?.[path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*')] ?? null;
}

/** A failed field as the door reports it in `invalid-request` params (everything but zod's English text). */
export interface FieldIssueParams {
  field: string;
  problem: RangeProblem | 'invalid';
  /** The first layer index in the path, counted from 1 ("capa 3"), when the field belongs to a layer. */
  layer?: number;
  min?: number;
  max?: number;
  /** 1 when `min` itself is not allowed (a learning rate must be above 0); `maxExclusive` likewise. */
  minExclusive?: number;
  maxExclusive?: number;
  /** 1 when only whole numbers are allowed. */
  integer?: number;
  value?: number;
}

function valueAt(payload: unknown, path: readonly PropertyKey[]): unknown {
  let value = payload;
  for (const part of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

/**
 * What a zod issue of `schema` says about the field, as plain params the UI translates with the field's label:
 * the problem, the value sent and the field's whole allowed range (read from the schema, not only the bound broken).
 */
export function fieldIssueParams(issue: z.core.$ZodIssue, payload: unknown, schema: z.ZodType): FieldIssueParams {
  const field = issue.path.map(String).join('.');
  const params: FieldIssueParams = { field, problem: 'invalid' };
  const layerAt = issue.path.indexOf('layers');
  if (layerAt >= 0 && typeof issue.path[layerAt + 1] === 'number') params.layer = (issue.path[layerAt + 1] as number) + 1;
  const value = valueAt(payload, issue.path);
  if (typeof value === 'number') params.value = value;
  const range = numberRangeAt(schema, field);
  if (range) {
    if (range.min !== undefined) params.min = range.min;
    if (range.max !== undefined) params.max = range.max;
    if (range.minExclusive) params.minExclusive = 1;
    if (range.maxExclusive) params.maxExclusive = 1;
    if (range.integer) params.integer = 1;
  }
  if (issue.code === 'too_big') params.problem = 'too-big';
  else if (issue.code === 'too_small') params.problem = 'too-small';
  else if (issue.code === 'invalid_type' && issue.expected === 'int') params.problem = 'not-integer';
  else if (issue.code === 'invalid_type' && issue.expected === 'number') params.problem = 'not-a-number';
  return params;
}

/** The allowed range a `FieldIssueParams` names, for the same sentence the number fields show. */
export function issueRange(params: FieldIssueParams): NumberRange {
  return {
    min: params.min,
    max: params.max,
    minExclusive: params.minExclusive === 1,
    maxExclusive: params.maxExclusive === 1,
    integer: params.integer === 1,
  };
}

/** Zod's internals as far as this file reads them (the public types do not expose `def` in a walkable form). */
interface SchemaDef {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  items?: ZodLike[];
  options?: ZodLike[];
  checks?: { _zod: { def: { check: string; value?: number; inclusive?: boolean; format?: string } } }[];
}
interface ZodLike {
  _zod: { def: SchemaDef };
}

/** The number schema at `path` in `schema` (defaults, optionals, nullables and unions looked through), or null. */
function numberSchemaAt(schema: ZodLike, path: readonly string[]): ZodLike | null {
  const def = schema._zod.def;
  if (def.innerType) return numberSchemaAt(def.innerType, path);
  if (def.type === 'pipe' && def.in) return numberSchemaAt(def.in, path);
  if (def.type === 'union' && def.options) {
    for (const option of def.options) {
      const found = numberSchemaAt(option, path);
      if (found) return found;
    }
    return null;
  }
  if (path.length === 0) return def.type === 'number' ? schema : null;
  const [head, ...rest] = path;
  if (def.type === 'object' && def.shape && head in def.shape) return numberSchemaAt(def.shape[head], rest);
  if (def.type === 'array' && def.element && /^\d+$|^\*$/.test(head)) return numberSchemaAt(def.element, rest);
  if (def.type === 'tuple' && def.items && /^\d+$|^\*$/.test(head))
    return numberSchemaAt(def.items[head === '*' ? 0 : Number(head)] ?? def.items[0], rest);
  return null;
}

/**
 * Every number field of `schema`, written as EDITED_FIELDS writes paths (`*` for an array's or a tuple's elements):
 * what the test walks so that no number of a request the UI sends is left without a label.
 */
export function numberFieldPatterns(schema: z.ZodType): string[] {
  const found = new Set<string>();
  const walk = (node: ZodLike, path: string[]): void => {
    const def = node._zod.def;
    if (def.innerType) return walk(def.innerType, path);
    if (def.type === 'pipe' && def.in) return walk(def.in, path);
    if (def.type === 'union' && def.options) return def.options.forEach((option) => walk(option, path));
    if (def.type === 'number') found.add(path.join('.'));
    if (def.type === 'object' && def.shape) for (const [key, value] of Object.entries(def.shape)) walk(value, [...path, key]);
    if (def.type === 'array' && def.element) walk(def.element, [...path, '*']);
    if (def.type === 'tuple' && def.items) def.items.forEach((item) => walk(item, [...path, '*']));
  };
  walk(schema as unknown as ZodLike, []);
  return [...found];
}

/**
 * The allowed values of the number at `path` (`training.learningRate`, `model.layers.*.units`) as the contract's
 * schema defines them: the one source of the ranges the number fields show and the validation messages cite.
 */
export function numberRangeAt(schema: z.ZodType, path: string): NumberRange | null {
  // The walk reads zod's definition objects, which its public types keep opaque.
  const leaf = numberSchemaAt(schema as unknown as ZodLike, path.split('.'));
  if (!leaf) return null;
  const range: NumberRange = {};
  for (const check of leaf._zod.def.checks ?? []) {
    const { check: kind, value, inclusive, format } = check._zod.def;
    if (kind === 'greater_than' && value !== undefined) Object.assign(range, { min: value, minExclusive: inclusive === false });
    if (kind === 'less_than' && value !== undefined) Object.assign(range, { max: value, maxExclusive: inclusive === false });
    if (kind === 'number_format' && (format === 'safeint' || format === 'int32' || format === 'uint32')) range.integer = true;
  }
  return range;
}
