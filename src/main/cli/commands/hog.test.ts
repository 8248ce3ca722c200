import { decodePng, encodePng, Image } from 'image-js';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hog } from '../../core/features/hog';
import { prepareImage } from '../../core/features/prepareImage';
import { runCli } from '../runCli';
import { hogCommand } from './hog';

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'sinapsis-cli-hog-'));
const pixels = Uint8Array.from({ length: 30 * 50 * 3 }, (_, i) => (i * 31 + ((i * i) % 17)) % 256);
const imagePath = join(dir, 'foto.png');
writeFileSync(imagePath, encodePng(new Image(30, 50, { colorModel: 'RGB', data: pixels })));

describe('sinapsis hog', () => {
  it('prints the lab setting’s 320 values, equal to the core HOG of the grey 12x24 image', async () => {
    const io = capture();
    expect(await hogCommand.run([imagePath], io)).toBe(0);
    const lines = io.stdout.trim().split('\n');
    expect(lines).toContain('feature length: 320');
    expect(lines[1]).toBe('prepared: 12x24 grey (cv2.resize linear)');
    const vector = JSON.parse(lines[lines.length - 1]) as number[];
    const expected = hog(
      prepareImage(
        { width: 30, height: 50, channels: 3, data: pixels },
        { grayscale: true, resize: { width: 12, height: 24 }, interpolation: 'linear' },
      ),
      {
        orientations: 8,
        pixelsPerCell: [4, 4],
        cellsPerBlock: [2, 2],
        blockNorm: 'L2-Hys',
        transformSqrt: false,
      },
    ).vector;
    expect(vector).toEqual(Array.from(expected));
  });

  it('honours every option in --json mode and writes the HOG picture', async () => {
    const io = capture();
    const picture = join(dir, 'hog.png');
    const args = [
      imagePath,
      '--resize',
      '24x40',
      '--orientations',
      '9',
      '--cell',
      '8x6',
      '--block',
      '1x2',
      '--norm',
      'L1-sqrt',
      '--sqrt',
      '--color',
      '--interpolation',
      'area',
      '--json',
      '--picture',
      picture,
      '--scale',
      '3',
    ];
    expect(await hogCommand.run(args, io)).toBe(0);
    const out = JSON.parse(io.stdout) as {
      length: number;
      vector: number[];
      prepared: { width: number; height: number; channels: number };
      cells: { rows: number; columns: number };
    };
    // 40/8 = 5 cell rows, 24/6 = 4 cell columns; blocks 1x2 -> 5 x 3 positions x 2 cells x 9 bins.
    expect(out.cells).toEqual({ rows: 5, columns: 4 });
    expect(out.length).toBe(5 * 3 * 2 * 9);
    expect(out.vector).toHaveLength(out.length);
    expect(out.prepared).toEqual({ width: 24, height: 40, channels: 3 });
    const png = decodePng(readFileSync(picture));
    expect([png.width, png.height]).toEqual([72, 120]);
  });

  it('exits 2 with a clear message for bad options, unreadable and too-small images', async () => {
    const badNorm = capture();
    expect(await runCli(['hog', imagePath, '--norm', 'L3'], badNorm)).toBe(2);
    expect(badNorm.stderr).toContain('--norm must be L2-Hys, L2, L1 or L1-sqrt');
    const badCell = capture();
    expect(await runCli(['hog', imagePath, '--cell', '4x'], badCell)).toBe(2);
    expect(badCell.stderr).toContain('--cell must be N or HxW');
    const missing = capture();
    expect(await runCli(['hog', join(dir, 'nada.png')], missing)).toBe(2);
    expect(missing.stderr).toMatch(/nada\.png: no such file/);
    const text = join(dir, 'notas.png');
    writeFileSync(text, 'not an image');
    const notImage = capture();
    expect(await runCli(['hog', text], notImage)).toBe(2);
    expect(notImage.stderr).toMatch(/notas\.png: named \.png but its content is not an image/);
    const small = capture();
    expect(await runCli(['hog', imagePath, '--resize', 'none', '--cell', '16', '--block', '4'], small)).toBe(2);
    expect(small.stderr).toMatch(/30x50 image is smaller than one HOG block \(64x64 pixels/);
  });
});

describe('sinapsis hog <folder> --csv', () => {
  it('writes every image of a class folder as a CSV row equal to its own --json vector, and lists the bad ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinapsis-cli-hog-folder-'));
    for (const [name, shade] of [
      ['gatos', 40],
      ['perros', 200],
    ] as const) {
      mkdirSync(join(root, name));
      for (let k = 0; k < 3; k++) {
        const data = Uint8Array.from({ length: 20 * 30 }, (_, i) => (shade + i * (k + 3)) % 256);
        writeFileSync(join(root, name, `${k}.png`), encodePng(new Image(20, 30, { colorModel: 'GREY', data })));
      }
    }
    writeFileSync(join(root, 'perros', 'roto.png'), 'not a png');
    const csvPath = join(root, 'hog.csv');
    const io = capture();
    expect(await runCli(['hog', root, '--csv', csvPath, '--orientations', '9'], io), io.stderr).toBe(0);
    expect(io.stdout).toContain('feature length: 360');
    expect(io.stdout).toContain('(6 images in 2 classes; skipped: 1, listed by sinapsis dataset)');
    expect(io.stdout).toMatch(/csv: .*hog\.csv \(6 rows/);
    const [header, ...rows] = readFileSync(csvPath, 'utf8').trim().split('\n');
    expect(header.split(',').slice(0, 3)).toEqual(['file', 'label', 'hog_0']);
    expect(header.split(',')).toHaveLength(2 + 360);
    expect(rows).toHaveLength(6);
    const row = rows.find((r) => r.startsWith('perros/1.png'))!.split(',');
    expect(row[1]).toBe('perros');
    const single = capture();
    expect(await runCli(['hog', join(root, 'perros', '1.png'), '--orientations', '9', '--json'], single)).toBe(0);
    const vector = (JSON.parse(single.stdout) as { vector: number[] }).vector;
    row.slice(2).forEach((cell, i) => expect(Math.abs(Number(cell) - vector[i])).toBeLessThan(1e-6));

    const noCsv = capture();
    expect(await runCli(['hog', root], noCsv)).toBe(2);
    expect(noCsv.stderr).toMatch(/is a folder: give --csv out\.csv/);
  });
});
