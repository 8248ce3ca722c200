/** Exit codes shared by every command: 0 ok, 1 unexpected error, 2 bad arguments or bad data. */
export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_BAD_INPUT = 2;
/** `sinapsis check`: the check ran, and some run does not pass it (a grader's script tells it from a crash). */
export const EXIT_CHECK_MISMATCH = 3;
/** A second stop signal quit before the work was saved (128 + SIGINT, as shells report an interrupted command). */
export const EXIT_INTERRUPTED = 130;

/** Output streams, injectable so tests can capture what a command prints. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
};

/**
 * One `sinapsis <name>` subcommand, loaded when it runs (its name and summary are in commands/index.ts). `help` is
 * the full text printed for `sinapsis <name> --help`.
 */
export interface CliCommand {
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
}
