import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { workerEntries } from './src/main/core/workers/registry';
import { requireCjsPackages } from './scripts/requireCjsPackages';

const root = import.meta.dirname;
/** CommonJS packages the main build loads with `require`, not through ESM (see scripts/requireCjsPackages.ts). */
const requiredPackages = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'];

export default defineConfig({
  main: {
    plugins: [requireCjsPackages(requiredPackages)],
    build: {
      externalizeDeps: { exclude: [...requiredPackages] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          cli: resolve(root, 'src/main/cli.ts'),
          ...Object.fromEntries(
            Object.entries(workerEntries).map(([name, file]) => [`workers/${name}`, resolve(root, 'src/main/core', `${file}.ts`)]),
          ),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
