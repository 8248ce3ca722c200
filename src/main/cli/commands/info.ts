import { availableParallelism } from 'node:os';
import type { AppInfo } from '../../../shared/contract/app';
import { APP_NAME, APP_VERSION } from '../../core/app/version';
import { installedBackends } from '../../core/engine/backendPackages';
import { tfjsVersion } from '../../core/models/tfjsVersion';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../command';
import { backendPreferenceOption, parseBackendPreference } from '../backendOption';

function platformLine(info: Pick<AppInfo, 'platform' | 'arch' | 'node' | 'electron' | 'cores'>): string {
  return `platform: ${info.platform} ${info.arch}, node ${info.node}${info.electron ? `, electron ${info.electron}` : ''}, ${info.cores} cores`;
}

export function formatInfo(info: AppInfo): string {
  const lines = [
    `${info.name} ${info.version}`,
    platformLine(info),
    `tfjs: ${info.tfjs}`,
    `backend: ${info.backend.active} (preference: ${info.backend.preference})`,
    ...info.backend.available.map(
      (b) => `  ${b.available ? '✓' : '✗'} ${b.name}${b.detail && b.available ? ` (${b.detail})` : ''}${b.reason ? `: ${b.reason}` : ''}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** What `sinapsis info` says without starting a backend: the installed ones, none of them started. */
function formatUnprobedInfo(): string {
  const lines = [
    `${APP_NAME} ${APP_VERSION}`,
    platformLine({
      platform: process.platform,
      arch: process.arch,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      cores: availableParallelism(),
    }),
    `tfjs: ${tfjsVersion()}`,
    'backend: not started (preference: auto; training starts the best one that works)',
    ...installedBackends().map((b) => `  ${b.installed ? '·' : '✗'} ${b.name}: ${b.installed ? 'installed, not started' : b.reason}`),
    'Run "sinapsis info --probe" to start each backend and see which one is active.',
  ];
  return lines.join('\n') + '\n';
}

export const infoCommand: CliCommand = {
  help: `Usage: sinapsis info [--probe] [--json] [--backend auto|tensorflow|wasm|cpu]

Prints the Sinapsis version, the platform, and which TensorFlow.js backends are installed.
With --probe (or --json, or --backend) it starts them (about half a second: tfjs and wasm
set-up) and says which one is active and why any other is not available.

Options:
  --probe             start the backends and report the active one and each one's availability
  --json              print the app.info response as JSON (always probed: its fields are stable)
  --backend NAME      activate this backend first (default: auto = best available); implies --probe
  -h, --help          show this help
`,
  async run(args, io) {
    const { values } = parseCommandArgs('info', args, {
      json: { type: 'boolean' },
      probe: { type: 'boolean' },
      ...backendPreferenceOption,
    });
    const backend = values.backend as string | undefined;
    const preference = parseBackendPreference(backend);
    if (!values.probe && !values.json && backend === undefined) {
      io.out(formatUnprobedInfo());
      return EXIT_OK;
    }
    // Loaded only here: tfjs and its backends are most of the half second a probe takes.
    const [{ initBackend }, { appInfo }] = await Promise.all([import('../../core/engine/backends'), import('../../core/app/appInfo')]);
    await initBackend(preference);
    const info = await appInfo('cli');
    io.out(values.json ? JSON.stringify(info, null, 2) + '\n' : formatInfo(info));
    return EXIT_OK;
  },
};
