import type { EventName, EventPayloadOf, MethodName, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { Door } from '../../shared/contract/app';
import type { Caller } from './caller';
import type { RunModelCache } from './inference/runModelCache';
import type { CoreServices } from './services';
import type { Workspace } from './workspaces/workspace';
import type { Workspaces } from './workspaces/workspaces';

export type Emit = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void;

/**
 * What every handler gets besides its request: where to send events, who is calling and their workspace (its
 * datasets, tasks, trainings and folders), and what the core shares (services, every workspace, loaded models).
 * Handlers keep no state of their own: all of it is reached from here.
 */
export interface CallContext {
  emit: Emit;
  /** The authenticated caller (the door checked it before the call reached the core). */
  caller: Caller;
  /** The caller's own workspace. */
  workspace: Workspace;
  /** Every workspace of this core (the teacher's read-only views of students' runs go through it). */
  workspaces: Workspaces;
  door: Door;
  services: CoreServices;
  /** The runs asked to predict most recently, loaded once per core (keyed by run folder, so never mixed up). */
  runModels: RunModelCache;
}

export type Handler<M extends MethodName> = (request: ParsedRequestOf<M>, context: CallContext) => Promise<ResponseOf<M>>;
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };
