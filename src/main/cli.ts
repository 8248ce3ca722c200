import { processIO } from './cli/command';
import { drainThenExit, exitQuietlyOnClosedPipe } from './cli/drainThenExit';
import { runCli } from './cli/runCli';

// Door 3: the `sinapsis` command line. Waits for the command (`serve` returns once it has stopped), then exits
// with its code (explicitly, since tfjs and worker pools may keep handles open), but only once stdout and stderr
// have drained: through a pipe Node writes asynchronously, and exiting at once would cut every output longer than
// the pipe's 64 KB buffer.
exitQuietlyOnClosedPipe(process.stdout);
const code = await runCli(process.argv.slice(2), processIO);
await drainThenExit(code, [process.stdout, process.stderr]);
