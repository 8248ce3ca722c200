import type { CsvInspection, ImageSummary, TableSummary } from '../../../shared/contract/datasets';

/** One loaded image: pixels stay in the core as 8-bit typed arrays; the UI only ever gets thumbnails. */
export interface StoredImage {
  /** Relative path inside the opened folder, `/`-separated. */
  file: string;
  /** Class index into `ImageDataset.classNames`. */
  label: number;
  width: number;
  height: number;
  channels: 1 | 3;
  /** Row-major, channels interleaved. */
  pixels: Uint8Array;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
}

export interface ImageDataset {
  kind: 'images';
  id: string;
  root: string;
  classNames: string[];
  images: StoredImage[];
  summary: ImageSummary;
}

/** A numeric table ready for training: `features` is row-major rows x featureNames.length. */
export interface TableDataset {
  kind: 'table';
  id: string;
  featureNames: string[];
  features: Float64Array;
  rows: number;
  /** Class indices (classification) or values (regression). */
  targets: Float64Array;
  classNames: string[];
  summary: TableSummary;
}

/** A parsed CSV waiting for the student to choose its target column. */
export interface CsvDraft {
  kind: 'csv';
  id: string;
  path: string;
  name: string;
  header: string[];
  /** Data rows as text (header excluded), all of the same length. */
  cells: string[][];
  /** 1-based line number in the file of each data row, for error messages. */
  lineNumbers: number[];
  inspection: CsvInspection;
}

export type StoredDataset = ImageDataset | TableDataset | CsvDraft;

/** Class labels of a dataset for stratified splits, or null for regression tables. */
export function labelsOf(dataset: ImageDataset | TableDataset): Int32Array | null {
  if (dataset.kind === 'images') return Int32Array.from(dataset.images, (image) => image.label);
  return dataset.summary.task === 'classification' ? Int32Array.from(dataset.targets) : null;
}
