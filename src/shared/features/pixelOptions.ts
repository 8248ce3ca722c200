import { z } from 'zod';

/**
 * How raw-pixel features treat colour, the one list UI, CLI, core and report share:
 * - `auto`: RGB when any image of the dataset has colour (a pixel whose red, green and blue differ), grey otherwise,
 *   as every peer does by default (Keras `image_dataset_from_directory`, torchvision `ImageFolder`, Teachable Machine);
 * - `rgb`: three channels always (a grey image gets its grey level in all three);
 * - `grayscale`: one channel, OpenCV's luma (`cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)`), the course notebooks' choice.
 */
export const COLOR_MODES = ['auto', 'rgb', 'grayscale'] as const;
export const colorModeSchema = z.enum(COLOR_MODES);
export type ColorMode = z.infer<typeof colorModeSchema>;

/**
 * How an image reaches the chosen W×H when its aspect differs:
 * - `stretch`: `cv2.resize` to W×H, the aspect is not kept (the course's way, and the default);
 * - `crop`: the largest centred region of the W×H aspect, then resized (Keras `crop_to_aspect_ratio`);
 * - `pad`: resized to fit inside W×H keeping the aspect, the rest filled with the image's border colour (letterbox).
 */
export const RESIZE_MODES = ['stretch', 'crop', 'pad'] as const;
export const resizeModeSchema = z.enum(RESIZE_MODES);
export type ResizeMode = z.infer<typeof resizeModeSchema>;

/** Channels of the pixel features: 3 or 1, from the colour mode and how many images of the dataset have colour. */
export function pixelChannels(mode: ColorMode, colourImages: number): 1 | 3 {
  if (mode === 'rgb') return 3;
  if (mode === 'grayscale') return 1;
  return colourImages > 0 ? 3 : 1;
}

/** Pixel sizes offered for W×H: the largest side a student may ask for (the contract's bound too). */
export const MAX_PIXEL_SIDE = 512;

/**
 * A W×H suggestion for raw-pixel features from the dataset's median size: the median itself when small, otherwise
 * scaled so the longer side is `longSide` (CNNs on a laptop train in minutes at 32–64 pixels), aspect kept.
 */
export function suggestPixelSize(median: { width: number; height: number }, longSide = 32): { width: number; height: number } {
  const { width, height } = median;
  if (width <= 0 || height <= 0) return { width: longSide, height: longSide };
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** What Datos says about colour: no colour at all, all in colour, or a mix (and what `auto` will then do). */
export type ColourMix = 'grey' | 'colour' | 'mixed';

export function colourMix(channels: { colour: number }, total: number): ColourMix {
  if (channels.colour === 0) return 'grey';
  return channels.colour === total ? 'colour' : 'mixed';
}
