import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmbeddingResult } from '../../../shared/contract/embedding';
import { embedCommand } from './embed';

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('sinapsis embed', () => {
  it('writes one CSV row per sample (sample, class, part, predicted, x, y) equal to the --json points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinapsis-cli-embed-'));
    const csv = join(dir, 'wine.csv');
    const io = capture();
    expect(await embedCommand.run(['--data', 'builtin:wine', '--method', 'pca', '--csv', csv, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout) as EmbeddingResult;
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sample,class,part,predicted,x,y');
    expect(lines).toHaveLength(179);
    const [sample, className, part, predicted, x, y] = lines[11].split(',');
    expect([sample, className, part, predicted]).toEqual(['10', result.classNames[result.points[10].classIndex ?? -1], '', '']);
    expect([Number(x), Number(y)]).toEqual([result.points[10].x, result.points[10].y]);
  }, 60_000);

  it('refuses a method it does not know and --layer without a run, saying what to give', async () => {
    await expect(embedCommand.run(['--data', 'builtin:wine', '--method', 'lda'], capture())).rejects.toMatchObject({
      code: 'bad-arguments',
    });
    await expect(embedCommand.run(['--data', 'builtin:wine', '--layer', '1'], capture())).rejects.toThrow(/give --run RUN too/);
    await expect(embedCommand.run([], capture())).rejects.toThrow(/--data .* or a trained run with --run/);
  });
});
