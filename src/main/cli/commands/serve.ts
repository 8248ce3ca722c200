import { rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { backendStatus } from '../../core/engine/backends';
import { keepTrainerWarm } from '../../core/engine/trainerWorkers';
import { isLoopbackHost, MIN_TOKEN_LENGTH, startServer, type RunningServer } from '../../serve';
import { intOption, parseCommandArgs } from '../args';
import { EXIT_INTERRUPTED, EXIT_OK, type CliCommand, type CliIO } from '../command';
import { openSecretUrlInBrowser } from '../openInBrowser';
import { maxTrainingsFromEnv } from '../../core/tasks/slots';
import { DEFAULT_WORKSPACE_MEMORY_MB, parseStudentList, type LabServeOptions } from '../../door/labServer';
import { defaultWorkspacesRoot } from '../../core/workspaces/workspaces';
import { readCliFile } from '../readCliFile';

/** A class list is names, one a line: a few kilobytes; a larger file is not one. */
const MAX_STUDENT_LIST_BYTES = 1024 ** 2;

export const DEFAULT_PORT = 5170;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The first stop signal stops gracefully (every training is saved as "stopped" after its current batch, as
 * `sinapsis train` does on Ctrl+C); a second one exits at once. Resolves once the server has stopped.
 */
function stopOnSignal(server: RunningServer, io: CliIO, launcher: string | null): Promise<void> {
  return new Promise((resolveStopped) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        io.err(`sinapsis serve: ${signal} again, quitting now; trainings not yet saved stay marked as interrupted.\n`);
        process.exit(EXIT_INTERRUPTED);
      }
      stopping = true;
      io.out(
        `\nStopping (${signal}): trainings in progress end after their current batch and are saved as "stopped". Press Ctrl+C again to quit at once.\n`,
      );
      void server.shutdown().then(() => {
        for (const name of STOP_SIGNALS) process.off(name, onSignal);
        if (launcher) rmSync(dirname(launcher), { recursive: true, force: true });
        io.out('Sinapsis stopped.\n');
        resolveStopped();
      });
    };
    for (const name of STOP_SIGNALS) process.on(name, onSignal);
  });
}

type ServeValues = { data?: unknown; students?: unknown; workspaces?: unknown; 'workspace-memory'?: unknown };

/** The lab-server flags, checked: every --data folder must exist, the students list must be readable. */
async function labOptions(values: ServeValues): Promise<LabServeOptions> {
  const dataRoots = ((values.data as string[] | undefined) ?? []).map((dir) => resolve(dir));
  for (const dir of dataRoots) {
    let isFolder = false;
    try {
      isFolder = statSync(dir).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder)
      throw new SinapsisError(
        'bad-arguments',
        `--data ${dir}: not a folder. Give a folder the students may open (repeat --data for several).`,
      );
  }
  let students: string[] | null = null;
  if (typeof values.students === 'string') {
    const text = (
      await readCliFile(values.students, {
        maxBytes: MAX_STUDENT_LIST_BYTES,
        what: '--students a text file with one student name per line',
      })
    ).toString('utf8');
    students = parseStudentList(text);
    if (students.length === 0)
      throw new SinapsisError('bad-arguments', `--students ${values.students} has no names: write one student name per line.`);
  }
  const workspacesRoot = typeof values.workspaces === 'string' ? resolve(values.workspaces) : defaultWorkspacesRoot();
  const datasetBudgetMb = intOption(
    'workspace-memory',
    values['workspace-memory'] as string | undefined,
    DEFAULT_WORKSPACE_MEMORY_MB,
    16,
    1024 * 1024,
  );
  return { dataRoots, students, workspacesRoot, datasetBudgetMb };
}

