import { randomUUID } from 'node:crypto';
import { SinapsisError } from '../../../shared/contract';
import type { HogPipeline } from '../../../shared/contract/features';

/**
 * Extracted feature vectors kept in the core for training: a row-major matrix of `rows` x `length`, one row per
 * image that succeeded, with that image's name and (for a loaded dataset) its class.
 */
export interface FeatureSet {
  id: string;
  kind: 'hog';
  pipeline: HogPipeline;
  length: number;
  rows: number;
  matrix: Float64Array;
  /** File (relative path or given path) of each row. */
  names: string[];
  /** Class index per row, when the images came from a loaded dataset. */
  labels: Int32Array | null;
  classNames: string[] | null;
  datasetId: string | null;
}

/** Keeps the most recent feature sets; older ones are dropped so repeated extractions do not grow memory forever. */
export class FeatureSetStore {
  private readonly sets = new Map<string, FeatureSet>();

  constructor(private readonly capacity = 8) {}

  static newId(): string {
    return `hog-${randomUUID().slice(0, 8)}`;
  }

  put(set: FeatureSet): void {
    this.sets.delete(set.id);
    this.sets.set(set.id, set);
    while (this.sets.size > this.capacity) this.sets.delete(this.sets.keys().next().value as string);
  }

  get(id: string): FeatureSet {
    const set = this.sets.get(id);
    if (!set)
      throw new SinapsisError(
        'feature-set-unknown',
        `No extracted features with id "${id}" (they are kept for the ${this.capacity} most recent extractions). Run the extraction again.`,
        { id },
      );
    return set;
  }
}
