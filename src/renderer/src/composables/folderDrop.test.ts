import { describe, expect, it } from 'vitest';
import { filesFromDrop, uploadName, type DropSource } from './folderDrop';

/**
 * The folder walking of a drop from the file manager, with fake FileSystemEntry trees: a headless browser cannot
 * put folder entries into a DataTransfer (e2e/dropFolder.spec.ts drives the same code in Chromium with these fakes).
 */

type FakeTree = { [name: string]: string | FakeTree };

/** A directory reader that hands out its entries `batch` at a time, then an empty batch, as Chromium's does (100 at a time). */
function entryOf(name: string, node: string | FakeTree, parent: string, batch: number, reads: { count: number }): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof node === 'string') {
    return {
      isFile: true,
      isDirectory: false,
      name,
      fullPath,
      file: (done: (file: File) => void) => done(new File([node], name)),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([child, value]) => entryOf(child, value, fullPath, batch, reads));
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (done: (entries: FileSystemEntry[]) => void) => {
          reads.count++;
          done(children.slice(at, (at += batch)));
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function drop(tree: FakeTree, batch = 2, reads = { count: 0 }): DropSource {
  const items = Object.entries(tree).map(([name, node]) => ({ webkitGetAsEntry: () => entryOf(name, node, '', batch, reads) }));
  return { items: items as unknown as DataTransferItemList, files: [] as unknown as FileList };
}

const photos: FakeTree = {
  fotos: {
    rojo: { '0.png': 'r0', '1.png': 'r1', '2.png': 'r2', '3.png': 'r3', '4.png': 'r4' },
    verde: { '0.png': 'g0', sub: { 'x.png': 'gx' } },
  },
};

describe('filesFromDrop', () => {
  it('walks a dropped folder to every file, its path inside the drop, across reader batches and nested folders', async () => {
    const reads = { count: 0 };
    const files = await filesFromDrop(drop(photos, 2, reads));
    expect(files.map((f) => f.path)).toEqual([
      'fotos/rojo/0.png',
      'fotos/rojo/1.png',
      'fotos/rojo/2.png',
      'fotos/rojo/3.png',
      'fotos/rojo/4.png',
      'fotos/verde/0.png',
      'fotos/verde/sub/x.png',
    ]);
    expect(await files[6].file.text()).toBe('gx');
    // rojo's five entries need three batches of two and the closing empty one: the walk did not stop at the first.
    expect(reads.count).toBe(2 + 4 + 2 + 2);
    expect(uploadName(files)).toBe('fotos');
  });

  it('several class folders dropped at once keep one top folder each', async () => {
    const files = await filesFromDrop(drop({ gatos: { 'a.jpg': 'a' }, perros: { 'b.jpg': 'b' } }));
    expect(files.map((f) => f.path)).toEqual(['gatos/a.jpg', 'perros/b.jpg']);
    expect(uploadName(files)).toBe('gatos, perros');
  });

  it('without entries (a plain file list) takes the files by name', async () => {
    const file = new File(['z'], 'fotos.zip');
    const transfer = { items: [{ webkitGetAsEntry: () => null }] as unknown as DataTransferItemList, files: [file] as unknown as FileList };
    expect((await filesFromDrop(transfer)).map((f) => f.path)).toEqual(['fotos.zip']);
  });

  it('an unreadable folder rejects the drop instead of uploading part of it', async () => {
    const broken = {
      isFile: false,
      isDirectory: true,
      name: 'x',
      fullPath: '/x',
      createReader: () => ({ readEntries: (_ok: unknown, fail: (e: Error) => void) => fail(new Error('NotReadableError')) }),
    };
    const transfer = { items: [{ webkitGetAsEntry: () => broken }] as unknown as DataTransferItemList, files: [] as unknown as FileList };
    await expect(filesFromDrop(transfer)).rejects.toThrow('NotReadableError');
  });
});
