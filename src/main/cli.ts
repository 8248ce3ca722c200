import module from 'node:module';
import { compileCacheDir } from './cli/compileCache';

// Door 3: the `sinapsis` command line. Waits for the command (`serve` returns once it has stopped), then exits
// with its code (explicitly, since tfjs and worker pools may keep handles open), but only once stdout and stderr
// have drained: through a pipe Node writes asynchronously, and exiting at once would cut every output longer than
// the pipe's 64 KB buffer.
//
// V8's compile cache (Node 22.1 and later) is turned on before anything else is imported, so every module loaded
// after this line (the command, the core, tfjs) is compiled from the cache on the next start; Node 20 has none.
(module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(compileCacheDir());
const [{ processIO }, { drainThenExit, exitQuietlyOnClosedPipe }, { runCli }] = await Promise.all([
  import('./cli/command'),
  import('./cli/drainThenExit'),
  import('./cli/runCli'),
]);
exitQuietlyOnClosedPipe(process.stdout);
const code = await runCli(process.argv.slice(2), processIO);
await drainThenExit(code, [process.stdout, process.stderr]);
