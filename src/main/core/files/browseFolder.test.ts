import { mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, parse, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FolderListing } from '../../../shared/contract/files';
import { browseFolder } from './browseFolder';
import { FileAccessPolicy, LOCAL_FILES, realPathLoose } from './fileAccessPolicy';

/**
 * home/
 *   .oculta/          hidden: never listed
 *   fotos/gatos/a.jpg fotos/perros/b.PNG   a dataset (two class folders with images)
 *   gatos-solo/1.jpg  a class folder opened by mistake
 *   vacia/            neither
 *   tabla.csv  notas.pdf  .secreto.csv     a table is listed, other files and hidden ones are not
 *   afuera -> outside/   a link leading out of home
 * outside/secret.csv
 */
let home: string;
let outside: string;

function touch(path: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
}

beforeAll(() => {
  const base = realPathLoose(mkdtempSync(join(tmpdir(), 'sinapsis-browse-')));
  home = join(base, 'home');
  outside = join(base, 'outside');
  for (const file of [
    'fotos/gatos/a.jpg',
    'fotos/perros/b.PNG',
    'gatos-solo/1.jpg',
    'tabla.csv',
    'notas.pdf',
    '.secreto.csv',
    '.oculta/c.jpg',
  ])
    touch(join(home, file));
  mkdirSync(join(home, 'vacia'));
  touch(join(outside, 'secret.csv'));
  symlinkSync(outside, join(home, 'afuera'));
});

const names = (listing: FolderListing) => listing.entries.map((entry) => `${entry.kind}:${entry.name}:${entry.look ?? '-'}`);

describe('browseFolder on a single user machine', () => {
  it('starts at home, folders first then tables, hidden entries and other files left out, datasets marked', async () => {
    const listing = await browseFolder(LOCAL_FILES, undefined, home);
    expect(listing.path).toBe(home);
    expect(listing.scope).toBe('machine');
    expect(names(listing)).toEqual([
      'folder:afuera:-',
      'folder:fotos:image-dataset',
      'folder:gatos-solo:class-folder',
      'folder:vacia:-',
      'file:tabla.csv:table',
    ]);
    expect(listing.truncated).toBe(false);
  });

  it('breadcrumbs go from the filesystem root down to the folder, and up is its parent', async () => {
    const listing = await browseFolder(LOCAL_FILES, join(home, 'fotos'), home);
    const root = parse(home).root;
    expect(listing.crumbs[0]).toEqual({ name: root, path: root });
    expect(listing.crumbs.at(-1)).toEqual({ name: 'fotos', path: join(home, 'fotos') });
    expect(
      listing.crumbs
        .map((c) => c.name)
        .slice(1)
        .join(sep),
    ).toBe(join(home, 'fotos').slice(root.length));
    expect(listing.parent).toBe(home);
    expect(listing.look).toBe('image-dataset');
    expect((await browseFolder(LOCAL_FILES, root, home)).parent).toBeUndefined();
  });

  it('a typed path is trimmed and ~ expanded; a relative path, a file and a missing folder are refused with what to do', async () => {
    expect((await browseFolder(LOCAL_FILES, '  ~/fotos ', home)).path).toBe(join(home, 'fotos'));
    await expect(browseFolder(LOCAL_FILES, 'fotos', home)).rejects.toMatchObject({ code: 'browse-relative-path' });
    await expect(browseFolder(LOCAL_FILES, join(home, 'tabla.csv'), home)).rejects.toMatchObject({ code: 'browse-not-a-folder' });
    await expect(browseFolder(LOCAL_FILES, join(home, 'no-existe'), home)).rejects.toMatchObject({ code: 'browse-not-a-folder' });
  });

  it('never lists the kernel trees', async () => {
    const top = await browseFolder(LOCAL_FILES, '/', home);
    expect(top.entries.map((e) => e.name)).not.toContain('proc');
    await expect(browseFolder(LOCAL_FILES, '/proc', home)).rejects.toMatchObject({ code: 'path-not-allowed' });
  });
});

describe('browseFolder on a lab server (allowed roots only)', () => {
  const lab = () => new FileAccessPolicy({ roots: [join(home, 'fotos'), join(home, 'gatos-solo'), join(home, 'no-existe')] });

  it('starts at the list of the roots that exist, each marked', async () => {
    const listing = await browseFolder(lab(), undefined, home);
    expect(listing).toMatchObject({ path: null, scope: 'roots', crumbs: [] });
    expect(names(listing)).toEqual(['folder:fotos:image-dataset', 'folder:gatos-solo:class-folder']);
  });

  it('a root goes up to the roots list; its crumbs start at the root', async () => {
    const listing = await browseFolder(lab(), join(home, 'fotos'), home);
    expect(listing.parent).toBeNull();
    expect(listing.crumbs).toEqual([{ name: 'fotos', path: join(home, 'fotos') }]);
    const inner = await browseFolder(lab(), join(home, 'fotos', 'gatos'), home);
    expect(inner.parent).toBe(join(home, 'fotos'));
    expect(inner.crumbs.map((c) => c.name)).toEqual(['fotos', 'gatos']);
  });

  it('refuses home, a parent escape and a link out of a root with the policy message; a link out is not listed', async () => {
    await expect(browseFolder(lab(), home, home)).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(browseFolder(lab(), join(home, 'fotos', '..'), home)).rejects.toMatchObject({ code: 'path-not-allowed' });
    symlinkSync(outside, join(home, 'fotos', 'afuera'));
    try {
      expect(names(await browseFolder(lab(), join(home, 'fotos'), home))).toEqual([
        'folder:gatos:class-folder',
        'folder:perros:class-folder',
      ]);
      await expect(browseFolder(lab(), join(home, 'fotos', 'afuera'), home)).rejects.toMatchObject({ code: 'path-not-allowed' });
    } finally {
      unlinkSync(join(home, 'fotos', 'afuera'));
    }
  });
});
