import type { PixelFeatureDetails } from '../../../shared/contract/runs';
import type { ColorMode, ResizeMode } from '../../../shared/features/pixelOptions';
import type { PixelLayout } from './pixelFeatures';

/** What a run records about raw-pixel features (config.json `features.details`, preprocessing.json, the report). */
export interface PixelDetailsInput {
  width: number;
  height: number;
  channels: 1 | 3;
  colorMode: ColorMode;
  resizeMode: ResizeMode;
  keepShape: boolean;
}

/** The feature details of raw pixels, written once here for training runs and imported models. */
export function pixelDetails(input: PixelDetailsInput): PixelFeatureDetails {
  const { width, height, channels, colorMode, resizeMode, keepShape } = input;
  return {
    width,
    height,
    channels,
    colorMode,
    resizeMode,
    grayscale: channels === 1,
    scale: '1/255',
    shape: keepShape ? 'image' : 'vector',
    length: width * height * channels,
  };
}

/** The pixel layout a run recorded (runs from before colour read as grey and stretched: see the contract's upgrade). */
export function pixelLayoutFromDetails(details: PixelFeatureDetails): PixelLayout & { size: { width: number; height: number } } {
  return { size: { width: details.width, height: details.height }, channels: details.channels, resizeMode: details.resizeMode };
}
