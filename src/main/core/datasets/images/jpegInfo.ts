/** What the JPEG header says, read without decoding: size, colour components, and whether the data ends properly. */
export interface JpegInfo {
  width: number;
  height: number;
  /** 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK. */
  components: number;
}

/** Walks the marker segments up to the first start-of-frame (SOF0..SOF15 except DHT, JPG and DAC). */
export function readJpegInfo(bytes: Uint8Array): JpegInfo | null {
  let position = 2;
  while (position + 4 <= bytes.length) {
    if (bytes[position] !== 0xff) return null;
    const marker = bytes[position + 1];
    if (marker === 0xff) {
      position++; // fill byte
      continue;
    }
    const length = (bytes[position + 2] << 8) | bytes[position + 3];
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      if (position + 10 > bytes.length) return null;
      return {
        height: (bytes[position + 5] << 8) | bytes[position + 6],
        width: (bytes[position + 7] << 8) | bytes[position + 8],
        components: bytes[position + 9],
      };
    }
    position += 2 + length;
  }
  return null;
}

/**
 * True when the end-of-image marker (FF D9) appears near the end. The JPEG decoder is tolerant and would
 * silently fill a cut-off file with grey, so a missing marker is how we tell the student the file is truncated.
 * Some cameras append data after the marker, hence the search window rather than the last two bytes.
 */
export function jpegHasEndMarker(bytes: Uint8Array, window = 65536): boolean {
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - window); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}
