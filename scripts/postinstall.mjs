// Tries the Electron binary download that `allowScripts` keeps npm from running, so that an offline
// install never fails: on a lab PC with internet the app gets its window, here it falls back to browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // production install without devDependencies: nothing to fetch
}
if (existsSync(join(electronDir, 'path.txt'))) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('sinapsis: ELECTRON_SKIP_BINARY_DOWNLOAD set; `npm start` will use browser mode.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 120_000,
});
if (result.status === 0 && existsSync(join(electronDir, 'path.txt'))) {
  console.log('sinapsis: Electron binary installed.');
} else {
  console.log('sinapsis: Electron binary could not be downloaded (offline?); `npm start` will use browser mode instead.');
}
process.exit(0);
