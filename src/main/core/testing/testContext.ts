import { TEACHER, type Caller } from '../caller';
import type { CallContext, Emit } from '../context';
import { RunModelCache } from '../inference/runModelCache';
import { defaultServices, type CoreServices } from '../services';
import { defaultCacheRoot, defaultUploadsRoot, Workspaces } from '../workspaces/workspaces';

/**
 * A CallContext for calling handlers directly in unit tests, with its own workspaces (nothing shared with other
 * tests): the owner's workspace over `services.runsRoot`, as a single-user machine has.
 */
export function testContext(options: { emit?: Emit; caller?: Caller; services?: Partial<CoreServices> } = {}): CallContext {
  const services = defaultServices(options.services);
  const workspaces = new Workspaces({
    owner: { home: null, runs: services.runsRoot, cache: defaultCacheRoot(), uploads: defaultUploadsRoot(), state: services.stateRoot },
    files: services.files,
    graceMs: 60_000,
    lab: services.lab,
  });
  return {
    emit: options.emit ?? (() => undefined),
    caller: options.caller ?? TEACHER,
    workspace: workspaces.owner,
    workspaces,
    door: 'cli',
    services,
    runModels: new RunModelCache(3),
  };
}
