import { createRequire } from 'node:module';
import type * as ImageJs from 'image-js';

let loaded: typeof ImageJs | undefined;

/**
 * image-js, loaded on first use (synchronously: Node >= 20.19 requires ES modules). The decoders and thumbnails
 * need it only for the formats the native PNG decoder does not handle, so a PNG dataset with its HOG cached
 * trains without loading it (~0.3 s of a CLI job). Same module instance as an `import` of it elsewhere.
 */
export function imageJs(): typeof ImageJs {
  loaded ??= createRequire(import.meta.url)('image-js') as typeof ImageJs;
  return loaded;
}
