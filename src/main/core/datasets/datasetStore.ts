import { randomUUID } from 'node:crypto';
import { SinapsisError } from '../../../shared/contract';
import type { StoredDataset } from './datasetTypes';

/**
 * Loaded datasets, by id, kept in the core so later steps (HOG, training) use them without sending pixels
 * back and forth. Only the most recent few are kept: each can hold hundreds of megabytes of pixels.
 */
export class DatasetStore {
  private readonly datasets = new Map<string, StoredDataset>();

  constructor(private readonly capacity = 4) {}

  static newId(): string {
    return randomUUID();
  }

  put(dataset: StoredDataset): void {
    this.datasets.delete(dataset.id);
    this.datasets.set(dataset.id, dataset);
    while (this.datasets.size > this.capacity) {
      const oldest = this.datasets.keys().next().value;
      if (oldest === undefined) break;
      this.datasets.delete(oldest);
    }
  }

  get<K extends StoredDataset['kind']>(id: string, ...kinds: K[]): Extract<StoredDataset, { kind: K }> {
    const dataset = this.datasets.get(id);
    if (!dataset) {
      throw new SinapsisError('dataset-not-loaded', `No dataset with id "${id}" is loaded (it may have been replaced by newer ones). Open it again.`, { datasetId: id });
    }
    if (kinds.length && !kinds.includes(dataset.kind as K)) {
      throw new SinapsisError('dataset-wrong-kind', `Dataset "${id}" is a ${dataset.kind} dataset; this operation needs ${kinds.join(' or ')}.`, { datasetId: id, kind: dataset.kind });
    }
    return dataset as Extract<StoredDataset, { kind: K }>;
  }

  delete(id: string): boolean {
    return this.datasets.delete(id);
  }

  get size(): number {
    return this.datasets.size;
  }
}

/** The one store of this core process, shared by every door's connections. */
export const datasetStore = new DatasetStore();
