/**
 * A chain of convolution layers built by hand (UFRN exercise 2: "propor uma cadeia de convoluções para detectar este
 * padrão"). Each layer has one or more filters; a filter has one k x k slice per channel of the layer's input (the
 * grey or RGB picture for the first layer, the previous layer's maps after it), so from the second layer on the
 * filters are 3D, as in seed 004's "filtro de convolução 3D". A layer computes, for each filter,
 *
 *   map = pool( φ( Σ_channels crossCorrelation(channel, slice) + bias ) )
 *
 * with φ = ReLU or none and an optional 2x2 max pooling. Like CNN frameworks (PyTorch's `conv2d`, tfjs) and the
 * slides' worked example, the "convolution" is a cross-correlation: the filter is not flipped (a true convolution
 * rotates it 180°; OpenCV's `filter2D` is also a correlation). The tests compare with PyTorch and OpenCV.
 *
 * The chain is plain JSON (`ConvChain`), so the same object is edited, kept in the browser, exported and imported;
 * `parseConvChain` checks a file at the door and says what is wrong in it.
 */
import { z } from 'zod';
import { SinapsisError } from '../contract/errors';
import { assertNever } from '../assertNever';
import {
  type Matrix,
  PRESET_FILTERS,
  type PresetFilterName,
  SEED_004_SECOND_LAYER_FILTER,
  convolve2dChannels,
  matrixFromRows,
  matrixToRows,
  maxPool,
  reluMatrix,
} from './convolution';

/** Filter sides a layer may use (odd, so the filter has a centre cell). */
export const CHAIN_KERNEL_SIZES = [1, 3, 5, 7] as const;
export const CHAIN_ACTIVATIONS = ['relu', 'none'] as const;
export type ChainActivation = (typeof CHAIN_ACTIVATIONS)[number];
/** `max2`: 2x2 max pooling that drops an incomplete last row/column (PyTorch's default); `max2Partial` keeps them, as in class. */
export const CHAIN_POOLS = ['none', 'max2', 'max2Partial'] as const;
export type ChainPool = (typeof CHAIN_POOLS)[number];
/** The chain's input and its number of channels. */
export const CHAIN_INPUT_CHANNELS = { grey: 1, rgb: 3 } as const satisfies Record<string, number>;
export type ChainInput = keyof typeof CHAIN_INPUT_CHANNELS;
export const CHAIN_INPUTS = Object.keys(CHAIN_INPUT_CHANNELS) as ChainInput[];
/** Bounds that keep a hand-made chain instant to compute and its file small. */
export const CHAIN_LIMITS = { layers: 6, filtersPerLayer: 8, stride: 4, padding: 3, weight: 1e6 } as const;

const FORMAT = 'sinapsis-conv-chain';

const weightSchema = z.number().finite().min(-CHAIN_LIMITS.weight).max(CHAIN_LIMITS.weight);
const sliceSchema = z.array(z.array(weightSchema));
const filterSchema = z.strictObject({ bias: weightSchema, slices: z.array(sliceSchema).min(1) });
const layerSchema = z.strictObject({
  kernelSize: z
    .number()
    .int()
    .refine((k) => (CHAIN_KERNEL_SIZES as readonly number[]).includes(k)),
  stride: z.number().int().min(1).max(CHAIN_LIMITS.stride),
  padding: z.number().int().min(0).max(CHAIN_LIMITS.padding),
  activation: z.enum(CHAIN_ACTIVATIONS),
  pool: z.enum(CHAIN_POOLS),
  filters: z.array(filterSchema).min(1).max(CHAIN_LIMITS.filtersPerLayer),
});
export const convChainSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  input: z.enum(CHAIN_INPUTS as [ChainInput, ...ChainInput[]]),
  layers: z.array(layerSchema).min(1).max(CHAIN_LIMITS.layers),
});
export type ConvChain = z.infer<typeof convChainSchema>;
export type ChainLayer = ConvChain['layers'][number];
export type ChainFilter = ChainLayer['filters'][number];

/** What is wrong with a field of a chain file: the error code is `convChain.field.<problem>` (translated by the UI). */
export type ChainFieldProblem = 'missing' | 'notNumber' | 'outOfRange' | 'notAllowed' | 'tooFew' | 'tooMany' | 'unknownField' | 'wrongType';

/** `layers[1].filters[0].bias`: where the problem is, written as the file is. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** Whether the file has a value at `path` (zod does not keep the input in its issues). */
function present(json: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = json;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node !== undefined;
}

