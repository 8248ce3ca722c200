import { join } from 'node:path';
import type { BuiltinId } from '../../../shared/contract/datasets';
import { logicGate } from '../../../shared/datasets/logicGates';
import type { TabularData } from '../../../shared/datasets/tabularData';
import { blobs, circles, spirals, xorQuadrants } from '../../../shared/datasets/toy2d';
import { resourcesDir } from './resourcesDir';

export interface BuiltinInfo {
  id: BuiltinId;
  kind: 'images' | 'table';
  generated: boolean;
  licence: string | null;
}

/** The embedded datasets, in the order the Datos view lists them. */
export const builtins: BuiltinInfo[] = [
  { id: 'digits', kind: 'images', generated: false, licence: 'Apache-2.0 (OpenCV sample data, a subset of MNIST)' },
  { id: 'wine', kind: 'table', generated: false, licence: 'CC BY 4.0 (UCI Machine Learning Repository)' },
  { id: 'xor', kind: 'table', generated: true, licence: null },
  { id: 'and', kind: 'table', generated: true, licence: null },
  { id: 'or', kind: 'table', generated: true, licence: null },
  { id: 'circles', kind: 'table', generated: true, licence: null },
  { id: 'spirals', kind: 'table', generated: true, licence: null },
  { id: 'blobs', kind: 'table', generated: true, licence: null },
  { id: 'xor-quadrants', kind: 'table', generated: true, licence: null },
];

/** The folder of the bundled datasets: always readable, also on a lab server. */
export const builtinDatasetsDir = (): string => join(resourcesDir(), 'datasets');

export const builtinPaths = {
  digits: () => join(resourcesDir(), 'datasets', 'digits-opencv'),
  wine: () => join(resourcesDir(), 'datasets', 'wine', 'wine.csv'),
};

export interface GeneratorOptions {
  seed: number;
  samples: number;
  noise: number;
  encoding: 'binary' | 'bipolar';
  classes: number;
}

/** Runs the generator behind a generated built-in. */
export function generateBuiltin(id: Exclude<BuiltinId, 'digits' | 'wine'>, options: GeneratorOptions): TabularData {
  const toy = { samples: options.samples, noise: options.noise, seed: options.seed };
  switch (id) {
    case 'xor':
    case 'and':
    case 'or':
      return logicGate(id, options.encoding);
    case 'circles':
      return circles(toy);
    case 'spirals':
      return spirals(toy);
    case 'blobs':
      return blobs({ ...toy, classes: options.classes });
    case 'xor-quadrants':
      return xorQuadrants(toy);
  }
}
