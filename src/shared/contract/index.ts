import type { z } from 'zod';
import { appEvents, appMethods } from './app';
import { datasetEvents, datasetMethods } from './datasets';
import { experimentEvents, experimentMethods } from './experiment';
import { featuresEvents, featuresMethods } from './features';
import { modelEvents, modelMethods } from './models';
import { projectEvents, projectMethods } from './project';
import { reportEvents, reportMethods } from './reports';
import { runsEvents, runsMethods } from './runs';
import { taskEvents, taskMethods } from './tasks';
import { trainingEvents, trainingMethods } from './training';
import { workspaceEvents, workspaceMethods } from './workspaces';
import { uploadEvents, uploadMethods } from './uploads';
import { filesEvents, filesMethods } from './files';
import { embeddingEvents, embeddingMethods } from './embedding';

/**
 * The whole contract between the UI and the core. A feature adds one file `<area>.ts` exporting
 * `<area>Methods` and `<area>Events`, and one spread line in each map below.
 */
export const methods = {
  ...appMethods,
  ...datasetMethods,
  ...taskMethods,
  ...runsMethods,
  ...reportMethods,
  ...modelMethods,
  ...featuresMethods,
  ...trainingMethods,
  ...experimentMethods,
  ...projectMethods,
  ...workspaceMethods,
  ...uploadMethods,
  ...filesMethods,
  ...embeddingMethods,
};

export const events = {
  ...appEvents,
  ...datasetEvents,
  ...taskEvents,
  ...runsEvents,
  ...reportEvents,
  ...modelEvents,
  ...featuresEvents,
  ...trainingEvents,
  ...experimentEvents,
  ...projectEvents,
  ...workspaceEvents,
  ...uploadEvents,
  ...filesEvents,
  ...embeddingEvents,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;
/** What a caller sends (before schema defaults apply). */
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
/** What a handler receives (after validation). */
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export * from './errors';
