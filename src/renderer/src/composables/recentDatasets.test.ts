import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import { MAX_RECENT, readRecent, RECENT_KEY, rememberDataset } from './recentDatasets';

function memory(): Storage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) } as Storage;
}

const folder = (root: string) => ({ kind: 'images', root, name: root.split('/').pop(), total: 12, classes: [{ name: 'a' }, { name: 'b' }] }) as unknown as DatasetSummary;

describe('recent datasets', () => {
  it('lists the latest first, once each, at most MAX_RECENT', () => {
    const storage = memory();
    for (let i = 0; i < MAX_RECENT + 3; i++) rememberDataset(folder(`/d/${i}`), storage);
    rememberDataset(folder('/d/4'), storage);
    const list = readRecent(storage);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toMatchObject({ path: '/d/4', name: '4', images: 12, classes: 2 });
    expect(list.filter((entry) => entry.path === '/d/4')).toHaveLength(1);
  });

  it('ignores tables and survives damaged storage', () => {
    const storage = memory();
    expect(rememberDataset({ kind: 'table' } as DatasetSummary, storage)).toEqual([]);
    storage.setItem(RECENT_KEY, '{not json');
    expect(readRecent(storage)).toEqual([]);
    storage.setItem(RECENT_KEY, JSON.stringify([{ path: 1 }, { path: '/x', name: 'x', images: 1, classes: 2, openedAt: 'now' }]));
    expect(readRecent(storage).map((entry) => entry.path)).toEqual(['/x']);
  });
});