function problemOf(issue: z.core.$ZodIssue, json: unknown): ChainFieldProblem {
  if (issue.code !== 'unrecognized_keys' && !present(json, issue.path)) return 'missing';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'notNumber' : 'wrongType';
    case 'too_small':
      return issue.origin === 'array' ? 'tooFew' : 'outOfRange';
    case 'too_big':
      return issue.origin === 'array' ? 'tooMany' : 'outOfRange';
    case 'unrecognized_keys':
      return 'unknownField';
    default:
      return 'notAllowed';
  }
}

/**
 * A chain from a file's text (or from the browser's storage): JSON, then the schema, then the shapes (every slice k x k,
 * one slice per input channel). Throws a `SinapsisError` naming the field and what is wrong.
 */
export function parseConvChain(text: string): ConvChain {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SinapsisError('convChain.notJson', 'The file is not JSON. Export a chain from the convolution explorer to see the format.');
  }
  const parsed = convChainSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldPath(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path) || 'format';
    const problem = problemOf(issue, json);
    throw new SinapsisError(`convChain.field.${problem}`, `The field ${field} of the chain is wrong (${problem}): ${issue.message}.`, {
      field,
      maxLayers: CHAIN_LIMITS.layers,
      maxFilters: CHAIN_LIMITS.filtersPerLayer,
      maxStride: CHAIN_LIMITS.stride,
      maxPadding: CHAIN_LIMITS.padding,
    });
  }
  checkShapes(parsed.data);
  return parsed.data;
}

export function serializeConvChain(chain: ConvChain): string {
  return `${JSON.stringify(chain, null, 2)}\n`;
}

/** Channels entering each layer: the input's, then the previous layer's number of filters. */
export function layerInputChannels(chain: ConvChain): number[] {
  return chain.layers.map((_, i) => (i === 0 ? CHAIN_INPUT_CHANNELS[chain.input] : chain.layers[i - 1].filters.length));
}

function checkShapes(chain: ConvChain): void {
  const channels = layerInputChannels(chain);
  chain.layers.forEach((layer, l) => {
    layer.filters.forEach((filter, f) => {
      const where = { layer: l + 1, filter: f + 1 };
      if (filter.slices.length !== channels[l]) {
        throw new SinapsisError(
          'convChain.sliceCount',
          `Filter ${f + 1} of layer ${l + 1} has ${filter.slices.length} slices, but its input has ${channels[l]} channels: it needs one slice per channel.`,
          { ...where, expected: channels[l], got: filter.slices.length },
        );
      }
      filter.slices.forEach((slice, s) => {
        if (slice.length !== layer.kernelSize || slice.some((row) => row.length !== layer.kernelSize)) {
          throw new SinapsisError(
            'convChain.sliceSize',
            `Slice ${s + 1} of filter ${f + 1} of layer ${l + 1} is not ${layer.kernelSize} x ${layer.kernelSize} (the layer's kernelSize).`,
            { ...where, slice: s + 1, size: layer.kernelSize },
          );
        }
      });
    });
  });
}

// --- Computing ---------------------------------------------------------------------------------------------------

/** One filter of a layer on its input: the summed correlation plus bias, after φ, and after pooling (the map passed on). */
export interface ChainFilterResult {
  conv: Matrix;
  activated: Matrix;
  output: Matrix;
}
export interface ChainLayerResult {
  /** Size of the maps entering the layer. */
  inputRows: number;
  inputCols: number;
  inputChannels: number;
  filters: ChainFilterResult[];
}
export interface ChainRun {
  /** The layers computed, in order (all of them unless `failure`). */
  layers: ChainLayerResult[];
  /** The first layer whose geometry is impossible (0-based) and why (`conv.outputSize…`, translated by the UI). */
  failure: { layer: number; error: SinapsisError } | null;
}

function activate(m: Matrix, activation: ChainActivation): Matrix {
  switch (activation) {
    case 'relu':
      return reluMatrix(m);
    case 'none':
      return m;
    default:
      return assertNever(activation, 'activation');
  }
}

function pool(m: Matrix, kind: ChainPool): Matrix {
  switch (kind) {
    case 'none':
      return m;
    case 'max2':
      return maxPool(m, 2, false);
    case 'max2Partial':
      return maxPool(m, 2, true);
    default:
      return assertNever(kind, 'pool');
  }
}

