import type { AppInfo } from '../../../shared/contract/app';
import { appInfo } from '../../core/app/appInfo';
import { initBackend } from '../../core/engine/backends';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../command';
import { backendPreferenceOption, parseBackendPreference } from '../backendOption';

export function formatInfo(info: AppInfo): string {
  const lines = [
    `${info.name} ${info.version}`,
    `platform: ${info.platform} ${info.arch}, node ${info.node}${info.electron ? `, electron ${info.electron}` : ''}, ${info.cores} cores`,
    `tfjs: ${info.tfjs}`,
    `backend: ${info.backend.active} (preference: ${info.backend.preference})`,
    ...info.backend.available.map(
      (b) => `  ${b.available ? '✓' : '✗'} ${b.name}${b.detail && b.available ? ` (${b.detail})` : ''}${b.reason ? `: ${b.reason}` : ''}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

export const infoCommand: CliCommand = {
  help: `Usage: sinapsis info [--json] [--backend auto|tensorflow|wasm|cpu]

Prints the Sinapsis version, the platform, and which TensorFlow.js backend is active and
which are available here (with the reason when one is not).

Options:
  --json              print the app.info response as JSON
  --backend NAME      activate this backend first (default: auto = best available)
  -h, --help          show this help
`,
  async run(args, io) {
    const { values } = parseCommandArgs('info', args, { json: { type: 'boolean' }, ...backendPreferenceOption });
    await initBackend(parseBackendPreference(values.backend as string | undefined));
    const info = await appInfo('cli');
    io.out(values.json ? JSON.stringify(info, null, 2) + '\n' : formatInfo(info));
    return EXIT_OK;
  },
};
