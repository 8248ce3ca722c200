import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A `sinapsis serve` of the built bundle of a spec's own (beside the one playwright.config starts), for specs that
 * stop it, restart it or give it a runs folder of their own. Resolves once it prints its URL.
 */
export function startOwnServer(port: number, token: string, runsDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['out/main/cli.js', 'serve', '--port', String(port), '--token', token], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SINAPSIS_RUNS_DIR: runsDir },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(`:${port}/`)) {
        clearTimeout(timer);
        resolve(server);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
  });
}

/** Stops it as a terminal would (SIGTERM: trainings saved as stopped) and waits for it to exit. */
export const stopOwnServer = (server: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
