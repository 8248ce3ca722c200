import { describe, expect, it } from 'vitest';
import { reportText } from '../../../main/core/reports/reportText';
import { diagnosisText } from '../../../shared/i18n/diagnosisText';
import { areas } from './messages';

type Tree = { [key: string]: string | Tree };

function strings(tree: Tree, prefix: string): { key: string; text: string }[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [{ key: `${prefix}.${key}`, text: value }] : strings(value, `${prefix}.${key}`)));
}

/**
 * The Spanish UI speaks in tú (docs/CONVENTIONS.md, i18n). Voseo imperatives stress the last syllable ("Revisá",
 * "Elegí", "Poné") and their enclitic forms lose the accent tú needs ("Abrilo" for "Ábrelo"); these are the forms the
 * app's messages are likely to use. Words that legitimately end the same way in tú Spanish ("está", "aquí", "qué",
 * "será", "caché") are not listed. Letters are matched with \p{L}: `\b` only knows ASCII, so it sees no word end after "á".
 */
const VOSEO = [
  /(?<!\p{L})(abrí|revisá|elegí|poné|probá|usá|hacé|volvé|mirá|corregí|quitá|codificá|borrá|achicá|cargá|guardá|escribí|agregá|subí|cambiá|bajá|seleccioná|ingresá|esperá|corré|entrená|tocá|dejá|decí|andá|activá|desactivá|instalá|exportá|importá|reducí|redimensioná|empezá|seguí|pedí|repetí|fijate|acordate)(?!\p{L})/iu,
  /(?<!\p{L})(abrilo|abrila|abrilos|quitalo|quitala|usalo|usala|dejalo|dejala|completalo|completala|elegilo|elegila|ponelo|ponela|probalo|hacelo|revisalo|cargalo|guardalo|borralo|cambialo|exportalo)(?!\p{L})/iu,
  /(?<!\p{L})(tenés|podés|querés|sabés|sos|vos|necesitás|hacés|ponés|elegís|abrís)(?!\p{L})/iu,
  /(?<!\p{L})más chic[oa]s?(?!\p{L})/iu,
];

function spanishMessages(): { key: string; text: string }[] {
  return [
    ...Object.entries(areas).flatMap(([area, messages]) => strings(messages.es, area)),
    ...strings(diagnosisText.es, 'diagnosisText'),
    ...strings(reportText.es, 'reportText'),
  ];
}

describe('Spanish voice', () => {
  it('has Spanish messages to check (the walk finds the trees)', () => {
    expect(spanishMessages().length).toBeGreaterThan(500);
  });

  it('uses tú, never voseo, in every Spanish message (UI, curve hints, report)', () => {
    const voseo = spanishMessages()
      .filter(({ text }) => VOSEO.some((pattern) => pattern.test(text)))
      .map(({ key, text }) => `${key}: ${text}`);
    expect(voseo).toEqual([]);
  });

  it('recognises voseo forms it is meant to reject, and leaves tú alone', () => {
    const flagged = (text: string): boolean => VOSEO.some((pattern) => pattern.test(text));
    for (const text of ['Revisá la ruta.', 'Elegí una carpeta', 'Abrilo de nuevo.', 'Si tenés dudas', 'Usá imágenes más chicas']) expect(flagged(text), text).toBe(true);
    for (const text of ['Revisa la ruta.', 'Elige una carpeta', 'Ábrelo de nuevo.', 'Si tienes dudas', 'Usa imágenes más pequeñas', 'Está aquí, ¿qué será?']) expect(flagged(text), text).toBe(false);
  });
});