/** One layer on its input channels: one result per filter. Throws `conv.*` errors when the window does not fit. */
export function applyChainLayer(channels: readonly Matrix[], layer: ChainLayer): ChainFilterResult[] {
  return layer.filters.map((filter) => {
    const correlated = convolve2dChannels(
      channels,
      filter.slices.map((slice) => matrixFromRows(slice)),
      { stride: layer.stride, padding: layer.padding },
    );
    const conv: Matrix = { ...correlated, values: correlated.values.map((v) => v + filter.bias) };
    const activated = activate(conv, layer.activation);
    const output = pool(activated, layer.pool);
    if (output.rows < 1 || output.cols < 1) {
      throw new SinapsisError('conv.poolTooSmall', 'The map is 1 x 1: 2x2 pooling without the partial windows leaves nothing.', {
        rows: activated.rows,
        cols: activated.cols,
      });
    }
    return { conv, activated, output };
  });
}

/** The chain on an input of one (grey) or three (RGB) channels, layer after layer. */
export function runChain(chain: ConvChain, input: readonly Matrix[]): ChainRun {
  const wanted = CHAIN_INPUT_CHANNELS[chain.input];
  if (input.length !== wanted) {
    throw new SinapsisError(
      'conv.channelMismatch',
      `The chain's input is ${chain.input} (${wanted} channels) but ${input.length} were given.`,
    );
  }
  const layers: ChainLayerResult[] = [];
  let channels: readonly Matrix[] = input;
  for (const [l, layer] of chain.layers.entries()) {
    try {
      const filters = applyChainLayer(channels, layer);
      layers.push({ inputRows: channels[0].rows, inputCols: channels[0].cols, inputChannels: channels.length, filters });
      channels = filters.map((f) => f.output);
    } catch (error) {
      if (error instanceof SinapsisError) return { layers, failure: { layer: l, error } };
      throw error;
    }
  }
  return { layers, failure: null };
}

// --- Editing (pure: each returns a new chain whose shapes fit) -------------------------------------------------------

/** Weights a preset writes are rounded to 4 decimals (1/9 -> 0.1111), as a student would type them and a cell shows them. */
const roundWeight = (v: number): number => Math.round(v * 1e4) / 1e4;

const zeroSlice = (k: number): number[][] => Array.from({ length: k }, () => new Array<number>(k).fill(0));

/** A preset filter centred in a k x k slice (zeros around it, weights to 4 decimals), or null when it is larger than k. */
export function presetSlice(name: PresetFilterName, k: number): number[][] | null {
  const preset = PRESET_FILTERS[name];
  if (preset.rows > k) return null;
  const offset = (k - preset.rows) / 2;
  const slice = zeroSlice(k);
  matrixToRows(preset).forEach((row, r) => row.forEach((v, c) => (slice[r + offset][c + offset] = roundWeight(v))));
  return slice;
}

/** A k x k slice made k' x k': centred, cut or surrounded by zeros, so a 3x3 filter stays itself inside a 5x5 one. */
function resizeSlice(slice: number[][], k: number): number[][] {
  const old = slice.length;
  const shift = (k - old) / 2;
  return Array.from({ length: k }, (_, r) => Array.from({ length: k }, (_, c) => slice[r - shift]?.[c - shift] ?? 0));
}

/**
 * A new filter for `channels` input channels: the identity on every slice divided by the channels, so it passes the
 * mean of its input on (the grey level of an RGB picture) until the student changes it.
 */
export function newChainFilter(k: number, channels: number): ChainFilter {
  const identity = presetSlice('identity', k) ?? zeroSlice(k);
  return { bias: 0, slices: Array.from({ length: channels }, () => identity.map((row) => row.map((v) => roundWeight(v / channels)))) };
}

/**
 * Makes every filter have one k x k slice per input channel: after a reorder, a new filter or another input, missing
 * slices are added as zeros and extra ones removed (the maps they read no longer exist).
 */
export function conformChain(chain: ConvChain): ConvChain {
  const layers: ChainLayer[] = [];
  let channels: number = CHAIN_INPUT_CHANNELS[chain.input];
  for (const layer of chain.layers) {
    const k = layer.kernelSize;
    const filters = layer.filters.map((filter) => ({
      bias: filter.bias,
      slices: Array.from({ length: channels }, (_, s) => (filter.slices[s] ? resizeSlice(filter.slices[s], k) : zeroSlice(k))),
    }));
    layers.push({ ...layer, filters });
    channels = filters.length;
  }
  return { ...chain, layers };
}

const withLayers = (chain: ConvChain, layers: ChainLayer[]): ConvChain => conformChain({ ...chain, layers });
const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] => items.map((x, i) => (i === index ? item : x));

export function setChainInput(chain: ConvChain, input: ChainInput): ConvChain {
  return conformChain({ ...chain, input });
}

