/**
 * The rules of a dataset captured with the webcam, kept free of Vue and of the camera so they are unit-tested:
 * which names make valid folders, what must be there before saving, how each photo is named, and what a failed
 * `getUserMedia` means to the student.
 */

/** Side of the square photos taken (Teachable Machine's 224): the centre of the frame, resized; Modelo resizes again. */
export const CAPTURE_SIDE = 224;
/** Photos per second while the record button is held; the student chooses within these. */
export const CAPTURE_RATES = [1, 2, 5, 10] as const;
export const DEFAULT_CAPTURE_RATE = 5;

/** A translation key under `camera.errors` with its parameters. */
export interface CameraProblem {
  key: 'insecure' | 'unsupported' | 'denied' | 'missing' | 'busy' | 'other' | 'fewClasses' | 'emptyClass' | 'badName' | 'duplicateName';
  params?: Record<string, string | number>;
}

/** A folder name the upload and every file system accept: not empty, not hidden, no separators or NUL. */
export function isFolderName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= 100 && !trimmed.startsWith('.') && !/[/\\\0]/.test(trimmed);
}

/** What stops these classes from being saved as a dataset (names first, then photos), or null. */
export function captureProblem(datasetName: string, classes: readonly { name: string; count: number }[]): CameraProblem | null {
  if (!isFolderName(datasetName)) return { key: 'badName', params: { name: datasetName } };
  const seen = new Set<string>();
  for (const { name } of classes) {
    if (!isFolderName(name)) return { key: 'badName', params: { name } };
    const folded = name.trim().toLowerCase();
    if (seen.has(folded)) return { key: 'duplicateName', params: { name: name.trim() } };
    seen.add(folded);
  }
  const withPhotos = classes.filter((c) => c.count > 0);
  if (withPhotos.length < 2) return { key: 'fewClasses' };
  const empty = classes.find((c) => c.count === 0);
  return empty ? { key: 'emptyClass', params: { name: empty.name.trim() } } : null;
}

/** `camara/gatos/gatos-0007.jpg`: the path of photo `index` of a class inside the uploaded folder. */
export function photoPath(datasetName: string, className: string, index: number): string {
  const name = className.trim();
  return `${datasetName.trim()}/${name}/${name}-${String(index + 1).padStart(4, '0')}.jpg`;
}

/**
 * What a failed camera start means: not allowed on this address (the browser hides the camera outside
 * localhost/https), not supported, denied, no camera, a camera another program holds, or something else.
 */
export function cameraProblem(failure: unknown, context: { secure: boolean; hasCamera: boolean }): CameraProblem {
  if (!context.secure) return { key: 'insecure' };
  if (!context.hasCamera) return { key: 'unsupported' };
  const name =
    failure instanceof Error || (typeof failure === 'object' && failure !== null && 'name' in failure)
      ? String((failure as { name: unknown }).name)
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { key: 'denied' };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { key: 'missing' };
    case 'NotReadableError':
    case 'AbortError':
      return { key: 'busy' };
    default:
      return { key: 'other', params: { reason: failure instanceof Error ? failure.message || name : String(failure) } };
  }
}

/** The centred square of a `width`×`height` frame: what is drawn into the CAPTURE_SIDE photo. */
export function centreSquare(width: number, height: number): { x: number; y: number; side: number } {
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), side };
}
