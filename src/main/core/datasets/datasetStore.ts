import { randomUUID } from 'node:crypto';
import { SinapsisError } from '../../../shared/contract';
import type { StoredDataset } from './datasetTypes';

/** Bytes a loaded dataset holds (pixels, numbers, CSV text), what a workspace's memory budget counts. */
export function datasetBytes(dataset: StoredDataset): number {
  switch (dataset.kind) {
    case 'images':
      return dataset.images.reduce((sum, image) => sum + image.pixels.byteLength, 0);
    case 'table':
      return dataset.features.byteLength + dataset.targets.byteLength;
    case 'csv':
      // Two bytes per UTF-16 character plus a string header each: an estimate, but of the right size.
      return dataset.cells.reduce((sum, row) => sum + row.reduce((rowSum, cell) => rowSum + 2 * cell.length + 16, 0), 0);
  }
}

export function memoryFull(neededBytes: number, budgetBytes: number): SinapsisError {
  const mb = (bytes: number) => Math.max(1, Math.round(bytes / 1024 ** 2));
  return new SinapsisError(
    'workspace-memory-full',
    `This dataset needs ${mb(neededBytes)} MB of memory and your workspace may hold ${mb(budgetBytes)} MB of loaded datasets on this server. Use fewer or smaller images (a smaller resize, a subset of the folder), or ask your teacher to raise the limit.`,
    { neededMb: mb(neededBytes), limitMb: mb(budgetBytes) },
  );
}

/**
 * Loaded datasets, by id, kept in the core so later steps (HOG, training) use them without sending pixels
 * back and forth. Only the most recent few are kept, and at most `budgetBytes` of them (a lab server gives each
 * workspace a budget so one student's loads cannot take the memory of the class): older ones are dropped first,
 * and a dataset larger than the whole budget is refused with a message saying so.
 */
export class DatasetStore {
  private readonly datasets = new Map<string, StoredDataset>();

  constructor(
    private readonly capacity = 4,
    readonly budgetBytes = Number.POSITIVE_INFINITY,
  ) {}

  /** Refuses a dataset of `bytes` that could never fit, before a caller builds it (or right after loading). */
  checkFits(bytes: number): void {
    if (bytes > this.budgetBytes) throw memoryFull(bytes, this.budgetBytes);
  }

  /** Bytes held now. */
  get bytes(): number {
    let total = 0;
    for (const dataset of this.datasets.values()) total += datasetBytes(dataset);
    return total;
  }

  static newId(): string {
    return randomUUID();
  }

  put(dataset: StoredDataset): void {
    this.checkFits(datasetBytes(dataset));
    this.datasets.delete(dataset.id);
    this.datasets.set(dataset.id, dataset);
    while (this.datasets.size > this.capacity || (this.datasets.size > 1 && this.bytes > this.budgetBytes)) {
      const oldest = this.datasets.keys().next().value;
      if (oldest === undefined) break;
      this.datasets.delete(oldest);
    }
  }

  get<K extends StoredDataset['kind']>(id: string, ...kinds: K[]): Extract<StoredDataset, { kind: K }> {
    const dataset = this.datasets.get(id);
    if (!dataset) {
      throw new SinapsisError(
        'dataset-not-loaded',
        `No dataset with id "${id}" is loaded (it may have been replaced by newer ones). Open it again.`,
        { datasetId: id },
      );
    }
    if (kinds.length && !kinds.includes(dataset.kind as K)) {
      throw new SinapsisError(
        'dataset-wrong-kind',
        `Dataset "${id}" is a ${dataset.kind} dataset; this operation needs ${kinds.join(' or ')}.`,
        { datasetId: id, kind: dataset.kind },
      );
    }
    return dataset as Extract<StoredDataset, { kind: K }>;
  }

  get size(): number {
    return this.datasets.size;
  }

  clear(): void {
    this.datasets.clear();
  }
}
