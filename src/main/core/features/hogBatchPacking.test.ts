import { describe, expect, it } from 'vitest';
import { packItems, packResults, unpackItems, unpackResults } from './hogBatchPacking';
import type { HogJobItem, HogJobResult } from './hogJob';

describe('batch packing for worker messages', () => {
  it('round-trips file bytes and pixels, in order, through one buffer', () => {
    const items: HogJobItem[] = [
      { index: 7, name: 'a.png', bytes: Uint8Array.from([1, 2, 3]) },
      { index: 2, name: 'b', image: { width: 2, height: 1, channels: 3, data: Uint8Array.from([9, 8, 7, 6, 5, 4]) } },
      { index: 5, name: 'empty.png', bytes: new Uint8Array(0) },
    ];
    const { packed, transfer } = packItems(items);
    expect(transfer).toEqual([packed.data.buffer]);
    const back = unpackItems(structuredClone(packed));
    expect(back.map((item) => [item.index, item.name])).toEqual([
      [7, 'a.png'],
      [2, 'b'],
      [5, 'empty.png'],
    ]);
    expect('bytes' in back[0] && Array.from(back[0].bytes)).toEqual([1, 2, 3]);
    expect('image' in back[1] && { ...back[1].image, data: Array.from(back[1].image.data) }).toEqual({
      width: 2,
      height: 1,
      channels: 3,
      data: [9, 8, 7, 6, 5, 4],
    });
    expect('bytes' in back[2] && back[2].bytes.length).toBe(0);
  });

  it('round-trips vectors of any length and failure reasons', () => {
    const results: HogJobResult[] = [
      { index: 1, ok: true, vector: Float64Array.from([0.5, 0.25]) },
      { index: 3, ok: false, code: 'empty-file', reason: 'the file is empty (0 bytes)', reasonKey: 'data.problems.why.empty-file' },
      { index: 4, ok: true, vector: Float64Array.from([1, 2, 3]) },
      {
        index: 6,
        ok: false,
        code: 'too-small',
        reason: 'A 4x4 image is smaller than one HOG block',
        reasonKey: 'features.extract.reason.too-small',
        params: { width: 4, height: 4, minWidth: 8, minHeight: 8 },
      },
    ];
    const { packed } = packResults(results);
    const back = unpackResults(structuredClone(packed));
    expect(back.map((r) => (r.ok ? [r.index, Array.from(r.vector)] : [r.index, r.code, r.reason, r.reasonKey, r.params]))).toEqual([
      [1, [0.5, 0.25]],
      [3, 'empty-file', 'the file is empty (0 bytes)', 'data.problems.why.empty-file', undefined],
      [4, [1, 2, 3]],
      [
        6,
        'too-small',
        'A 4x4 image is smaller than one HOG block',
        'features.extract.reason.too-small',
        { width: 4, height: 4, minWidth: 8, minHeight: 8 },
      ],
    ]);
  });
});
