import { useI18n } from 'vue-i18n';
import { capitalize, isTermKey, type TermGroup, type TermKey } from '../../../shared/i18n/glossary';
import { isLanguage } from '../../../shared/i18n/languages';

/**
 * The glossary's names of optimizers, losses, activations, layers, split parts and metrics in the interface
 * language (`src/shared/i18n/glossary.ts`, through the vue-i18n area `term`), so a view never spells one itself.
 */
export function useTerms() {
  const { t, locale } = useI18n();
  const term = <G extends TermGroup>(group: G, key: TermKey<G>): string => t(`term.${group}.${key}`);
  const label = <G extends TermGroup>(group: G, key: TermKey<G>): string =>
    capitalize(term(group, key), isLanguage(locale.value) ? locale.value : 'es');
  return {
    /** As it reads inside a sentence: "sigmoide", "SGD por minilotes". */
    term,
    /** Starting a heading, an option or a cell: "Sigmoide", "Capa de salida". */
    label,
    /** A name read from a run file, which an older or newer version may have written: its term, or itself. */
    termOf: (group: TermGroup, key: string): string => (isTermKey(group, key) ? term(group, key) : key),
  };
}
