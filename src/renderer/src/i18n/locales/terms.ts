import { termMessages } from '../../../../shared/i18n/glossary';

/**
 * The course's terms (optimizers, losses, activations, layer types, parts of the split, metrics, concepts) as
 * `term.<group>.<kind>`, derived from `src/shared/i18n/glossary.ts`, the one table the report and the CLI also read.
 * Components name a kind through `useTerms()`; a message can link one with `@:term.<group>.<kind>`.
 */
export const terms = {
  es: { term: termMessages('es') },
  pt: { term: termMessages('pt') },
  en: { term: termMessages('en') },
};
