import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue';
import {
  CAPTURE_SIDE,
  cameraProblem,
  captureProblem,
  centreSquare,
  DEFAULT_CAPTURE_RATE,
  photoPath,
  type CameraProblem,
} from './cameraDataset';
import { useUpload } from './useUpload';

/** One class being recorded: its name, its photos (JPEG blobs) and the last one to show. */
export interface CapturedClass {
  id: number;
  name: string;
  photos: Blob[];
  lastUrl: string | null;
}

function jpegOf(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
}

/**
 * Webcam capture as in Teachable Machine: the student names the classes, holds a button to record photos of one
 * class at a chosen rate, sees the counts grow, and saves them: the photos are uploaded into the workspace like a
 * dropped folder (`<name>/<class>/<class>-0001.jpg`) and open as an ordinary dataset. The camera is released when
 * the panel closes or the page leaves.
 */
export function useCamera(defaultName: string, defaultClass: (index: number) => string) {
  const { upload, progress, error: uploadError } = useUpload();
  const stream: Ref<MediaStream | null> = shallowRef(null);
  const problem: Ref<CameraProblem | null> = shallowRef(null);
  const datasetName = ref(defaultName);
  const rate = ref<number>(DEFAULT_CAPTURE_RATE);
  const classes = ref<CapturedClass[]>([]);
  const recording = ref<number | null>(null);
  let nextId = 1;
  let timer: ReturnType<typeof setInterval> | null = null;
  let video: HTMLVideoElement | null = null;
  const canvas = document.createElement('canvas');
  canvas.width = CAPTURE_SIDE;
  canvas.height = CAPTURE_SIDE;

  function addClass(): void {
    classes.value = [...classes.value, { id: nextId, name: defaultClass(nextId), photos: [], lastUrl: null }];
    nextId++;
  }

  function forget(entry: CapturedClass): void {
    if (entry.lastUrl) URL.revokeObjectURL(entry.lastUrl);
  }

  async function start(element: HTMLVideoElement): Promise<boolean> {
    problem.value = null;
    const hasCamera = typeof navigator.mediaDevices?.getUserMedia === 'function';
    if (!window.isSecureContext || !hasCamera) {
      problem.value = cameraProblem(undefined, { secure: window.isSecureContext, hasCamera });
      return false;
    }
    try {
      stream.value = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      video = element;
      element.srcObject = stream.value;
      await element.play();
      if (classes.value.length === 0) {
        addClass();
        addClass();
      }
      return true;
    } catch (failure) {
      stop();
      problem.value = cameraProblem(failure, { secure: true, hasCamera: true });
      return false;
    }
  }

  function stop(): void {
    release();
    for (const track of stream.value?.getTracks() ?? []) track.stop();
    stream.value = null;
    if (video) video.srcObject = null;
  }

  /** One photo of the class: the centre square of the current frame at CAPTURE_SIDE pixels. */
  async function snap(id: number): Promise<void> {
    if (!video || video.videoWidth === 0) return;
    const { x, y, side } = centreSquare(video.videoWidth, video.videoHeight);
    canvas.getContext('2d')?.drawImage(video, x, y, side, side, 0, 0, CAPTURE_SIDE, CAPTURE_SIDE);
    const photo = await jpegOf(canvas);
    const entry = classes.value.find((c) => c.id === id);
    if (!photo || !entry) return;
    forget(entry);
    classes.value = classes.value.map((c) =>
      c.id === id ? { ...c, photos: [...c.photos, photo], lastUrl: URL.createObjectURL(photo) } : c,
    );
  }

  /** Held down: a photo at once, then `rate` per second until released. */
  function hold(id: number): void {
    if (recording.value !== null || !stream.value) return;
    problem.value = null; // what was missing is being recorded now
    recording.value = id;
    void snap(id);
    timer = setInterval(() => void snap(id), 1000 / rate.value);
  }

  function release(): void {
    if (timer) clearInterval(timer);
    timer = null;
    recording.value = null;
  }

  function clear(id: number): void {
    classes.value = classes.value.map((c) => {
      if (c.id !== id) return c;
      forget(c);
      return { ...c, photos: [], lastUrl: null };
    });
  }

  function remove(id: number): void {
    const entry = classes.value.find((c) => c.id === id);
    if (entry) forget(entry);
    classes.value = classes.value.filter((c) => c.id !== id);
  }

  function rename(id: number, name: string): void {
    classes.value = classes.value.map((c) => (c.id === id ? { ...c, name } : c));
  }

  /** Uploads the photos as `<name>/<class>/…jpg` and opens them as the dataset; false when refused or failed. */
  async function save(): Promise<boolean> {
    release();
    problem.value = captureProblem(
      datasetName.value,
      classes.value.map((c) => ({ name: c.name, count: c.photos.length })),
    );
    if (problem.value) return false;
    const files = classes.value.flatMap((c) =>
      c.photos.map((photo, index) => {
        const path = photoPath(datasetName.value, c.name, index);
        return { path, file: new File([photo], path.slice(path.lastIndexOf('/') + 1), { type: 'image/jpeg' }) };
      }),
    );
    const opened = await upload(files);
    if (opened) stop();
    return opened !== null;
  }

  onBeforeUnmount(() => {
    stop();
    for (const entry of classes.value) forget(entry);
  });

  return {
    stream,
    problem,
    datasetName,
    rate,
    classes,
    recording,
    uploading: progress,
    uploadError,
    start,
    stop,
    hold,
    release,
    clear,
    remove,
    rename,
    addClass,
    save,
  };
}
