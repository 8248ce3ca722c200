import { encode as encodeFastPng } from 'fast-png';
import { encodeJpeg, encodePng, Image } from 'image-js';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeFlatJpeg, encodeGreyGif, encodeGreyTiff, encodeNetpbm } from './minimalEncoders';

/** Class folder names with accents, a tilde and spaces: real students' folders look like this. */
export const CATS = 'gatos ñandú';
export const DOGS = 'perros con espacios ü';

/** A grey pattern; images of 4+ pixels start with the seed's bytes so different seeds never give equal files. */
function greyPattern(width: number, height: number, seed = 0): Uint8Array {
  const data = Uint8Array.from({ length: width * height }, (_, i) => (i * 37 + seed * 11) % 256);
  if (data.length >= 4) data.set([seed & 0xff, (seed >> 8) & 0xff, (seed >> 16) & 0xff, 0]);
  return data;
}

export function pngOf(width: number, height: number, seed = 0): Uint8Array {
  return encodePng(new Image(width, height, { colorModel: 'GREY', data: greyPattern(width, height, seed) }));
}

/** What the messy fixture should produce, so tests state expectations next to how the files were made. */
export const MESSY_EXPECTED = {
  classes: [CATS, DOGS],
  counts: [6, 7],
  skipped: {
    [`${CATS}/truncated.png`]: 'undecodable',
    [`${CATS}/zero.png`]: 'empty-file',
    [`${CATS}/notes.png`]: 'not-an-image',
    [`${CATS}/.hidden.png`]: 'hidden',
    [`${CATS}/.DS_Store`]: 'hidden',
    [`${CATS}/Thumbs.db`]: 'not-an-image',
    [`${CATS}/loop`]: 'symlink-loop',
    [`${CATS}/gone.png`]: 'broken-link',
    [`${CATS}/huge.png`]: 'too-large',
    [`${DOGS}/leeme.txt`]: 'not-an-image',
    [`${DOGS}/cut.jpg`]: 'undecodable',
    vacía: 'empty-class-folder',
    '.git': 'hidden',
    'suelta.png': 'outside-class-folder',
  } as Record<string, string>,
  notes: {
    [`${CATS}/photo.bmp`]: 'extension-mismatch',
    [`${DOGS}/copia de bueno.png`]: 'duplicate',
    // Loaded, with a note: a 1×1 picture and a 2×1 strip show almost nothing.
    [`${CATS}/one.png`]: 'too-small',
    [`${CATS}/palette.png`]: 'too-small',
  } as Record<string, string>,
};

/**
 * Builds, in a fresh temporary folder, a dataset with every kind of mess issue 9 lists. Returns its path.
 * `huge` adds an 8000x8000 PNG (about 0.3 s to encode), which the loader must refuse by its header alone.
 */
export async function buildMessyDataset(options: { huge?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'sinapsis messy ñ '));
  const cats = join(root, CATS);
  const dogs = join(root, DOGS);
  await mkdir(join(cats, 'deep', 'más hondo'), { recursive: true });
  await mkdir(dogs);
  await mkdir(join(root, 'vacía'));
  await mkdir(join(root, '.git'));
  await writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(join(root, 'suelta.png'), pngOf(4, 4));

  const good = pngOf(8, 8, 1);
  await writeFile(join(cats, 'bueno.png'), good);
  await writeFile(join(cats, 'truncated.png'), pngOf(32, 32, 2).subarray(0, 60));
  await writeFile(join(cats, 'zero.png'), new Uint8Array(0));
  await writeFile(join(cats, 'notes.png'), 'label,value\ncat,1\n');
  await writeFile(
    join(cats, 'photo.bmp'),
    encodeJpeg(new Image(8, 8, { colorModel: 'RGB', data: new Uint8Array(8 * 8 * 3).fill(200) }), { quality: 90 }),
  );
  await writeFile(join(cats, 'deep', 'más hondo', 'anidada.png'), pngOf(8, 8, 3));
  await writeFile(
    join(cats, 'sixteen.png'),
    encodeFastPng({ width: 2, height: 2, depth: 16, channels: 1, data: new Uint16Array([0, 65535, 32768, 257]) }),
  );
  await writeFile(
    join(cats, 'palette.png'),
    // The transparent entry comes first: fast-png 8 writes tRNS without the opaque entries, so only a
    // leading transparent entry survives its encoder with the right index.
    encodeFastPng({
      width: 2,
      height: 1,
      depth: 8,
      channels: 1,
      data: new Uint8Array([1, 0]),
      palette: [
        [0, 0, 255, 0],
        [255, 0, 0, 255],
      ],
    }),
  );
  await writeFile(join(cats, 'one.png'), pngOf(1, 1, 4));
  await writeFile(join(cats, '.hidden.png'), good);
  await writeFile(join(cats, '.DS_Store'), new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]));
  await writeFile(join(cats, 'Thumbs.db'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  await symlink('..', join(cats, 'loop'));
  await symlink(join(root, 'does-not-exist.png'), join(cats, 'gone.png'));
  if (options.huge) {
    await writeFile(
      join(cats, 'huge.png'),
      encodeFastPng({ width: 8000, height: 8000, depth: 8, channels: 1, data: new Uint8Array(8000 * 8000) }),
    );
  }

  await writeFile(
    join(dogs, 'cmyk.jpg'),
    encodeFlatJpeg(16, 8, [
      [255, 0],
      [255, 255],
      [255, 255],
      [255, 255],
    ]),
  );
  await writeFile(join(dogs, 'gris.jpg'), encodeFlatJpeg(8, 8, [[90]]));
  const cut = encodeJpeg(new Image(16, 16, { colorModel: 'RGB', data: new Uint8Array(16 * 16 * 3).fill(90) }));
  await writeFile(join(dogs, 'cut.jpg'), cut.subarray(0, Math.floor(cut.length * 0.7)));
  await writeFile(join(dogs, 'animada.gif'), encodeGreyGif(6, 4, greyPattern(6, 4, 5), 0));
  await writeFile(join(dogs, 'escaneo.tif'), encodeGreyTiff(5, 3, greyPattern(5, 3, 6)));
  await writeFile(join(dogs, 'escaneo.pgm'), encodeNetpbm(4, 4, 1, greyPattern(4, 4, 7)));
  await writeFile(join(dogs, 'color.ppm'), encodeNetpbm(3, 2, 3, greyPattern(3, 6, 8)));
  await writeFile(join(dogs, 'copia de bueno.png'), good);
  await writeFile(join(dogs, 'leeme.txt'), 'Fotos de perros.\n');
  return root;
}

/** A clean folder of `perClass` small PNGs in each of `classes` classes, for speed and progress tests. */
export async function buildDigitLikeFolder(classes: number, perClass: number, size = 12): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'sinapsis-digits-'));
  for (let c = 0; c < classes; c++) {
    const folder = join(root, String(c));
    await mkdir(folder);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < perClass; i++)
      writes.push(writeFile(join(folder, `${String(i).padStart(5, '0')}.png`), pngOf(size, size, c * perClass + i)));
    await Promise.all(writes);
  }
  return root;
}
