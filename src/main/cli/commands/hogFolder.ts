import { resolve } from 'node:path';
import type { HogPipeline } from '../../../shared/contract/features';
import { DatasetStore } from '../../core/datasets/datasetStore';
import { loadImageFolder } from '../../core/datasets/images/loadImageFolder';
import { datasetHog } from '../../core/features/datasetHog';
import { featureSetCsv } from '../../core/features/featureSetCsv';
import { defaultCacheDir } from '../../core/features/hogCache';
import { writeFileAtomic } from '../../core/runs/atomicWrite';
import type { CliIO } from '../command';

/**
 * `sinapsis hog <folder> --csv out.csv`: the HOG of every image of a class folder as the Características view
 * exports it (`file,label,hog_0…`, files relative to the folder), for notebooks and scripted labs.
 */
export async function hogFolderToCsv(folder: string, pipeline: HogPipeline, csvPath: string, io: CliIO): Promise<void> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const dataset = await loadImageFolder(folder, { signal: controller.signal, datasetId: DatasetStore.newId() });
    const { featureSet, extraction } = await datasetHog(dataset, {
      pipeline,
      signal: controller.signal,
      cacheDir: defaultCacheDir(),
      onProgress: io.isTTY ? (p) => io.err(`\rhog: ${p.done}/${p.total} images`) : undefined,
    });
    if (io.isTTY) io.err('\n');
    const out = resolve(csvPath);
    await writeFileAtomic(out, featureSetCsv(featureSet));
    const skipped = dataset.summary.problemsSkipped;
    const lines = [
      `folder: ${dataset.root} (${dataset.images.length} images in ${dataset.classNames.length} classes${skipped ? `; skipped: ${skipped}, listed by sinapsis dataset` : ''})`,
      `feature length: ${featureSet.length}`,
      `csv: ${out} (${featureSet.rows} rows, ${extraction.fromCache} from the cache, ${extraction.seconds.toFixed(1)} s)`,
      ...extraction.failures.map((f) => `  failed  ${f.file}: ${f.reason}`),
    ];
    io.out(lines.join('\n') + '\n');
  } finally {
    process.off('SIGINT', onSigint);
  }
}
