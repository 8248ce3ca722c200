/**
 * A small in-memory table: what the built-in generators produce and what the renderer's labs plot.
 * `targets` holds class indices (0..classNames.length-1) for classification, or values for regression.
 */
export interface TabularData {
  name: string;
  featureNames: string[];
  /** One row per sample. */
  features: number[][];
  targets: number[];
  task: 'classification' | 'regression';
  /** Class names in label order; the logic gates use "-1" and "1" with the bipolar encoding. */
  classNames: string[];
}
