import type { EventName, EventPayloadOf, MethodName, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { Door } from '../../shared/contract/app';
import type { Caller } from './caller';
import type { CoreServices } from './services';
import type { LiveExperiments } from './tasks/liveExperiments';
import type { TaskRegistry } from './tasks/taskRegistry';

export type Emit = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void;

/** What every handler gets besides its request: where to send events, the shared task registry, and who is calling. */
export interface CallContext {
  emit: Emit;
  /** The authenticated caller (the door checked it before the call reached the core). */
  caller: Caller;
  tasks: TaskRegistry;
  door: Door;
  services: CoreServices;
  /** The experiments training now, with their curves so far (what a reloaded page reattaches to). */
  live: LiveExperiments;
}

export type Handler<M extends MethodName> = (request: ParsedRequestOf<M>, context: CallContext) => Promise<ResponseOf<M>>;
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };
