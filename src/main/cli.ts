import { processIO } from './cli/command';
import { runCli } from './cli/runCli';

// Door 3: the `sinapsis` command line. Waits for the command, then exits with its code
// (explicitly, since tfjs and worker pools may keep handles open).
const code = await runCli(process.argv.slice(2), processIO);
process.exitCode = code;
if (!process.argv.includes('serve')) process.exit(code);
