import { describe, expect, it } from 'vitest';
import { featureChoiceSchema } from '../contract/experiment';
import { LAB_HOG_PARAMS } from '../contract/features';
import { runFeaturesSchema } from '../contract/runs';
import { featureChoiceOfRun } from './runFeatureChoice';

describe('featureChoiceOfRun', () => {
  it('gives back the HOG pipeline a run recorded (resize as [width, height])', () => {
    const recorded = runFeaturesSchema.parse({
      kind: 'hog',
      length: 320,
      details: { ...LAB_HOG_PARAMS, resize: [12, 24], grayscale: true, interpolation: 'linear', length: 320 },
    });
    const choice = featureChoiceSchema.parse(featureChoiceOfRun(recorded));
    expect(choice).toEqual({
      kind: 'hog',
      pipeline: { grayscale: true, resize: { width: 12, height: 24 }, interpolation: 'linear', params: LAB_HOG_PARAMS },
    });
  });

  it('keeps "no resize" for HOG on each image’s own size', () => {
    const recorded = runFeaturesSchema.parse({
      kind: 'hog',
      length: 36,
      details: { ...LAB_HOG_PARAMS, orientations: 9, resize: null, grayscale: false, interpolation: 'area', length: 36 },
    });
    const choice = featureChoiceOfRun(recorded);
    expect(choice.kind === 'hog' && choice.pipeline.resize).toBeNull();
    expect(choice.kind === 'hog' && choice.pipeline.params.orientations).toBe(9);
    expect(choice.kind === 'hog' && choice.pipeline.grayscale).toBe(false);
  });

  it('asks raw pixels at the size and colour the run brought its images to, flattened', () => {
    const recorded = runFeaturesSchema.parse({
      kind: 'pixels',
      length: 28 * 28 * 3,
      details: {
        width: 28,
        height: 28,
        channels: 3,
        colorMode: 'rgb',
        resizeMode: 'crop',
        grayscale: false,
        scale: '1/255',
        shape: 'image',
        length: 28 * 28 * 3,
      },
    });
    expect(featureChoiceSchema.parse(featureChoiceOfRun(recorded))).toEqual({
      kind: 'pixels',
      resize: { width: 28, height: 28 },
      keepShape: false,
      colorMode: 'rgb',
      resizeMode: 'crop',
    });
  });

  it('maps a table run to its columns', () => {
    const recorded = runFeaturesSchema.parse({ kind: 'columns', length: 2, details: { columns: ['x1', 'x2'] } });
    expect(featureChoiceOfRun(recorded)).toEqual({ kind: 'columns' });
  });
});
