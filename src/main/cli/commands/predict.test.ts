import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli';

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('sinapsis predict', () => {
  it('gives a table row the probabilities the run wrote for that sample; bad input exits 2 with a message', async () => {
    const base = mkdtempSync(join(tmpdir(), 'sinapsis-predict-'));
    const wine = join(base, 'wine');
    expect(
      await runCli(['train', '--data', 'builtin:wine', '--epochs', '20', '--optimizer', 'adam', '--lr', '0.01', '--out', wine], capture()),
    ).toBe(0);
    const { predictions } = JSON.parse(readFileSync(join(wine, 'predictions.json'), 'utf8')) as {
      predictions: { index: number; probabilities: number[] }[];
    };
    const sample = predictions[0];
    const csv = readFileSync(join(__dirname, '../../../../resources/datasets/wine/wine.csv'), 'utf8').trim().split('\n');
    const row = csv[1 + sample.index].split(',').slice(0, 13).join(',');
    const io = capture();
    expect(await runCli(['predict', wine, '--row', row, '--json'], io), io.stderr).toBe(0);
    const result = JSON.parse(io.stdout) as { probabilities: number[]; top: { label: string }[] };
    result.probabilities.forEach((p, i) => expect(Math.abs(p - sample.probabilities[i])).toBeLessThan(1e-5));

    const text = capture();
    expect(await runCli(['predict', wine, '--row', row, '--top', '2'], text)).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(3);
    expect(text.stdout).toContain(`${result.top[0].label} `);

    const bad = capture();
    expect(await runCli(['predict', wine, '--row', '1,2,3'], bad)).toBe(2);
    expect(bad.stderr).toMatch(/13/);
    const missing = capture();
    expect(await runCli(['predict', join(base, 'nothing'), 'x.png'], missing)).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    // The run's model folder alone (model.json, no preprocessing.json): refused, saying predictions depend on the scaling.
    const bare = capture();
    expect(await runCli(['predict', join(wine, 'model'), '--row', row], bare)).toBe(2);
    expect(bare.stderr).toMatch(/is a model folder, not a run: it has no preprocessing\.json.*which scaling.*predictions depend on them/);
  }, 60_000);
});
