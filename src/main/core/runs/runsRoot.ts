import { homedir } from 'node:os';
import { join } from 'node:path';

/** Runs go to SINAPSIS_RUNS_DIR when set (tests, lab servers), else to ~/Sinapsis/runs. */
export function defaultRunsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SINAPSIS_RUNS_DIR || join(homedir(), 'Sinapsis', 'runs');
}
