import { pngDataUrl, shrinkToFit } from '../datasets/images/thumbnail';
import type { ImageDataset } from '../datasets/datasetTypes';
import type { RunMetrics } from '../../../shared/contract/runs';

const THUMBNAIL_SIZE = 64;

/** Sample index -> PNG data URL of each misclassified image (the gallery of the report). */
export function misclassifiedThumbnails(dataset: ImageDataset, misclassified: RunMetrics['misclassified']): Record<string, string> {
  const byFile = new Map(dataset.images.map((image) => [image.file, image]));
  const thumbnails: Record<string, string> = {};
  for (const item of misclassified) {
    const image = item.file ? byFile.get(item.file) : undefined;
    if (!image) continue;
    const small = shrinkToFit(image, THUMBNAIL_SIZE);
    thumbnails[String(item.index)] = pngDataUrl(small.width, small.height, image.channels, small.pixels);
  }
  return thumbnails;
}
