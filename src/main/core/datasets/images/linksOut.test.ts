import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAccessPolicy, pathNotAllowed } from '../../files';
import { extractHog } from '../../features/extractHog';
import { hogPipelineSchema } from '../../../../shared/contract/features';
import { OpenedPaths } from '../pathGuard';
import { buildDigitLikeFolder } from '../testing/messyDataset';
import { loadImageFolder } from './loadImageFolder';

// Symbolic links leaving an opened folder are refused the same way by the scan, by the image viewer and by
// training's file reads: none of them reads what the link points to.
describe('links out of an opened folder', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    root = await buildDigitLikeFolder(2, 3);
    outside = await mkdtemp(join(tmpdir(), 'sinapsis-outside-'));
    await mkdir(join(outside, 'more'));
    await copyFile(join(root, '0', '00000.png'), join(outside, 'secret.png'));
    await copyFile(join(root, '0', '00000.png'), join(outside, 'more', 'x.png'));
    await symlink(join(outside, 'secret.png'), join(root, '0', 'leak.png'));
    await symlink(join(outside, 'more'), join(root, '1', 'more'));
    await symlink(join(root, '1', '00000.png'), join(root, '0', 'inside-link.png'));
    execFileSync('mkfifo', [join(root, '1', 'pipe.png')]);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('the scan reports and skips them, keeps links inside, and skips a FIFO without opening it', async () => {
    const dataset = await loadImageFolder(root, { signal: new AbortController().signal, datasetId: 'links' });
    const codes = Object.fromEntries(dataset.summary.problems.map((p) => [p.file, p.code]));
    expect(codes['0/leak.png']).toBe('link-outside');
    expect(codes['1/more']).toBe('link-outside');
    expect(codes['1/pipe.png']).toBe('special-file');
    expect(dataset.summary.classes).toEqual([
      { name: '0', count: 4 },
      { name: '1', count: 3 },
    ]);
    expect(dataset.images.map((i) => i.file)).not.toContain('0/leak.png');
  });

  it('the image viewer and HOG extraction of files refuse them with the policy message', async () => {
    const opened = new OpenedPaths();
    opened.grant(root);
    expect(() => opened.resolveInside(root, '0/leak.png')).toThrow(pathNotAllowed('0/leak.png').message);
    expect(() => opened.resolveInside(root, '1/more/x.png')).toThrow(pathNotAllowed('1/more/x.png').message);
    const extraction = await extractHog(
      {
        kind: 'files',
        files: [
          { name: 'leak', path: join(root, '0', 'leak.png') },
          { name: 'pipe', path: join(root, '1', 'pipe.png') },
        ],
      },
      {
        pipeline: hogPipelineSchema.parse({}),
        signal: new AbortController().signal,
        cacheDir: null,
        threads: 1,
        files: new FileAccessPolicy({ roots: [root] }),
      },
    );
    expect(extraction.failures.map((f) => f.code)).toEqual(['link-outside', 'link-outside']);
  });

  it('a lab server refuses a folder outside its roots before scanning it', async () => {
    const policy = new FileAccessPolicy({ roots: [outside] });
    await expect(loadImageFolder(root, { signal: new AbortController().signal, datasetId: 'x', files: policy })).rejects.toThrow(
      pathNotAllowed(root).message,
    );
  });
});
