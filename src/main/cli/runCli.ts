import { SinapsisError } from '../../shared/contract';
import { APP_VERSION } from '../core/app/version';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_UNEXPECTED, type CliIO } from './command';
import { commands } from './commands';
import { maxOf } from '../../shared/arrays';
import { notARegularFile } from './readCliFile';

export function mainHelp(): string {
  const width = maxOf(
    commands.map((c) => c.name.length),
    0,
  );
  return `Sinapsis ${APP_VERSION}: an offline lab for neural networks and computer vision

Usage: sinapsis <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "sinapsis <command> --help" for a command's options.
`;
}

/** Runs one command line and returns the exit code; every failure becomes a one-line message. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${APP_VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`sinapsis: unknown command "${name}".\n\n${mainHelp()}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof SinapsisError) {
      // The core's refusal speaks of a lab server's allowed folders; on the command line it means a special file.
      const shown =
        error.code === 'path-not-allowed' && typeof error.params?.file === 'string'
          ? notARegularFile(error.params.file, 'a regular file, folder or builtin:NAME')
          : error;
      io.err(`sinapsis ${name}: ${shown.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.err(`sinapsis ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.SINAPSIS_DEBUG) io.err(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT_UNEXPECTED;
  }
}
