import { describe, expect, it } from 'vitest';
import { droppedPathKind } from './useWindowDrop';

describe('a path dropped onto the desktop window', () => {
  it('opens tables as CSV, zips through the upload, and anything else as an image folder', () => {
    expect(droppedPathKind('/home/ana/vinos.csv')).toBe('csv');
    expect(droppedPathKind('C:\\Users\\ana\\datos.TSV')).toBe('csv');
    expect(droppedPathKind('/home/ana/fotos.zip')).toBe('zip');
    expect(droppedPathKind('/home/ana/fotos')).toBe('folder');
    // A dot in a folder's name is not an extension; a single image goes to the folder opener, which says what to do.
    expect(droppedPathKind('/home/ana/v1.2/fotos')).toBe('folder');
    expect(droppedPathKind('/home/ana/gato.jpg')).toBe('folder');
  });
});