/** A layer appended after the last: one 3x3 filter (padding 1 keeps the size), ReLU, no pooling. */
export function addChainLayer(chain: ConvChain): ConvChain {
  if (chain.layers.length >= CHAIN_LIMITS.layers) return chain;
  const channels = chain.layers[chain.layers.length - 1].filters.length;
  const layer: ChainLayer = {
    kernelSize: 3,
    stride: 1,
    padding: 1,
    activation: 'relu',
    pool: 'none',
    filters: [newChainFilter(3, channels)],
  };
  return withLayers(chain, [...chain.layers, layer]);
}

export function removeChainLayer(chain: ConvChain, index: number): ConvChain {
  if (chain.layers.length <= 1) return chain;
  return withLayers(
    chain,
    chain.layers.filter((_, i) => i !== index),
  );
}

/** Moves a layer one place up (-1) or down (+1); the filters keep their slices where the channels still exist. */
export function moveChainLayer(chain: ConvChain, index: number, delta: -1 | 1): ConvChain {
  const target = index + delta;
  if (target < 0 || target >= chain.layers.length) return chain;
  const layers = chain.layers.slice();
  [layers[index], layers[target]] = [layers[target], layers[index]];
  return withLayers(chain, layers);
}

/** Kernel size, stride, padding, activation or pooling of one layer. */
export function setChainLayerOptions(
  chain: ConvChain,
  index: number,
  options: Partial<Pick<ChainLayer, 'kernelSize' | 'stride' | 'padding' | 'activation' | 'pool'>>,
): ConvChain {
  return withLayers(chain, replaceAt(chain.layers, index, { ...chain.layers[index], ...options }));
}

export function addChainFilter(chain: ConvChain, layer: number): ConvChain {
  const current = chain.layers[layer];
  if (current.filters.length >= CHAIN_LIMITS.filtersPerLayer) return chain;
  const channels = layerInputChannels(chain)[layer];
  return withLayers(
    chain,
    replaceAt(chain.layers, layer, { ...current, filters: [...current.filters, newChainFilter(current.kernelSize, channels)] }),
  );
}

export function removeChainFilter(chain: ConvChain, layer: number, filter: number): ConvChain {
  const current = chain.layers[layer];
  if (current.filters.length <= 1) return chain;
  return withLayers(chain, replaceAt(chain.layers, layer, { ...current, filters: current.filters.filter((_, f) => f !== filter) }));
}

function setFilter(chain: ConvChain, layer: number, filter: number, change: (f: ChainFilter) => ChainFilter): ConvChain {
  const current = chain.layers[layer];
  return withLayers(
    chain,
    replaceAt(chain.layers, layer, { ...current, filters: replaceAt(current.filters, filter, change(current.filters[filter])) }),
  );
}

export function setChainBias(chain: ConvChain, layer: number, filter: number, bias: number): ConvChain {
  return setFilter(chain, layer, filter, (f) => ({ ...f, bias }));
}

/** One weight of one slice; `index` is row * k + column, as the matrix tables number their cells. */
export function setChainWeight(chain: ConvChain, layer: number, filter: number, slice: number, index: number, value: number): ConvChain {
  const k = chain.layers[layer].kernelSize;
  return setFilter(chain, layer, filter, (f) => ({
    ...f,
    slices: f.slices.map((s, i) => (i === slice ? s.map((row, r) => row.map((v, c) => (r * k + c === index ? value : v))) : s)),
  }));
}

/** A preset (Sobel, Laplacian, blur…) written into one slice; a preset larger than the layer's filters is ignored. */
export function applyChainPreset(chain: ConvChain, layer: number, filter: number, slice: number, name: PresetFilterName): ConvChain {
  const values = presetSlice(name, chain.layers[layer].kernelSize);
  if (!values) return chain;
  return setFilter(chain, layer, filter, (f) => ({ ...f, slices: replaceAt(f.slices, slice, values) }));
}

/**
 * Seed 004's "cat ear" detector as a chain: filters 1 and 2 (padding 1, ReLU, 2x2 max pooling with the partial
 * windows, as on the slides), then the 3D filter of the second layer (padding 1, no activation).
 */
export function classChain(): ConvChain {
  return {
    format: FORMAT,
    version: 1,
    input: 'grey',
    layers: [
      {
        kernelSize: 3,
        stride: 1,
        padding: 1,
        activation: 'relu',
        pool: 'max2Partial',
        filters: (['diagonalRising', 'diagonalFalling'] as const).map((name) => ({
          bias: 0,
          slices: [matrixToRows(PRESET_FILTERS[name])],
        })),
      },
      {
        kernelSize: 3,
        stride: 1,
        padding: 1,
        activation: 'none',
        pool: 'none',
        filters: [{ bias: 0, slices: SEED_004_SECOND_LAYER_FILTER.map(matrixToRows) }],
      },
    ],
  };
}
