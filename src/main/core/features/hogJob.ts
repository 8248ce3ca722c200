import type { HogFailureCode, HogFailureParams, HogPipeline } from '../../../shared/contract/features';
import { SinapsisError } from '../../../shared/contract';
import { inspectImageFile } from '../datasets/images/inspectImageFile';
import { hog } from './hog';
import { packResults, unpackItems, type PackedItems, type PackedResults } from './hogBatchPacking';
import type { PixelImage } from './pixelImage';
import { prepareImage } from './prepareImage';

/**
 * One image to turn into a HOG vector, as sent to a worker thread: either still-encoded file bytes (the
 * worker decodes them, which is most of the work) or pixels already decoded by the dataset loader.
 */
export type HogJobItem = { index: number; name: string; bytes: Uint8Array } | { index: number; name: string; image: PixelImage };

/** Why an image has no vector: English `reason` for the CLI, `reasonKey` + `params` for the UI's languages. */
export interface HogFailure {
  code: HogFailureCode;
  reason: string;
  reasonKey: string;
  params?: HogFailureParams;
}

export type HogJobResult = { index: number; ok: true; vector: Float64Array } | ({ index: number; ok: false } & HogFailure);

export interface HogJob {
  jobId: number;
  pipeline: HogPipeline;
  items: PackedItems;
}

export interface HogJobReply {
  jobId: number;
  results: PackedResults;
}

/** The too-small error's sizes (width, height, minWidth, minHeight), for the translated reason. */
function numericParams(params: Record<string, unknown> | undefined): HogFailureParams | undefined {
  if (!params) return undefined;
  const numbers = Object.entries(params).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  return numbers.length > 0 ? Object.fromEntries(numbers) : undefined;
}

/** Decodes (if needed), prepares and describes one image; bad input becomes a reason, never an exception. */
export function computeHogItem(item: HogJobItem, pipeline: HogPipeline): HogJobResult {
  let image: PixelImage;
  if ('bytes' in item) {
    const inspection = inspectImageFile(item.name, item.bytes);
    if (!inspection.ok) {
      const { code, reason, text } = inspection;
      return {
        index: item.index,
        ok: false,
        code,
        reason,
        reasonKey: `data.problems.why.${text.key}`,
        ...(text.params ? { params: text.params } : {}),
      };
    }
    image = inspection.image;
  } else {
    image = item.image;
  }
  if (image.width === 0 || image.height === 0) {
    return {
      index: item.index,
      ok: false,
      code: 'too-small',
      reason: 'the image has no pixels (zero width or height)',
      reasonKey: 'features.extract.reason.no-pixels',
    };
  }
  try {
    return { index: item.index, ok: true, vector: hog(prepareImage(image, pipeline), pipeline.params).vector };
  } catch (error) {
    if (error instanceof SinapsisError) {
      return {
        index: item.index,
        ok: false,
        code: 'too-small',
        reason: error.message,
        reasonKey: 'features.extract.reason.too-small',
        params: numericParams(error.params),
      };
    }
    throw error;
  }
}

/** A worker's whole job: unpack the batch, describe every image, pack the vectors for transfer back. */
export function runHogJob(job: HogJob): { reply: HogJobReply; transfer: ArrayBuffer[] } {
  const results = unpackItems(job.items).map((item) => computeHogItem(item, job.pipeline));
  const { packed, transfer } = packResults(results);
  return { reply: { jobId: job.jobId, results: packed }, transfer };
}
