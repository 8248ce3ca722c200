import type * as tf from '@tensorflow/tfjs';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SinapsisError } from '../../../shared/contract/errors';
import { loadModel, MODEL_JSON } from '../models/modelIO';
import { RUN_FILES } from '../runs/runFolder';
import { readPreprocessing, type PreprocessingFile } from './preprocessingFile';

/** A run ready to predict: its tfjs model in memory and what a sample goes through before it. */
export interface RunModel {
  dir: string;
  model: tf.LayersModel;
  preprocessing: PreprocessingFile;
  /** The model's input without the batch dimension, e.g. [320] or [28, 28, 1]. */
  inputShape: number[];
  /** Values of the output layer (classes, or 1 for one sigmoid / a regression). */
  outputWidth: number;
}

function definedShape(shape: readonly (number | null)[], what: string, dir: string): number[] {
  const rest = shape.slice(1);
  if (rest.some((size) => size === null || size < 1)) {
    throw new SinapsisError(
      'model-shape-unknown',
      `The model in ${dir} has no fixed ${what} shape (${JSON.stringify(shape)}); Sinapsis needs one to predict.`,
      { path: dir },
    );
  }
  return rest as number[];
}

export const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Loads the model and preprocessing of a run folder and checks that they fit each other. */
export async function loadRunModel(dir: string): Promise<RunModel> {
  const modelDir = join(dir, RUN_FILES.model);
  // A bare model folder (model.json right here): no run around it says which features and scaling it takes.
  if (existsSync(join(dir, MODEL_JSON)) && !existsSync(join(dir, RUN_FILES.preprocessing))) {
    throw new SinapsisError(
      'run-bare-model',
      `${dir} is a model folder, not a run: it has no ${RUN_FILES.preprocessing}, so nothing says which features and which scaling the model was trained with, and its predictions depend on them. Import it first (Evaluación, "Importar modelo"), saying its input and its scaling, or give the run folder it came from.`,
      { path: dir },
    );
  }
  if (!existsSync(join(modelDir, MODEL_JSON))) {
    throw new SinapsisError(
      'run-no-model',
      `${modelDir} has no ${MODEL_JSON}: the run ended before a model was saved. Train it again to predict with it.`,
      { path: modelDir },
    );
  }
  const preprocessing = await readPreprocessing(dir);
  let model: tf.LayersModel;
  try {
    model = await loadModel(modelDir);
  } catch (error) {
    if (error instanceof SinapsisError) throw error;
    throw new SinapsisError(
      'model-unreadable',
      `Cannot read ${join(modelDir, MODEL_JSON)}: ${error instanceof Error ? error.message : String(error)}. Is this a saved model folder?`,
      {
        path: modelDir,
      },
    );
  }
  try {
    const inputShape = definedShape(model.inputs[0].shape, 'input', modelDir);
    const outputShape = definedShape(model.outputs[0].shape, 'output', modelDir);
    if (product(inputShape) !== preprocessing.features.length) {
      throw new SinapsisError(
        'inference-input-mismatch',
        `The model expects ${product(inputShape)} inputs (${inputShape.join('×')}) but the run's features have ${preprocessing.features.length}; its files do not belong together.`,
        { model: inputShape.join('×'), features: preprocessing.features.length },
      );
    }
    return { dir, model, preprocessing, inputShape, outputWidth: product(outputShape) };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

interface Entry {
  /** model.json's modification time when loaded: a re-written model is loaded again. */
  stamp: number;
  loading: Promise<RunModel>;
  users: number;
  evicted: boolean;
}

function stampOf(dir: string): number {
  try {
    return statSync(join(dir, RUN_FILES.model, MODEL_JSON)).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * The last few runs asked to predict, kept loaded: a student trying image after image must not wait for the model
 * to be read every time. The least recently used run is evicted and its model disposed (tfjs memory is not freed
 * by the garbage collector), but only once no request is still using it.
 */
export class RunModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity = 3,
    private readonly load: (dir: string) => Promise<RunModel> = loadRunModel,
  ) {}

  /** Runs `use` with the run's loaded model; the model stays alive until `use` has finished. */
  async with<T>(dir: string, use: (run: RunModel) => T | Promise<T>): Promise<T> {
    const entry = this.acquire(dir);
    entry.users += 1;
    try {
      return await use(await entry.loading);
    } finally {
      entry.users -= 1;
      if (entry.evicted && entry.users === 0) void this.release(entry);
    }
  }

  /** Folders currently kept, least recently used first. */
  get keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Disposes every model no request is using (the rest when their requests end). */
  clear(): void {
    for (const dir of [...this.entries.keys()]) this.evict(dir);
  }

  private acquire(dir: string): Entry {
    const stamp = stampOf(dir);
    const existing = this.entries.get(dir);
    if (existing && existing.stamp === stamp) {
      this.entries.delete(dir);
      this.entries.set(dir, existing);
      return existing;
    }
    if (existing) this.evict(dir);
    const entry: Entry = { stamp, loading: this.load(dir), users: 0, evicted: false };
    // A failed load is not kept: the next request tries again (e.g. after the run finished writing).
    entry.loading.catch(() => {
      if (this.entries.get(dir) === entry) this.entries.delete(dir);
    });
    this.entries.set(dir, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.evict(oldest);
    }
    return entry;
  }

  private evict(dir: string): void {
    const entry = this.entries.get(dir);
    if (!entry) return;
    this.entries.delete(dir);
    entry.evicted = true;
    if (entry.users === 0) void this.release(entry);
  }

  private async release(entry: Entry): Promise<void> {
    try {
      (await entry.loading).model.dispose();
    } catch {
      // Nothing was loaded.
    }
  }
}
