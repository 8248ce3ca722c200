import type { HogPipeline } from '../../../shared/contract/features';
import { toGray } from './grayscale';
import type { PixelImage } from './pixelImage';
import { resizeImage } from './resize';

/**
 * The lab pipeline before HOG: grayscale (cv2.cvtColor) then resize (cv2.resize), in that order, as the
 * course notebooks do (`cv2.resize(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), (12, 24))`).
 */
export function prepareImage(image: PixelImage, pipeline: Pick<HogPipeline, 'grayscale' | 'resize' | 'interpolation'>): PixelImage {
  const grey = pipeline.grayscale ? toGray(image) : image;
  if (!pipeline.resize) return grey;
  return resizeImage(grey, pipeline.resize.width, pipeline.resize.height, pipeline.interpolation);
}