export const serveCommand: CliCommand = {
  help: `Usage: sinapsis serve [--port N] [--host H] [--token T | --no-token] [--open]
       sinapsis serve --host 0.0.0.0 [--token T] [--data DIR]... [--students FILE] [--lab]

Serves the Sinapsis interface and its API (WebSocket) so it can be used from a browser.
By default it listens on 127.0.0.1 only, behind an access token generated at every launch and
printed in the URL to open (the browser then keeps it in a cookie). Binding any other address
(e.g. --host 0.0.0.0 for a lab server) always needs a token.

Options:
  --port N      port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H      address to bind (default 127.0.0.1)
  --token T     access token (at least 16 characters) instead of a random one; the
                environment variable SINAPSIS_TOKEN does the same without showing it in
                the process list
  --no-token    no token (127.0.0.1 only): for a computer only you use
  --max-trainings N
                trainings at once (default: one per processor core, or the environment
                variable SINAPSIS_MAX_TRAININGS); the others wait in line, their place shown
  --open        open the system browser at the printed URL
  -h, --help    show this help

A lab server for a class (on whenever --host is not this machine's own address, or with --lab):
each student works in a workspace of their own (datasets, trainings, runs, cache); the token is
the teacher's, who sees every student's runs read-only in Evaluación and chooses the backend.
  --lab                 lab-server mode on a loopback address too (trying it out)
  --data DIR            a folder students may open (repeatable); the bundled datasets are
                        always allowed, and nothing else on this computer can be read
  --students FILE       one student name per line: each gets a link of their own (printed);
                        without it students sign in with their name through the class link
  --workspaces DIR      where the students' workspaces are kept (default ~/Sinapsis/workspaces,
                        or SINAPSIS_WORKSPACES_DIR)
  --workspace-memory MB loaded datasets each student may hold (default ${DEFAULT_WORKSPACE_MEMORY_MB})

Stopping (Ctrl+C, SIGTERM, SIGHUP) ends every training after its current batch and saves it
as "stopped"; a second Ctrl+C quits at once.
`,
  async run(args, io) {
    const { values } = parseCommandArgs('serve', args, {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'no-token': { type: 'boolean' },
      'max-trainings': { type: 'string' },
      open: { type: 'boolean' },
      lab: { type: 'boolean' },
      data: { type: 'string', multiple: true },
      students: { type: 'string' },
      workspaces: { type: 'string' },
      'workspace-memory': { type: 'string' },
    });
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const port = intOption('port', values.port as string | undefined, DEFAULT_PORT, 0, 65535);
    const noToken = values['no-token'] === true;
    const token = (values.token as string | undefined) ?? (noToken ? undefined : process.env.SINAPSIS_TOKEN || undefined);
    if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
      throw new SinapsisError('bad-arguments', `--token (or SINAPSIS_TOKEN) must be at least ${MIN_TOKEN_LENGTH} characters long.`);
    }
    const maxTrainings = intOption('max-trainings', values['max-trainings'] as string | undefined, maxTrainingsFromEnv(), 1, 256);
    const lab = values.lab === true || !isLoopbackHost(host) ? await labOptions(values) : undefined;
    if (!lab && (values.data || values.students || values.workspaces || values['workspace-memory'])) {
      throw new SinapsisError(
        'bad-arguments',
        '--data, --students, --workspaces and --workspace-memory are for a lab server: add --lab, or a --host other than 127.0.0.1.',
      );
    }
    const server = await startServer({ host, port, token, noToken, maxTrainings, lab: lab && { ...lab, tell: (line) => io.out(line) } });
    // A student's Entrenar then starts its first epoch at once, without waiting for a worker to load tfjs.
    keepTrainerWarm();
    io.out(`Sinapsis is running in browser mode at ${server.url}\n`);
    io.out(
      `Backend: ${(await backendStatus()).active}; at most ${maxTrainings} training${maxTrainings === 1 ? '' : 's'} at once, the others wait in line.\n`,
    );
    // A read-only (or full) runs folder: its runs can be viewed, but training there would fail; said once, up front.
    const problem = server.core.runsFolderProblem;
    if (problem) io.out(`${problem.message} Existing runs can still be opened.\n`);
    if (server.token === null) {
      io.out(
        'No access token (--no-token): every program and every user account on this computer can use Sinapsis, and see and change its runs, through this port (web pages from other sites cannot). Use it only on a computer that only you use.\n',
      );
    } else if (!isLoopbackHost(host)) {
      io.out(`Listening on ${host}: only browsers that opened the URL with the token (they keep it in a cookie) are accepted.\n`);
    } else {
      io.out(
        `Only this URL (with its token${token === undefined ? ', new at every launch' : ''}) opens Sinapsis; other accounts of this computer cannot use it.\n`,
      );
    }
    if (server.lab) {
      io.out(
        `Lab server: students' workspaces in ${lab?.workspacesRoot}; they can open ${lab?.dataRoots.length ? lab.dataRoots.join(', ') + ' and ' : ''}the bundled datasets.\n`,
      );
      io.out("The URL above is the teacher's (it sees every workspace): do not share it.\n");
      if (server.lab.classUrl) io.out(`Students sign in with their name at: ${server.lab.classUrl}\n`);
      for (const student of server.lab.students) io.out(`  ${student.name}: ${student.url}\n`);
    }
    io.out('Press Ctrl+C to stop.\n');
    let launcher: string | null = null;
    if (values.open) {
      const opened = await openSecretUrlInBrowser(server.url);
      launcher = opened.file;
      io.out(opened.program ? `Opened ${opened.program}.\n` : 'No system browser found; open the URL above yourself.\n');
    }
    await stopOnSignal(server, io, launcher);
    return EXIT_OK;
  },
};
