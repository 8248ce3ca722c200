import { SinapsisError } from '../../shared/contract';
import { blockNormSchema, hogPipelineSchema, LAB_HOG_PARAMS, LAB_RESIZE, type HogPipeline } from '../../shared/contract/features';
import { intOption } from './args';

/** "4" -> [4, 4]; "6x4" -> [6, 4] (rows x columns, skimage's order). */
function pairOption(name: string, value: string | undefined, fallback: [number, number]): [number, number] {
  if (value === undefined) return fallback;
  const match = /^(\d+)(?:x(\d+))?$/i.exec(value.trim());
  const pair: [number, number] | null = match ? [Number(match[1]), Number(match[2] ?? match[1])] : null;
  if (!pair || pair.some((n) => n < 1 || n > 512)) {
    throw new SinapsisError(
      'bad-arguments',
      `--${name} must be N or HxW with whole numbers from 1 to 512 (rows x columns, as skimage), got "${value}".`,
    );
  }
  return pair;
}

/** "12x24" -> width 12, height 24 (cv2.resize's (width, height) order); "none" keeps the image size. */
export function resizeOption(value: string | undefined, fallback: HogPipeline['resize'] = { ...LAB_RESIZE }): HogPipeline['resize'] {
  if (value === undefined) return fallback;
  if (value.trim().toLowerCase() === 'none') return null;
  const match = /^(\d+)x(\d+)$/i.exec(value.trim());
  const size = match ? { width: Number(match[1]), height: Number(match[2]) } : null;
  if (!size || size.width < 1 || size.height < 1 || size.width > 2048 || size.height > 2048) {
    throw new SinapsisError(
      'bad-arguments',
      `--resize must be WxH (width x height, like cv2.resize) from 1 to 2048, or "none"; got "${value}".`,
    );
  }
  return size;
}

/** The HOG settings a command line gives (flags of `sinapsis hog`, or the keys of `sinapsis train --hog`). */
export interface HogOptionValues {
  resize?: string;
  interpolation?: string;
  orientations?: string;
  cell?: string;
  block?: string;
  norm?: string;
  sqrt?: boolean;
  color?: boolean;
}

/** The lab setting (12x24, 8 orientations, 4x4 cells, 2x2 blocks, L2-Hys) changed where the options say so. */
export function hogPipelineFrom(values: HogOptionValues): HogPipeline {
  const norm = blockNormSchema.safeParse(values.norm ?? LAB_HOG_PARAMS.blockNorm);
  if (!norm.success) throw new SinapsisError('bad-arguments', `--norm must be L2-Hys, L2, L1 or L1-sqrt; got "${String(values.norm)}".`);
  const interpolation = values.interpolation ?? 'linear';
  if (interpolation !== 'linear' && interpolation !== 'area')
    throw new SinapsisError('bad-arguments', `--interpolation must be linear or area; got "${interpolation}".`);
  return hogPipelineSchema.parse({
    grayscale: !values.color,
    resize: resizeOption(values.resize),
    interpolation,
    params: {
      orientations: intOption('orientations', values.orientations, LAB_HOG_PARAMS.orientations, 1, 36),
      pixelsPerCell: pairOption('cell', values.cell, LAB_HOG_PARAMS.pixelsPerCell),
      cellsPerBlock: pairOption('block', values.block, LAB_HOG_PARAMS.cellsPerBlock),
      blockNorm: norm.data,
      transformSqrt: Boolean(values.sqrt),
    },
  });
}

const HOG_KEYS = ['resize', 'interpolation', 'orientations', 'cell', 'block', 'norm', 'sqrt', 'color'] as const;

/** `--hog "resize=12x24,orientations=8,cell=4,block=2,norm=L2-Hys"`; `sqrt` and `color` stand alone as switches. */
export function parseHogSpec(text: string): HogPipeline {
  const values: HogOptionValues = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, ...rest] = part.split('=');
    const name = key.trim() as (typeof HOG_KEYS)[number];
    if (!HOG_KEYS.includes(name)) {
      throw new SinapsisError(
        'bad-arguments',
        `--hog: unknown setting "${key}". Use ${HOG_KEYS.join(', ')}, e.g. --hog "resize=12x24,orientations=8,cell=4,block=2,norm=L2-Hys".`,
      );
    }
    const value = rest.join('=').trim();
    if (name === 'sqrt' || name === 'color') values[name] = value === '' || value === 'true' || value === '1';
    else if (value === '')
      throw new SinapsisError(
        'bad-arguments',
        `--hog: "${name}" needs a value, e.g. ${name}=${name === 'resize' ? '12x24' : name === 'norm' ? 'L2-Hys' : '4'}.`,
      );
    else values[name] = value;
  }
  return hogPipelineFrom(values);
}
