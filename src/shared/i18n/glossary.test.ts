import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationKind } from '../models/activationTable';
import { LOSS_NAMES } from '../models/lossTable';
import { INITIALIZER_METHODS, type LayerType } from '../models/modelSpec';
import { LAYER_TYPES } from '../models/layerTable';
import { OPTIMIZER_NAMES } from '../models/optimizerTable';
import { capitalize, countOf, isTermKey, term, termLabel, termMessages, TERMS, type Term } from './glossary';
import { LANGUAGES } from './languages';
import { hasVoseo } from './voseo.testdata';

describe('glossary (one name per kind, in es/pt/en)', () => {
  it("names every kind of the model tables, and nothing they don't have", () => {
    expect(Object.keys(TERMS.optimizer).sort()).toEqual([...OPTIMIZER_NAMES].sort());
    expect(Object.keys(TERMS.loss).sort()).toEqual([...LOSS_NAMES].sort());
    expect(Object.keys(TERMS.activation).sort()).toEqual(Object.keys(ACTIVATIONS).sort());
    expect(Object.keys(TERMS.initializer).sort()).toEqual([...INITIALIZER_METHODS].sort());
    expect(Object.keys(TERMS.layer).sort()).toEqual([...LAYER_TYPES].sort());
  });

  it('is checked by the compiler: a kind without its term does not compile', () => {
    // With the @ts-expect-error lines removed, `npm run typecheck` fails: that is what makes a forgotten translation loud.
    // @ts-expect-error softmax (and the rest) are missing
    const partial = { relu: { es: 'ReLU', pt: 'ReLU', en: 'ReLU' } } satisfies Record<ActivationKind, Term>;
    // @ts-expect-error a term without its Portuguese
    const untranslated = { es: 'densa', en: 'dense' } satisfies Term;
    const layer: LayerType = 'dense';
    expect([partial, untranslated, layer]).toHaveLength(3);
  });

  it('has a non-empty term in every language, in tú Spanish', () => {
    for (const [group, terms] of Object.entries(TERMS))
      for (const [key, forms] of Object.entries(terms) as [string, Term][])
        for (const language of LANGUAGES) {
          expect(forms[language].trim(), `${group}.${key}.${language}`).not.toBe('');
          expect(hasVoseo(forms[language]), `${group}.${key}`).toBe(false);
        }
  });

  it('gives the in-sentence form, the label form and counted forms by the plural rule', () => {
    expect(term('es', 'optimizer', 'minibatch')).toBe('SGD por minilotes');
    expect(termLabel('es', 'layer', 'output')).toBe('Capa de salida');
    expect(termLabel('pt', 'activation', 'sigmoid')).toBe('Sigmoide');
    expect(term('es', 'concept', 'epoch')).toBe('época');
    expect(countOf('es', 'epoch', 1)).toBe('1 época');
    expect(countOf('pt', 'sample', 2000, '2.000')).toBe('2.000 amostras');
    expect(countOf('en', 'fold', 0)).toBe('0 folds');
    expect(capitalize('ácido', 'es')).toBe('Ácido');
  });

  it('tells a known kind from a name an older run file may hold', () => {
    expect(isTermKey('loss', 'hinge')).toBe(true);
    expect(isTermKey('loss', 'squaredHinge')).toBe(false);
    expect(isTermKey('loss', 'toString')).toBe(false);
  });

  it('builds the vue-i18n tree of a language from the same table', () => {
    const es = termMessages('es');
    expect(es.loss.categoricalCrossEntropy).toBe('entropía cruzada categórica');
    expect(es.concept.epoch).toBe('época | épocas');
    expect(termMessages('en').splitPart.validation).toBe('validation');
  });
});
