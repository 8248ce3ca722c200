import { describe, expect, it } from 'vitest';
import { cameraProblem, captureProblem, centreSquare, isFolderName, photoPath } from './cameraDataset';

describe('a webcam dataset', () => {
  it('accepts folder names people type and refuses empty, hidden and separator names', () => {
    for (const name of ['gatos', 'Clase 1', 'ñandú', ' perros ']) expect(isFolderName(name), name).toBe(true);
    for (const name of ['', '   ', '.oculta', 'a/b', 'a\\b', 'x'.repeat(101)]) expect(isFolderName(name), name).toBe(false);
  });

  it('needs two classes with photos, every class with photos, and distinct valid names', () => {
    expect(
      captureProblem('camara', [
        { name: 'a', count: 3 },
        { name: 'b', count: 1 },
      ]),
    ).toBeNull();
    expect(captureProblem('camara', [{ name: 'a', count: 3 }])).toEqual({ key: 'fewClasses' });
    expect(
      captureProblem('camara', [
        { name: 'a', count: 3 },
        { name: 'b', count: 0 },
      ]),
    ).toEqual({ key: 'fewClasses' });
    expect(
      captureProblem('camara', [
        { name: 'a', count: 3 },
        { name: 'b', count: 2 },
        { name: 'c', count: 0 },
      ]),
    ).toEqual({ key: 'emptyClass', params: { name: 'c' } });
    expect(
      captureProblem('camara', [
        { name: 'Gatos', count: 3 },
        { name: 'gatos ', count: 2 },
      ]),
    ).toEqual({ key: 'duplicateName', params: { name: 'gatos' } });
    expect(
      captureProblem('camara', [
        { name: '../x', count: 3 },
        { name: 'b', count: 2 },
      ]),
    ).toEqual({ key: 'badName', params: { name: '../x' } });
    expect(
      captureProblem('', [
        { name: 'a', count: 3 },
        { name: 'b', count: 2 },
      ]),
    ).toEqual({ key: 'badName', params: { name: '' } });
  });

  it('names photos inside dataset/class folders, numbered in order', () => {
    expect(photoPath(' camara ', ' gatos ', 6)).toBe('camara/gatos/gatos-0007.jpg');
  });

  it('says what a failed camera start means', () => {
    const failure = (name: string) => Object.assign(new Error('x'), { name });
    const ok = { secure: true, hasCamera: true };
    expect(cameraProblem(failure('NotAllowedError'), { secure: false, hasCamera: false }).key).toBe('insecure');
    expect(cameraProblem(undefined, { secure: true, hasCamera: false }).key).toBe('unsupported');
    expect(cameraProblem(failure('NotAllowedError'), ok).key).toBe('denied');
    expect(cameraProblem(failure('NotFoundError'), ok).key).toBe('missing');
    expect(cameraProblem(failure('NotReadableError'), ok).key).toBe('busy');
    expect(cameraProblem(new Error('boom'), ok)).toEqual({ key: 'other', params: { reason: 'boom' } });
  });

  it('takes the centred square of a frame', () => {
    expect(centreSquare(640, 480)).toEqual({ x: 80, y: 0, side: 480 });
    expect(centreSquare(480, 640)).toEqual({ x: 0, y: 80, side: 480 });
  });
});
