import { SinapsisError } from '../../../shared/contract/errors';
import { colorModeSchema, resizeModeSchema, type ColorMode, type ResizeMode } from '../../../shared/features/pixelOptions';
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

/**
 * The feature details of raw pixels, written once here for training runs and imported models. `grayscale` is kept
 * (true for one channel) because runs written before colour existed have it and readers of those files know it.
 */
export function pixelDetails(input: PixelDetailsInput): Record<string, unknown> {
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

/** The pixel layout a run recorded; runs from before colour (no `channels`) were grey and stretched. */
export function pixelLayoutFromDetails(details: Record<string, unknown>): PixelLayout & { size: { width: number; height: number } } {
  const { width, height } = details;
  if (typeof width !== 'number' || typeof height !== 'number' || !Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new SinapsisError('inference-features-unknown', "The run's pixel size cannot be read (width, height); train the run again.", { field: 'width' });
  }
  const channels = details.channels === undefined ? 1 : details.channels;
  if (channels !== 1 && channels !== 3) {
    throw new SinapsisError('inference-features-unknown', "The run's pixel channels cannot be read (channels must be 1 or 3); train the run again.", { field: 'channels' });
  }
  const resizeMode = resizeModeSchema.safeParse(details.resizeMode ?? 'stretch');
  if (!resizeMode.success) throw new SinapsisError('inference-features-unknown', "The run's resize mode cannot be read (resizeMode); train the run again.", { field: 'resizeMode' });
  return { size: { width, height }, channels, resizeMode: resizeMode.data };
}

/** The colour mode a run was trained with (`grayscale` for runs from before colour). */
export function colorModeFromDetails(details: Record<string, unknown>): ColorMode {
  const parsed = colorModeSchema.safeParse(details.colorMode);
  return parsed.success ? parsed.data : 'grayscale';
}
