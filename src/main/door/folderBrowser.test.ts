import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderListing } from '../../shared/contract/files';
import { FileAccessPolicy, realPathLoose } from '../core/files';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';

/** files.browse through the door: validated there, and on a lab server never outside the allowed roots. */

let core: Core;
let shared: string;
const emit = (() => undefined) as Parameters<typeof dispatch>[3];

beforeAll(async () => {
  const base = realPathLoose(mkdtempSync(join(tmpdir(), 'sinapsis-browse-door-')));
  shared = join(base, 'compartido');
  for (const name of ['rojo', 'azul']) {
    mkdirSync(join(shared, 'colores', name), { recursive: true });
    writeFileSync(join(shared, 'colores', name, '1.png'), 'x');
  }
  core = await createCore('browser', { runsRoot: join(base, 'runs'), files: new FileAccessPolicy({ roots: [shared] }) });
});
afterAll(() => core.dispose());

describe('files.browse at the door', () => {
  it('lists the allowed roots, then a shared folder with its dataset marked', async () => {
    const start = await dispatch(core, 'files.browse', {}, emit);
    expect(start.ok && (start.value as FolderListing).entries.map((e) => e.name)).toContain('compartido');
    const listing = await dispatch(core, 'files.browse', { path: shared }, emit);
    expect(listing.ok && (listing.value as FolderListing).entries).toEqual([
      { name: 'colores', path: join(shared, 'colores'), kind: 'folder', look: 'image-dataset' },
    ]);
  });

  it('refuses a folder outside the roots with the policy message, and a malformed request at the door', async () => {
    const outside = await dispatch(core, 'files.browse', { path: join(shared, '..') }, emit);
    expect(outside.ok ? null : outside.error).toMatchObject({ code: 'path-not-allowed' });
    for (const payload of [{ path: 7 }, { path: '' }, { path: 'x'.repeat(5000) }]) {
      const bad = await dispatch(core, 'files.browse', payload, emit);
      expect(bad.ok ? null : bad.error.code).toBe('invalid-request');
    }
  });
});
