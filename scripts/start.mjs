// `npm start`: the desktop app when the Electron binary is installed, otherwise browser mode
// (the same interface served on 127.0.0.1 and opened in the system browser if there is one).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let child;
if (binary && hasDisplay) {
  console.log('sinapsis: starting the desktop app (Electron).');
  child = spawn(binary, [join(root, 'out/main/index.js')], { stdio: 'inherit' });
} else {
  console.log(
    binary
      ? 'sinapsis: no display found; starting browser mode instead of the desktop app.'
      : 'sinapsis: the Electron binary is not installed (offline install); starting browser mode instead.',
  );
  const extra = process.argv.slice(2);
  child = spawn(process.execPath, [join(root, 'out/main/cli.js'), 'serve', '--open', ...extra], { stdio: 'inherit' });
}
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 0);
});
// Ctrl+C and a closed terminal signal the whole foreground process group, the child included: forwarding those
// would reach it twice, and a second signal makes `serve` quit at once instead of saving its trainings. A
// SIGTERM is sent to this process alone (kill, a service manager), so it is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGHUP', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
