import { join } from 'node:path';
import { sampleRun } from '../reports/sampleRun.testdata';
import { writeFileAtomic, writeJsonAtomic } from './atomicWrite';
import { toCsv } from './historyCsv';
import { createRunFolder, finishRun } from './runFolder';
import { HISTORY_COLUMNS } from '../../../shared/contract/runs';

/** Writes the sample run as a finished run folder under `root`; returns its folder. */
export async function writeSampleRun(root: string): Promise<string> {
  const { config, metrics, history } = sampleRun();
  const { dir } = await createRunFolder(root, config.runId);
  await writeJsonAtomic(join(dir, 'config.json'), config);
  await writeJsonAtomic(join(dir, 'metrics.json'), metrics);
  await writeFileAtomic(join(dir, 'history.csv'), toCsv(HISTORY_COLUMNS, history));
  await finishRun(dir, 'completed');
  return dir;
}
