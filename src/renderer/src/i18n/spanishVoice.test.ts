import { describe, expect, it } from 'vitest';
import { diagnosisText } from '../../../shared/i18n/diagnosisText';
import { hasVoseo, messageStrings, voseoMessages } from '../../../shared/i18n/voseo.testdata';
import { areas } from './messages';

// The exported report's Spanish labels are checked the same way in src/main/core/reports/reportText.test.ts.
function spanishMessages() {
  return [
    ...Object.entries(areas).flatMap(([area, messages]) => messageStrings(messages.es, area)),
    ...messageStrings(diagnosisText.es, 'diagnosisText'),
  ];
}

describe('Spanish voice (docs/CONVENTIONS.md, i18n)', () => {
  it('has Spanish messages to check (the walk finds the trees)', () => {
    expect(spanishMessages().length).toBeGreaterThan(500);
  });

  it('uses tú, never voseo, in every Spanish UI message and curve hint', () => {
    expect(voseoMessages(spanishMessages())).toEqual([]);
  });

  it('recognises voseo forms it is meant to reject, and leaves tú alone', () => {
    for (const text of [
      'Revisá la ruta.',
      'Elegí una carpeta',
      'Abrilo de nuevo.',
      'Si tenés dudas',
      'Usá imágenes más chicas',
      '¿Querés seguir?',
    ])
      expect(hasVoseo(text), text).toBe(true);
    for (const text of [
      'Revisa la ruta.',
      'Elige una carpeta',
      'Ábrelo de nuevo.',
      'Si tienes dudas',
      'Usa imágenes más pequeñas',
      'Está aquí, ¿qué será?',
    ])
      expect(hasVoseo(text), text).toBe(false);
  });
});
