import type { HogPipeline, HogPreview } from '../../../shared/contract/features';
import { shrinkToFit } from '../datasets/images/thumbnail';
import { hog } from './hog';
import { hogPicture, pictureToGray } from './hogPicture';
import type { PixelImage } from './pixelImage';
import { prepareImage } from './prepareImage';

/** The input is shown for orientation only; a large photo is shrunk so the preview message stays small. */
const INPUT_PREVIEW_SIZE = 256;

function pixelsOut(image: PixelImage) {
  return { width: image.width, height: image.height, channels: image.channels, data: Array.from(image.data) };
}

/** HOG of one image with everything the Características view draws. */
export function previewHog(image: PixelImage, pipeline: HogPipeline): HogPreview {
  const prepared = prepareImage(image, pipeline);
  const result = hog(prepared, pipeline.params);
  const picture = pictureToGray(hogPicture(result.cellHistograms, prepared.height, prepared.width, pipeline.params, result.geometry));
  const shown = shrinkToFit({ ...image, pixels: image.data }, INPUT_PREVIEW_SIZE);
  const { geometry } = result;
  return {
    length: geometry.length,
    cells: { rows: geometry.cellRows, columns: geometry.cellColumns },
    blocks: { rows: geometry.blockRows, columns: geometry.blockColumns },
    unusedPixels: { rows: geometry.unusedRows, columns: geometry.unusedColumns },
    input: { width: shown.width, height: shown.height, channels: image.channels, data: Array.from(shown.pixels) },
    prepared: pixelsOut(prepared),
    picture: { width: prepared.width, height: prepared.height, channels: 1, data: Array.from(picture) },
    vector: Array.from(result.vector),
    cellHistograms: Array.from(result.cellHistograms),
  };
}
