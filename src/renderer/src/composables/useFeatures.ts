import { reactive, ref, shallowRef, watch, type Ref } from 'vue';
import type { RequestOf } from '../../../shared/contract';
import {
  hogPipelineSchema,
  LAB_HOG_PARAMS,
  LAB_RESIZE,
  type HogExtractResult,
  type HogPipeline,
  type HogPreview,
  type HogProgressEvent,
} from '../../../shared/contract/features';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';
import { newTaskId } from '../../../shared/contract/newTaskId';

export type HogPreviewSource = RequestOf<'hog.preview'>['source'];

// Module-level state: the pipeline chosen here is the one later steps (training) should use for this window.
// Deep copies: the sliders edit these arrays in place, and the schema's defaults must never change.
const labPipeline = (): HogPipeline =>
  JSON.parse(JSON.stringify(hogPipelineSchema.parse({ resize: { ...LAB_RESIZE }, params: LAB_HOG_PARAMS }))) as HogPipeline;
const pipeline = reactive<HogPipeline>(labPipeline());
const source: Ref<HogPreviewSource | null> = shallowRef(null);
const preview: Ref<HogPreview | null> = shallowRef(null);
const previewError = ref<string | null>(null);
const previewing = ref(false);
const extraction: Ref<HogExtractResult | null> = shallowRef(null);
const progress: Ref<HogProgressEvent | null> = shallowRef(null);
const extracting = ref(false);
const extractError = ref<string | null>(null);
let previewSequence = 0;
let currentTask = '';

/** Back to the course's lab setting: grey 12x24 (bilinear), 8 bins, 4x4 cells, 2x2 blocks, L2-Hys. */
export function resetToLab(): void {
  Object.assign(pipeline, labPipeline());
}

/** The pipeline as plain data (the reactive proxy is not what the contract client should serialise). */
export function currentPipeline(): HogPipeline {
  return JSON.parse(JSON.stringify(pipeline)) as HogPipeline;
}

/**
 * The Características step's contract calls: a debounced `hog.preview` whenever the image or a parameter
 * changes (stale answers are dropped), and `hog.extract` over the loaded dataset with progress and cancel.
 */
export function useFeatures() {
  const client = useClient();
  const describe = useErrorMessage();

  async function refreshPreview(): Promise<void> {
    const current = source.value;
    const sequence = ++previewSequence;
    if (!current) {
      preview.value = null;
      previewError.value = null;
      return;
    }
    previewing.value = true;
    try {
      const result = await client.call('hog.preview', { source: current, pipeline: currentPipeline() });
      if (sequence !== previewSequence) return;
      preview.value = result;
      previewError.value = null;
    } catch (failure) {
      if (sequence !== previewSequence) return;
      preview.value = null;
      previewError.value = describe(failure);
    } finally {
      if (sequence === previewSequence) previewing.value = false;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Starts watching the image and parameters; returns the function that stops it. */
  function watchPreview(): () => void {
    const stop = watch(
      [source, () => JSON.stringify(pipeline)],
      () => {
        clearTimeout(timer);
        // Sliders fire on every step; one request per pause keeps the core and the canvas responsive.
        timer = setTimeout(() => void refreshPreview(), 120);
      },
      { immediate: true },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }

  async function extract(datasetId: string): Promise<void> {
    // One extraction at a time: a second would start a second task over the same images.
    if (extracting.value) return;
    currentTask = newTaskId('hog');
    extracting.value = true;
    extractError.value = null;
    extraction.value = null;
    progress.value = null;
    try {
      extraction.value = await client.call('hog.extract', {
        taskId: currentTask,
        source: { kind: 'dataset', datasetId },
        pipeline: currentPipeline(),
      });
    } catch (failure) {
      extractError.value = describe(failure);
    } finally {
      extracting.value = false;
    }
  }

  async function cancel(): Promise<void> {
    if (currentTask) await client.call('task.cancel', { taskId: currentTask });
  }

  /** Subscribes to `hog.progress` of this window's extraction; returns the unsubscribe function. */
  function listenToProgress(): () => void {
    return client.on('hog.progress', (event) => {
      if (event.taskId === currentTask) progress.value = event;
    });
  }

  return {
    pipeline,
    source,
    preview,
    previewError,
    previewing,
    extraction,
    progress,
    extracting,
    extractError,
    watchPreview,
    extract,
    cancel,
    listenToProgress,
  };
}

/** Largest side sent for an opened file: the preview is interactive, and a 12-megapixel photo would be a 36 MB message. */
const MAX_SIDE = 1024;

/** Decodes an image file in the browser into 8-bit pixels (grey when every pixel has R = G = B). */
export async function decodeImageFile(file: Blob): Promise<{ width: number; height: number; channels: 1 | 3; data: number[] }> {
  return (await decodeImageFileWithin(file, MAX_SIDE)).image;
}

/** The same, shrunk to at most `maxSide` pixels per side, with the file's own size (to say that it was shrunk). */
export async function decodeImageFileWithin(
  file: Blob,
  maxSide: number,
): Promise<{ image: { width: number; height: number; channels: 1 | 3; data: number[] }; sourceWidth: number; sourceHeight: number }> {
  const bitmap = await createImageBitmap(file);
  const sourceWidth = bitmap.width;
  const sourceHeight = bitmap.height;
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2D context unavailable');
  // Transparent areas become white paper, as the core's decoder does.
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { image: fromRgba(context.getImageData(0, 0, width, height)), sourceWidth, sourceHeight };
}

export function fromRgba(image: { width: number; height: number; data: Uint8ClampedArray }): {
  width: number;
  height: number;
  channels: 1 | 3;
  data: number[];
} {
  const { width, height, data } = image;
  let grey = true;
  for (let i = 0; i < data.length && grey; i += 4) grey = data[i] === data[i + 1] && data[i] === data[i + 2];
  const channels: 1 | 3 = grey ? 1 : 3;
  const out = new Array<number>(width * height * channels);
  for (let p = 0; p < width * height; p++) for (let c = 0; c < channels; c++) out[p * channels + c] = data[p * 4 + c];
  return { width, height, channels, data: out };
}

/** A sample to play with before any dataset is loaded: a dark "3" on light paper, like the course's digits. */
export function sampleDigit(): { width: number; height: number; channels: 1 | 3; data: number[] } {
  const width = 48;
  const height = 96;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2D context unavailable');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = 'black';
  context.lineWidth = 7;
  context.lineCap = 'round';
  // Drawn with strokes rather than a font so it looks the same on every machine.
  context.beginPath();
  context.moveTo(10, 18);
  context.bezierCurveTo(16, 4, 40, 4, 38, 24);
  context.bezierCurveTo(37, 38, 26, 44, 18, 46);
  context.bezierCurveTo(34, 46, 42, 58, 40, 72);
  context.bezierCurveTo(37, 92, 12, 92, 8, 78);
  context.stroke();
  return fromRgba(context.getImageData(0, 0, width, height));
}
