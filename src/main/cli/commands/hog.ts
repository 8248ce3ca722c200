import { encodePng, Image } from 'image-js';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { inspectImageFile } from '../../core/datasets/images/inspectImageFile';
import { previewHog } from '../../core/features/previewHog';
import { writeFileAtomic } from '../../core/runs/atomicWrite';
import { parseCommandArgs, intOption } from '../args';
import { hogPipelineFrom } from '../hogOptions';
import { hogFolderToCsv } from './hogFolder';
import { EXIT_OK, type CliCommand } from '../command';
import { MAX_IMAGE_FILE_BYTES } from '../../core/datasets/images/loadImageFolder';
import { readCliFile } from '../readCliFile';

export const hogCommand: CliCommand = {
  help: `Usage: sinapsis hog <image> [options]
       sinapsis hog <folder> --csv out.csv [options]

Converts the image to grey (cv2.cvtColor), resizes it (cv2.resize), and prints its HOG vector
(skimage.feature.hog, identical numbers) as JSON, with the feature length. Defaults are the course's
lab setting: 12x24 pixels, 8 orientations, 4x4-pixel cells, 2x2-cell blocks, L2-Hys -> 320 features.

Options:
  --resize WxH          size before HOG, width x height like cv2.resize (default 12x24); "none" keeps it
  --interpolation M     linear (cv2.INTER_LINEAR, default) or area (cv2.INTER_AREA)
  --orientations N      orientation bins over 0-180 degrees (default 8)
  --cell N|HxW          pixels per cell, rows x columns like skimage (default 4)
  --block N|HxW         cells per block (default 2)
  --norm NAME           block normalisation: L2-Hys (default), L2, L1 or L1-sqrt
  --sqrt                gamma compression (square root of each pixel) before the gradients
  --color               keep colour: per pixel, the channel with the strongest gradient (skimage channel_axis=-1)
  --json                print one JSON object (vector, length, sizes, parameters) instead of text
  --picture FILE.png    also write the HOG picture (skimage visualize=True), scaled to 0..255
  --csv FILE            for a folder (one subfolder per class): every image's vector as CSV
                        (file,label,hog_0,...), files relative to the folder; bad images are listed
  --scale N             enlarge the picture N times, pixels kept square (default 1)
  -h, --help            show this help

Examples:
  sinapsis hog digit.png
  sinapsis hog person.jpg --resize 64x128 --orientations 9 --cell 8 --picture person-hog.png --scale 4
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('hog', args, {
      resize: { type: 'string' },
      interpolation: { type: 'string' },
      orientations: { type: 'string' },
      cell: { type: 'string' },
      block: { type: 'string' },
      norm: { type: 'string' },
      sqrt: { type: 'boolean' },
      color: { type: 'boolean' },
      json: { type: 'boolean' },
      picture: { type: 'string' },
      csv: { type: 'string' },
      scale: { type: 'string' },
    });
    if (positionals.length !== 1) throw new SinapsisError('bad-arguments', 'Give exactly one image file, e.g. "sinapsis hog digit.png".');
    const pipeline = hogPipelineFrom({
      resize: values.resize as string | undefined,
      interpolation: values.interpolation as string | undefined,
      orientations: values.orientations as string | undefined,
      cell: values.cell as string | undefined,
      block: values.block as string | undefined,
      norm: values.norm as string | undefined,
      sqrt: Boolean(values.sqrt),
      color: Boolean(values.color),
    });
    const scale = intOption('scale', values.scale as string | undefined, 1, 1, 64);

    const path = resolve(positionals[0]);
    const isFolder = (await stat(path).catch(() => null))?.isDirectory() ?? false;
    if (isFolder) {
      if (typeof values.csv !== 'string')
        throw new SinapsisError(
          'bad-arguments',
          `${path} is a folder: give --csv out.csv to write the HOG of all its images, or name one image.`,
        );
      await hogFolderToCsv(path, pipeline, values.csv, io);
      return EXIT_OK;
    }
    if (typeof values.csv === 'string')
      throw new SinapsisError('bad-arguments', '--csv is for a folder of images; for one image use --json.');
    const bytes = await readCliFile(path, { maxBytes: MAX_IMAGE_FILE_BYTES, what: 'an image file' });
    const inspection = inspectImageFile(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!inspection.ok)
      throw new SinapsisError('hog-image-unreadable', `${path}: ${inspection.reason}.`, { file: path, reason: inspection.reason });
    let preview;
    try {
      preview = previewHog(inspection.image, pipeline);
    } catch (error) {
      if (error instanceof SinapsisError) throw new SinapsisError(error.code, `${path}: ${error.message}`, error.params);
      throw error;
    }

    if (typeof values.picture === 'string') {
      const { width, height, data } = preview.picture;
      const big = new Uint8Array(width * scale * height * scale);
      for (let y = 0; y < height * scale; y++) {
        for (let x = 0; x < width * scale; x++) big[y * width * scale + x] = data[Math.floor(y / scale) * width + Math.floor(x / scale)];
      }
      await writeFileAtomic(
        resolve(values.picture),
        encodePng(new Image(width * scale, height * scale, { colorModel: 'GREY', data: big })),
      );
    }

    const { params } = pipeline;
    if (values.json) {
      io.out(
        JSON.stringify({
          image: path,
          size: { width: inspection.image.width, height: inspection.image.height, channels: inspection.image.channels },
          prepared: { width: preview.prepared.width, height: preview.prepared.height, channels: preview.prepared.channels },
          pipeline,
          cells: preview.cells,
          blocks: preview.blocks,
          length: preview.length,
          vector: preview.vector,
        }) + '\n',
      );
      return EXIT_OK;
    }
    const lines = [
      `image: ${path} (${inspection.image.width}x${inspection.image.height}, ${inspection.image.channels === 1 ? 'grey' : 'colour'})`,
      `prepared: ${preview.prepared.width}x${preview.prepared.height} ${preview.prepared.channels === 1 ? 'grey' : 'colour'}${pipeline.resize ? ` (cv2.resize ${pipeline.interpolation})` : ''}`,
      `hog: ${params.orientations} orientations, cells ${params.pixelsPerCell.join('x')} px, blocks ${params.cellsPerBlock.join('x')} cells, ${params.blockNorm}${params.transformSqrt ? ', sqrt' : ''}`,
      `cells: ${preview.cells.rows}x${preview.cells.columns}, blocks: ${preview.blocks.rows}x${preview.blocks.columns}` +
        (preview.unusedPixels.rows || preview.unusedPixels.columns
          ? ` (${preview.unusedPixels.rows} bottom rows and ${preview.unusedPixels.columns} right columns fill no whole cell and are ignored)`
          : ''),
      `feature length: ${preview.length}`,
      ...(typeof values.picture === 'string' ? [`picture: ${resolve(values.picture)}`] : []),
      JSON.stringify(preview.vector),
    ];
    io.out(lines.join('\n') + '\n');
    return EXIT_OK;
  },
};
