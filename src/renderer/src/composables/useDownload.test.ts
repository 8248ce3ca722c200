import { describe, expect, it } from 'vitest';
import { base64Bytes, runDownloadName } from './useDownload';

describe('downloads', () => {
  it('decodes base64 to the original bytes', () => {
    expect(Array.from(base64Bytes(Buffer.from([0, 1, 200, 255]).toString('base64')))).toEqual([0, 1, 200, 255]);
    expect(new TextDecoder().decode(base64Bytes(Buffer.from('label,precision\nuno,0.8\n').toString('base64')))).toBe(
      'label,precision\nuno,0.8\n',
    );
  });

  it('names run files after their run, without folders', () => {
    expect(runDownloadName('20261122T101500Z-abc123', 'charts/loss.png')).toBe('20261122T101500Z-abc123-charts-loss.png');
    expect(runDownloadName('r1', 'per-class.csv')).toBe('r1-per-class.csv');
  });
});
