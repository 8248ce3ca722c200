import vue from '@vitejs/plugin-vue';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores here: forks keep tfjs backends and worker pools isolated per file.
    pool: 'forks',
    maxWorkers: 2,
    env: { SINAPSIS_RUNS_DIR: join(tmpdir(), 'sinapsis-vitest-runs') },
  },
});
