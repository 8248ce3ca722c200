/**
 * Hands a file to the student as a browser download: the same in browser mode (the file lands in the browser's
 * downloads, also when Sinapsis runs on a lab server) and in Electron (which asks where to save it).
 */
export function offerDownload(fileName: string, content: BlobPart, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the download starts asynchronously from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Bytes from the contract's base64 text (files travel as base64 inside JSON messages). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A run file's download name: the run id first, so files of several runs do not overwrite each other. */
export function runDownloadName(runId: string, name: string): string {
  return `${runId}-${name.replace(/\//g, '-')}`;
}
