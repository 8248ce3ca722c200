import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/runCli';
import { readRunStatus } from '../core/runs/runFolder';
import { capture, scratch } from './testing/faults';

/**
 * The write failures of faultsCli.test.ts without root: a faked file system layer (node:fs/promises' `open`)
 * refuses the temporary files of chosen run files with ENOSPC, EROFS or EACCES, as a full disk, a read-only
 * mount or a folder without permission would. Everything else is the real file system.
 */
const refusal = vi.hoisted(() => ({ file: '', code: '', armed: false }));

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const open: typeof real.open = (async (
    path: Parameters<typeof real.open>[0],
    flags?: Parameters<typeof real.open>[1],
    mode?: Parameters<typeof real.open>[2],
  ) => {
    if (refusal.file && flags === 'w' && refusal.armed && String(path).includes(`.${refusal.file}.`)) {
      throw Object.assign(new Error(`${refusal.code}: faked, open '${String(path)}'`), { code: refusal.code, path: String(path) });
    }
    return real.open(path, flags, mode);
  }) as typeof real.open;
  return { ...real, default: { ...real, open }, open };
});

/**
 * Trains with `file`'s writes refused with `code` once the CLI has printed epoch `armAtEpoch` (0: from the start).
 * Armed by what was printed, not by a count of writes: history.csv writes merge while one is on disk, so how many
 * there are depends on the machine's speed.
 */
async function trainRefusing(file: string, code: string, armAtEpoch: number): Promise<{ exit: number; stderr: string; out: string }> {
  Object.assign(refusal, { file, code, armed: armAtEpoch === 0 });
  const out = join(scratch('fakefs'), 'run');
  const io = capture();
  const print = io.err;
  io.err = (text: string) => {
    print(text);
    if (new RegExp(`epoch ${armAtEpoch}/`).test(text)) refusal.armed = true;
  };
  try {
    const exit = await runCli(
      [
        'train',
        '--data',
        'builtin:circles',
        '--epochs',
        '2000',
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
    return { exit, stderr: io.stderr, out };
  } finally {
    Object.assign(refusal, { file: '', armed: false });
  }
}

describe('write failures through a faked file system (no root needed)', () => {
  it.each([
    ['history.csv', 'ENOSPC', /history\.csv \(ENOSPC\): the disk is full/],
    ['history.csv', 'EROFS', /history\.csv \(EROFS\): the file system is read-only/],
    ['history.csv', 'EACCES', /history\.csv \(EACCES\): permission denied/],
    ['report.html', 'ENOSPC', /report\.html \(ENOSPC\): the disk is full/],
  ])(
    '%s refused with %s: exit 2 naming the file and the cause; status failed; no metrics.json',
    async (file, code, message) => {
      const result = await trainRefusing(file, code, file === 'history.csv' ? 20 : 0);
      expect(result.stderr).not.toMatch(/unexpected error/);
      expect(result.exit, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      const status = await readRunStatus(result.out);
      expect(status?.status).toBe('failed');
      expect(status?.message).toMatch(message);
      expect(existsSync(join(result.out, 'metrics.json'))).toBe(false);
      if (file === 'history.csv') {
        // Stopped at the failed write, not after the 2000 epochs (a loaded machine may deliver the stop a few hundred epochs late).
        const printed = [...result.stderr.matchAll(/epoch (\d+)\/2000/g)].map((m) => Number(m[1]));
        expect(printed[printed.length - 1] ?? 0).toBeLessThan(2000);
      }
    },
    90_000,
  );
});
