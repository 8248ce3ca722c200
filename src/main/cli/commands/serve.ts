import { SinapsisError } from '../../../shared/contract';
import { backendStatus } from '../../core/engine/backends';
import { isLoopbackHost, startServer } from '../../serve';
import { intOption, parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../command';
import { openInBrowser } from '../openInBrowser';

export const DEFAULT_PORT = 5170;

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run Sinapsis in a browser: serve the app and its API on this machine',
  help: `Usage: sinapsis serve [--port N] [--host H] [--token T] [--open]

Serves the Sinapsis interface and its API (WebSocket) so it can be used from a browser.
By default it listens on 127.0.0.1 only. Binding any other address (e.g. --host 0.0.0.0 for a
lab server) requires an access token: one is generated and printed unless --token is given.

Options:
  --port N      port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H      address to bind (default 127.0.0.1)
  --token T     access token (at least 16 characters) for non-loopback binds
  --open        open the system browser at the printed URL
  -h, --help    show this help
`,
  async run(args, io) {
    const { values } = parseCommandArgs('serve', args, {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      open: { type: 'boolean' },
    });
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const port = intOption('port', values.port as string | undefined, DEFAULT_PORT, 0, 65535);
    const token = values.token as string | undefined;
    if (token !== undefined && token.length < 16) {
      throw new SinapsisError('bad-arguments', '--token must be at least 16 characters long.');
    }
    const server = await startServer({ host, port, token });
    io.out(`Sinapsis is running in browser mode at ${server.url}\n`);
    io.out(`Backend: ${(await backendStatus()).active}\n`);
    if (!isLoopbackHost(host)) io.out(`Listening on ${host}: only clients with the token in the URL are accepted.\n`);
    io.out('Press Ctrl+C to stop.\n');
    if (values.open) {
      const opened = await openInBrowser(server.url);
      io.out(opened ? `Opened ${opened}.\n` : 'No system browser found; open the URL above yourself.\n');
    }
    const stop = () => {
      void server.close().then(() => process.exit(EXIT_OK));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise<never>(() => undefined);
    return EXIT_OK;
  },
};
