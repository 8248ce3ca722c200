import { describe, expect, it } from 'vitest';
import { pluralForm } from './plural';

describe('pluralForm', () => {
  it('picks the singular for one and the plural otherwise, by the language rule', () => {
    expect(pluralForm('{count} muestra | {count} muestras', 1, 'es')).toBe('{count} muestra');
    expect(pluralForm('{count} muestra | {count} muestras', 2, 'es')).toBe('{count} muestras');
    expect(pluralForm('{count} muestra | {count} muestras', 0, 'es')).toBe('{count} muestras');
    // Portuguese counts 0 and 1 as singular; English only 1.
    expect(pluralForm('{count} amostra | {count} amostras', 0, 'pt')).toBe('{count} amostra');
    expect(pluralForm('{count} sample | {count} samples', 0, 'en')).toBe('{count} samples');
    expect(pluralForm('sin formas', 5, 'es')).toBe('sin formas');
  });
});
