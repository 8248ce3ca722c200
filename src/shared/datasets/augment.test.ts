import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../didactic/seededRandom';
import { augmentationWarnings, augmentImage, NO_AUGMENTATION, type PixelImage } from './augment';

// A 5x5 grey image with one bright pixel left of centre.
function dot(): PixelImage {
  const pixels = new Uint8Array(25);
  pixels[2 * 5 + 1] = 255;
  return { width: 5, height: 5, channels: 1, pixels };
}

describe('augmentImage', () => {
  it('is the identity with no augmentation', () => {
    const image = dot();
    expect(Array.from(augmentImage(image, NO_AUGMENTATION, createSeededRandom(1)))).toEqual(Array.from(image.pixels));
  });

  it('mirrors left-right when flipping (over enough draws both outcomes occur)', () => {
    const random = createSeededRandom(3);
    const outcomes = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const out = augmentImage(dot(), { ...NO_AUGMENTATION, horizontalFlip: true }, random);
      outcomes.add(out.indexOf(255));
    }
    expect([...outcomes].sort((a, b) => a - b)).toEqual([11, 13]);
  });

  it('rotates by up to the given angle about the centre', () => {
    // With a 90-degree limit some draws move the dot off its row; the centre stays where it is.
    const image: PixelImage = { width: 5, height: 5, channels: 1, pixels: new Uint8Array(25) };
    image.pixels[12] = 200;
    const out = augmentImage(image, { ...NO_AUGMENTATION, rotationDegrees: 90 }, createSeededRandom(5));
    expect(out[12]).toBe(200);
  });

  it('is reproducible for a seed, and shift/zoom/noise change the pixels', () => {
    const options = { ...NO_AUGMENTATION, shiftFraction: 0.2, zoomFraction: 0.2, noiseStd: 0.05, brightness: 0.1, contrast: 0.2 };
    const a = augmentImage(dot(), options, createSeededRandom(9));
    expect(augmentImage(dot(), options, createSeededRandom(9))).toEqual(a);
    expect(Array.from(a)).not.toEqual(Array.from(dot().pixels));
  });

  it('keeps colour images interleaved', () => {
    const image: PixelImage = { width: 2, height: 1, channels: 3, pixels: Uint8Array.from([255, 0, 0, 0, 0, 255]) };
    expect(Array.from(augmentImage(image, { ...NO_AUGMENTATION, brightness: 0 }, createSeededRandom(1)))).toEqual([255, 0, 0, 0, 0, 255]);
  });
});

describe('augmentationWarnings', () => {
  it('warns about flips and large rotations for digit classes only', () => {
    const flip = { ...NO_AUGMENTATION, horizontalFlip: true, rotationDegrees: 45 };
    expect(augmentationWarnings(flip, ['0', '1', '6', '9'])).toEqual(['flip-digits', 'rotation-digits']);
    expect(augmentationWarnings({ ...NO_AUGMENTATION, rotationDegrees: 15 }, ['0', '1'])).toEqual([]);
    expect(augmentationWarnings(flip, ['cats', 'dogs'])).toEqual([]);
  });
});
