import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import { readRunStatus } from '../core/runs/runFolder';
import { canMount, capture, imageFolder, scratch, smallFileSystem, writeCsv } from './testing/faults';

/**
 * Issue 21 through the command line: every fault a tester tried ends with exit 2 and a message naming the file or
 * setting and what to do; exit 1 ("unexpected error") is left for real bugs. Each case is run for real.
 */

async function expectExit2(args: string[], message: RegExp): Promise<string> {
  const io = capture();
  const code = await runCli(args, io);
  expect(io.stderr, args.join(' ')).not.toMatch(/unexpected error/);
  expect(code, `${args.join(' ')}\n${io.stderr}`).toBe(2);
  expect(io.stderr).toMatch(message);
  expect(io.stderr).not.toMatch(/\n\s+at /);
  return io.stderr;
}

describe('too little data (exit 2 with the numbers, checked before any feature is computed)', () => {
  it('one image per class, CSVs of 1 and 2 rows, a CSV of one class; none reaches exit 1', async () => {
    const dir = scratch('little');
    const images = imageFolder(dir, ['cats', 'dogs'], 1);
    const oneRow = writeCsv(dir, 'one.csv', ['x,y,class', '1,2,a']);
    const twoRows = writeCsv(dir, 'two.csv', ['x,y,class', '1,2,a', '3,4,b']);
    const oneClass = writeCsv(dir, 'same.csv', ['x,y,class', ...Array.from({ length: 20 }, (_, i) => `${i},${i * 2},a`)]);
    const regression = writeCsv(dir, 'reg.csv', ['x,y', '1,2.5', '3,4.25']);
    const out = join(dir, 'run');
    const started = performance.now();
    await expectExit2(
      ['train', '--data', images, '--out', out],
      /Class "cats" of "images" has 1 sample; it needs at least 2 \(one to learn from and one to evaluate on\)/,
    );
    await expectExit2(
      ['train', '--data', images, '--kfold', '2', '--out', out],
      /Class "cats" of "images" has 1 sample; it needs at least 2/,
    );
    await expectExit2(
      ['train', '--data', oneRow, '--target', 'class', '--out', out],
      /Only one class \("a", 1 rows\) was found in the target column "class"/,
    );
    await expectExit2(
      ['train', '--data', twoRows, '--target', 'class', '--split', '0.5,0.5', '--out', out],
      /Class "a" of "two.csv" has 1 sample; it needs at least 2/,
    );
    await expectExit2(['train', '--data', oneClass, '--target', 'class', '--out', out], /Only one class \("a", 20 rows\)/);
    await expectExit2(
      ['train', '--data', regression, '--target', 'y', '--out', out],
      /"reg.csv" has 2 samples: too few to give the train part at least one/,
    );
    // Refused before features, model or run folder: in well under the time of one HOG pass or one epoch.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('odd text and numbers in a CSV', () => {
  it('Latin-1 trains with its accents (noted by sinapsis dataset); NaN, inf, 1e300 and 1e400 are named for what they are', async () => {
    const dir = scratch('text');
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2 ? 'categoría' : 'señal'}`);
    const latin1 = writeCsv(dir, 'latin1.csv', Buffer.from(['x,y,clase', ...rows].join('\n') + '\n', 'latin1'));
    const io = capture();
    expect(await runCli(['dataset', latin1], io), io.stderr).toBe(0);
    expect(io.stdout).toMatch(/read as Windows-1252/);
    const trained = capture();
    expect(
      await runCli(['train', '--data', latin1, '--target', 'clase', '--epochs', '2', '--out', join(dir, 'latin1-run'), '--json'], trained),
      trained.stderr,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'latin1-run', 'config.json'), 'utf8')).dataset.classes).toEqual(['categoría', 'señal']);

    const header = 'x,y,class';
    const good = Array.from({ length: 12 }, (_, i) => `${i},${i + 1},${i % 2 ? 'a' : 'b'}`);
    const cases: [string, RegExp][] = [
      ['NaN', /line 5, column "x" \(1st\) holds "NaN": NaN \("not a number"/],
      ['inf', /line 5, column "x" \(1st\) holds "inf": an infinite value/],
      ['-Infinity', /holds "-Infinity": an infinite value/],
      ['1e300', /holds "1e300": a number beyond what training holds \(±3\.40e\+38 in 32-bit floats\)/],
      ['1e400', /holds "1e400": a number beyond what training holds/],
    ];
    for (const [cell, message] of cases) {
      const lines = [header, ...good];
      lines[4] = `${cell},5,a`;
      await expectExit2(
        ['train', '--data', writeCsv(dir, `odd-${cell}.csv`, lines), '--target', 'class', '--out', join(dir, 'none')],
        message,
      );
    }
    await expectExit2(
      ['dataset', writeCsv(dir, 'bad.csv', Uint8Array.from([0x78, 0x2c, 0x79, 0x0a, 0x81, 0x2c, 0x31, 0x0a]))],
      /neither UTF-8 nor Windows-1252\/Latin-1 text \(line 2/,
    );
  }, 60_000);
});

describe('special files from the command line (only regular files are read)', () => {
  it('sinapsis hog /dev/zero, predict RUN /dev/zero, a FIFO, train --data /dev/zero: exit 2 at once', async () => {
    const dir = scratch('special');
    const run = join(dir, 'run');
    const io = capture();
    expect(await runCli(['train', '--data', 'builtin:digits', '--epochs', '1', '--out', run], io), io.stderr).toBe(0);
    const fifo = join(dir, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    const rss = process.memoryUsage().rss;
    await expectExit2(['hog', '/dev/zero'], /\/dev\/zero is not a regular file \(a device, a pipe or a socket\)\. Give an image file\./);
    await expectExit2(['hog', fifo], /pipe\.png is not a regular file/);
    await expectExit2(['predict', run, '/dev/zero'], /\/dev\/zero is not a regular file/);
    await expectExit2(['train', '--data', '/dev/zero', '--out', join(dir, 'x')], /\/dev\/zero/);
    await expectExit2(
      ['train', '--data', 'builtin:wine', '--model', '/dev/zero', '--out', join(dir, 'x')],
      /\/dev\/zero is not a regular file/,
    );
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 ** 2);
  }, 90_000);
});

describe('thousands of classes', () => {
  it('500 classes train, evaluate and report (heatmap and top confusions instead of a 250,000-cell table)', async () => {
    const dir = scratch('classes');
    const rows = Array.from({ length: 1000 }, (_, i) => `${(i % 500) / 50 + (i % 3) * 0.01},${Math.floor(i / 2) % 7},k${i % 500}`);
    const csv = writeCsv(dir, 'many.csv', ['x,y,class', ...rows]);
    const out = join(dir, 'run');
    const io = capture();
    expect(
      await runCli(['train', '--data', csv, '--target', 'class', '--split', '0.5,0.5', '--epochs', '1', '--out', out], io),
      io.stderr,
    ).toBe(0);
    expect((await readRunStatus(out))?.status).toBe('completed');
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics.confusionMatrix.labels).toHaveLength(500);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<img class="heatmap" src="data:image\/png;base64,/);
    expect(html).toContain('Confusiones más frecuentes');
    expect(html).not.toContain('<table class="confusion">');
    for (const file of ['model/model.json', 'predictions.json', 'confusion-matrix.csv'])
      expect(existsSync(join(out, file)), file).toBe(true);
  }, 120_000);
});

describe.skipIf(!canMount)('a full or read-only disk (a real tmpfs; needs root)', () => {
  it('a disk that fills mid-training stops it after the current batch; status failed naming history.csv; no metrics', async () => {
    const fs = smallFileSystem('48k');
    try {
      const out = join(fs.dir, 'run');
      const io = capture();
      const code = await runCli(
        [
          'train',
          '--data',
          'builtin:circles',
          '--epochs',
          '100000',
          '--engine',
          'didactic',
          '--optimizer',
          'adam',
          '--lr',
          '0.01',
          '--out',
          out,
        ],
        io,
      );
      expect(io.stderr).not.toMatch(/unexpected error/);
      expect(code, io.stderr).toBe(2);
      expect(io.stderr).toMatch(/Cannot write .*run\/history\.csv \(ENOSPC\): the disk is full\. Free some space/);
      const status = await readRunStatus(out);
      expect(status?.status).toBe('failed');
      expect(status?.message).toMatch(/history\.csv \(ENOSPC\)/);
      expect(existsSync(join(out, 'metrics.json'))).toBe(false);
      // Training stopped once the disk filled, far from epoch 100000: the last epoch printed is near the file's last
      // row (it can run ahead by the epochs the worker had already sent when the write failed).
      const printed = [...io.stderr.matchAll(/epoch (\d+)\/100000/g)].map((m) => Number(m[1]));
      const onDisk = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n').length - 1;
      expect(onDisk).toBeGreaterThan(10);
      expect(printed[printed.length - 1]).toBeLessThan(100_000);
      expect(printed[printed.length - 1] - onDisk).toBeLessThan(20_000);
    } finally {
      fs.unmount();
    }
  }, 120_000);

  it('a disk already full: exit 2 naming the run folder and "disk is full", not ENOSPC as an unexpected error', async () => {
    const fs = smallFileSystem('64k');
    try {
      try {
        writeFileSync(join(fs.dir, 'filler'), Buffer.alloc(1024 * 1024));
      } catch {
        // Filled to the last byte: that is the point.
      }
      await expectExit2(['train', '--data', 'builtin:xor', '--epochs', '5', '--out', join(fs.dir, 'run')], /the disk is full/);
    } finally {
      fs.unmount();
    }
  }, 60_000);

  it('a read-only runs folder: train says read-only (EROFS, not ENOENT)', async () => {
    const fs = smallFileSystem('1m');
    try {
      mkdirSync(join(fs.dir, 'runs'));
      fs.readOnly();
      await expectExit2(
        ['train', '--data', 'builtin:xor', '--epochs', '5', '--out', join(fs.dir, 'runs', 'new', 'run')],
        /\(EROFS\): the file system is read-only\. Choose a runs folder you can write to/,
      );
    } finally {
      fs.unmount();
    }
  }, 60_000);
});
