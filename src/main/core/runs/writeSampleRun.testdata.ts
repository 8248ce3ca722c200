import { join } from 'node:path';
import { sampleRun } from '../reports/sampleRun.testdata';
import { writeFileAtomic, writeJsonAtomic } from './atomicWrite';
import { toCsv } from './historyCsv';
import { createRunFolder, finishRun } from './runFolder';
import { HISTORY_COLUMNS } from '../../../shared/contract/runs';

/** Writes the sample run as a finished run folder under `root`, after `edit` changed what it needs to; returns its folder. */
export async function writeSampleRun(root: string, edit: (run: ReturnType<typeof sampleRun>) => void = () => undefined): Promise<string> {
  const run = sampleRun();
  edit(run);
  const { config, metrics, history } = run;
  const { dir } = await createRunFolder(root, config.runId);
  await writeJsonAtomic(join(dir, 'config.json'), config);
  await writeJsonAtomic(join(dir, 'metrics.json'), metrics);
  await writeFileAtomic(join(dir, 'history.csv'), toCsv(HISTORY_COLUMNS, history));
  await finishRun(dir, 'completed');
  return dir;
}
