import { APP_VERSION } from '../core/app/version';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_UNEXPECTED, type CliIO } from './command';
import { commands } from './commands';
import { maxOf } from '../../shared/arrays';

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
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`sinapsis: unknown command "${name}".\n\n${mainHelp()}`);
    return EXIT_BAD_INPUT;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.help);
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (error) {
    // Loaded here, not at the top: `sinapsis --help` needs neither it nor zod, which it imports; a command that
    // threw one has loaded it already.
    const { SinapsisError } = await import('../../shared/contract/errors');
    if (error instanceof SinapsisError) {
      // The core's refusal speaks of a lab server's allowed folders; on the command line it means a special file.
      // readCliFile (and the core files module it imports) is only needed for this message, so loaded for it.
      const shown =
        error.code === 'path-not-allowed' && typeof error.params?.file === 'string'
          ? (await import('./readCliFile')).notARegularFile(error.params.file, 'a regular file, folder or builtin:NAME')
          : error;
      io.err(`sinapsis ${name}: ${shown.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.err(`sinapsis ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.SINAPSIS_DEBUG) io.err(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT_UNEXPECTED;
  }
}
