import { SinapsisError } from '../../../shared/contract/errors';
import type { FeatureChoice } from '../../../shared/contract/experiment';
import { DIAGRAM_ROW_VALUES, type DiagramSample } from '../../../shared/models/diagramSample';
import { hog } from '../features/hog';
import { prepareImage } from '../features/prepareImage';
import type { ImageDataset, TableDataset } from './datasetTypes';
import { pngDataUrl, shrinkToFit } from './images/thumbnail';

/** Side of the sample image drawn in the diagram (the diagram enlarges it with square pixels). */
const SAMPLE_SIDE = 64;

/**
 * The real sample the model diagram draws as its input (see shared/models/diagramSample.ts): sample `index` of the
 * dataset as the chosen features see it, the image for raw pixels, its HOG cells for HOG, the first values of a
 * table row. Used by `model.diagramSample` (Modelo) and by the experiment for a run's diagram-sample.json (report).
 */
export function diagramSampleOf(dataset: ImageDataset | TableDataset, features: FeatureChoice, index = 0): DiagramSample | null {
  if (dataset.kind === 'table') {
    if (dataset.rows === 0) return null;
    const columns = dataset.featureNames.length;
    const row = Math.min(index, dataset.rows - 1);
    const shown = Math.min(columns, DIAGRAM_ROW_VALUES);
    return {
      kind: 'row',
      values: Array.from(dataset.features.subarray(row * columns, row * columns + shown)),
      names: dataset.featureNames.slice(0, shown),
      length: columns,
    };
  }
  const stored = dataset.images[Math.min(index, dataset.images.length - 1)];
  if (!stored) return null;
  if (features.kind === 'hog') {
    const prepared = prepareImage(
      { width: stored.width, height: stored.height, channels: stored.channels, data: stored.pixels },
      features.pipeline,
    );
    let result: ReturnType<typeof hog>;
    try {
      result = hog(prepared, features.pipeline.params);
    } catch (error) {
      // An image too small for the HOG settings: Características says why; the diagram draws no sample.
      if (error instanceof SinapsisError) return null;
      throw error;
    }
    const { cellHistograms, geometry } = result;
    return {
      kind: 'hog',
      histograms: Array.from(cellHistograms),
      cellRows: geometry.cellRows,
      cellColumns: geometry.cellColumns,
      orientations: features.pipeline.params.orientations,
      file: stored.file,
    };
  }
  const small = shrinkToFit(stored, SAMPLE_SIDE);
  return {
    kind: 'image',
    src: pngDataUrl(small.width, small.height, stored.channels, small.pixels),
    width: small.width,
    height: small.height,
    file: stored.file,
  };
}
