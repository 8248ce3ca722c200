import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { datasetCommand } from './dataset';
import { exportCommand } from './export';
import { hogCommand } from './hog';
import { infoCommand } from './info';
import { predictCommand } from './predict';
import { reportCommand } from './report';
import { serveCommand } from './serve';
import { trainCommand } from './train';

/** Every `sinapsis` subcommand; a new one is a file in this folder plus a line here. */
export const commands: readonly CliCommand[] = [
  infoCommand,
  serveCommand,
  trainCommand,
  predictCommand,
  exportCommand,
  reportCommand,
  datasetCommand,
  hogCommand,
  checkCommand,
];
