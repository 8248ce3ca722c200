import { describe, expect, it } from 'vitest';
import { hogPipelineSchema } from '../../../shared/contract/features';
import { featureSetCsv } from './featureSetCsv';
import { previewHog } from './previewHog';

/** A 20x20 grey image with a bright bar, different per seed. */
function image(seed: number) {
  const data = new Uint8Array(400);
  for (let y = 0; y < 20; y++)
    for (let x = 0; x < 20; x++) data[y * 20 + x] = Math.abs(x - 5 - seed) < 2 || y === 3 * seed ? 250 : 10 + ((x * 7 + y * 3 + seed) % 40);
  return { width: 20, height: 20, channels: 1 as const, data };
}

describe('features CSV', () => {
  it('has file, label and every HOG value of each image, equal to skimage-compatible previewHog to 9 digits', () => {
    const pipeline = hogPipelineSchema.parse({});
    const vectors = [1, 2, 3].map((seed) => previewHog(image(seed), pipeline).vector);
    const length = vectors[0].length;
    expect(length).toBe(320);
    const matrix = new Float64Array(3 * length);
    vectors.forEach((v, row) => matrix.set(v, row * length));
    const csv = featureSetCsv({
      kind: 'hog',
      length,
      rows: 3,
      matrix,
      names: ['/datos/dígitos/uno/a.png', '/datos/dígitos/dos/b, c.png', '/datos/dígitos/uno/d.png'],
      labels: Int32Array.from([0, 1, 0]),
      classNames: ['uno', 'dos'],
    });
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['file', 'label', 'hog_0']);
    expect(header).toHaveLength(322);
    expect(header[321]).toBe('hog_319');
    expect(lines[1].startsWith('/datos/dígitos/uno/a.png,uno,')).toBe(true);
    expect(lines[2].startsWith('"/datos/dígitos/dos/b, c.png",dos,')).toBe(true);
    const values = lines[3].split(',').slice(2).map(Number);
    expect(values).toHaveLength(320);
    values.forEach((v, i) => expect(Math.abs(v - vectors[2][i])).toBeLessThan(1e-9));
    expect(values.some((v) => v > 0)).toBe(true);
  });

  it('leaves the label empty for files outside a dataset', () => {
    const csv = featureSetCsv({
      kind: 'hog',
      length: 2,
      rows: 1,
      matrix: Float64Array.from([0.5, 1 / 3]),
      names: ['x.png'],
      labels: null,
      classNames: null,
    });
    expect(csv).toBe('file,label,hog_0,hog_1\nx.png,,0.5,0.333333333\n');
  });
});
