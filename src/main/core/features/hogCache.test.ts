import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hogPipelineSchema } from '../../../shared/contract/features';
import { HogCache, pipelineKey } from './hogCache';

const lab = hogPipelineSchema.parse({});

describe('HogCache', () => {
  it('keeps full-precision vectors across opens and ignores a record cut short by a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sinapsis-hog-cache-unit-'));
    const cache = await HogCache.open(dir, lab);
    const vector = Float64Array.from([0.1, 1 / 3, Math.PI, 0]);
    cache.add('ab'.repeat(32), vector);
    cache.add('cd'.repeat(32), Float64Array.from([2]));
    await cache.flush();
    // A half-written record at the end, as a crash during append would leave.
    await appendFile(cache.file, Buffer.from('ef'.repeat(32) + '05000000' + '00'.repeat(9), 'hex'));

    const reopened = await HogCache.open(dir, lab);
    expect(reopened.size).toBe(2);
    expect(Array.from(reopened.get('ab'.repeat(32)) ?? [])).toEqual(Array.from(vector));
    expect(reopened.get('ef'.repeat(32))).toBeUndefined();
    expect((await readFile(cache.file)).length).toBe(36 + 32 + 36 + 8 + 36 + 9);
  });

  it('names the file by every parameter, independent of key order', () => {
    const reordered = { params: { ...lab.params }, interpolation: lab.interpolation, resize: lab.resize, grayscale: lab.grayscale };
    expect(pipelineKey(reordered)).toBe(pipelineKey(lab));
    expect(pipelineKey({ ...lab, params: { ...lab.params, blockNorm: 'L1' } })).not.toBe(pipelineKey(lab));
    expect(pipelineKey({ ...lab, resize: { width: 12, height: 25 } })).not.toBe(pipelineKey(lab));
    expect(pipelineKey({ ...lab, grayscale: false })).not.toBe(pipelineKey(lab));
  });
});
