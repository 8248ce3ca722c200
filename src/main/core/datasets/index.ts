/**
 * What later steps (features, training, runs) use from the datasets area: the loaded data by id, without
 * the pixels ever crossing the contract. A run records `summary.fingerprint` and `lastSplit` (seed, method
 * and indices) so that it can be reproduced.
 */
import type { ImageDataset, TableDataset } from './datasetTypes';
import { datasetStore } from './datasetStore';

export type { ImageDataset, StoredImage, TableDataset } from './datasetTypes';
export { labelsOf } from './datasetTypes';

/** The image dataset loaded under `datasetId`; throws a `SinapsisError` the UI can show if it is gone or not images. */
export function getImageDataset(datasetId: string): ImageDataset {
  return datasetStore.get(datasetId, 'images');
}

/** The numeric table loaded under `datasetId` (a CSV with its target chosen, Wine, or a generated set). */
export function getTableDataset(datasetId: string): TableDataset {
  return datasetStore.get(datasetId, 'table');
}

/** Either kind, for steps that accept both (splits, runs). */
export function getDataset(datasetId: string): ImageDataset | TableDataset {
  return datasetStore.get(datasetId, 'images', 'table');
}
