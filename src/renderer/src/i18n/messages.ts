import { LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { browse } from './locales/browse';
import { convChain } from './locales/convChain';
import { data } from './locales/data';
import { datasetFit } from './locales/datasetFit';
import { embedding } from './locales/embedding';
import { errors } from './locales/errors';
import { embeddingErrors } from './locales/embeddingErrors';
import { evaluation } from './locales/evaluation';
import { experimentErrors } from './locales/experimentErrors';
import { faultErrors } from './locales/faultErrors';
import { features } from './locales/features';
import { fields } from './locales/fields';
import { inference } from './locales/inference';
import { labs } from './locales/labs';
import { model } from './locales/model';
import { opening } from './locales/opening';
import { modelExport } from './locales/modelExport';
import { pixels } from './locales/pixels';
import { project } from './locales/project';
import { report } from './locales/report';
import { saliency } from './locales/saliency';
import { shell } from './locales/shell';
import { terms } from './locales/terms';
import { training } from './locales/training';
import { trainingErrors } from './locales/trainingErrors';
import { workspaces } from './locales/workspaces';

/** The interface languages are the shared ones (the report and the CLI speak the same three). */
export const LOCALES = LANGUAGES;
export type Locale = Language;

type Tree = { [key: string]: string | Tree };
type AreaMessages = Record<Locale, Tree>;

/** Every area's strings; a new area adds its `locales/<area>.ts` here. */
export const areas: Record<string, AreaMessages> = {
  shell,
  errors,
  report,
  labs,
  convChain,
  data,
  datasetFit,
  model,
  training,
  evaluation,
  features,
  fields,
  trainingErrors,
  experimentErrors,
  faultErrors,
  embeddingErrors,
  inference,
  saliency,
  modelExport,
  pixels,
  project,
  workspaces,
  terms,
  opening,
  browse,
  embedding,
};

function isTree(value: string | Tree | undefined): value is Tree {
  return typeof value === 'object' && value !== null;
}

export function mergeTrees(target: Tree, source: Tree, path = ''): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isTree(value) && isTree(existing)) mergeTrees(existing, value, `${path}${key}.`);
    else if (existing !== undefined) throw new Error(`i18n key "${path}${key}" is defined by two areas`);
    else target[key] = isTree(value) ? mergeTrees({}, value, `${path}${key}.`) : value;
  }
  return target;
}

export function buildMessages(sources: Record<string, AreaMessages> = areas): Record<Locale, Tree> {
  const result = { es: {}, pt: {}, en: {} } as Record<Locale, Tree>;
  for (const area of Object.values(sources)) for (const locale of LOCALES) mergeTrees(result[locale], area[locale]);
  return result;
}
