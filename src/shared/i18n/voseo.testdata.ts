/** Test helper (not shipped): the voseo forms the Spanish trees must not use, shared by the UI and report tests. */

/**
 * The Spanish UI speaks in tú (docs/CONVENTIONS.md, i18n). Voseo imperatives stress the last syllable ("Revisá",
 * "Elegí", "Poné") and their enclitic forms lose the accent tú needs ("Abrilo" for "Ábrelo"); these are the forms the
 * app's messages are likely to use. Words that legitimately end the same way in tú Spanish ("está", "aquí", "qué",
 * "será", "caché") are not listed. Letters are matched with \p{L}: `\b` only knows ASCII, so it sees no word end after "á".
 */
export const VOSEO = [
  /(?<!\p{L})(abrí|revisá|elegí|poné|probá|usá|hacé|volvé|mirá|corregí|quitá|codificá|borrá|achicá|cargá|guardá|escribí|agregá|subí|cambiá|bajá|seleccioná|ingresá|esperá|corré|entrená|tocá|dejá|decí|andá|activá|desactivá|instalá|exportá|importá|reducí|redimensioná|empezá|seguí|pedí|repetí|fijate|acordate)(?!\p{L})/iu,
  /(?<!\p{L})(abrilo|abrila|abrilos|quitalo|quitala|usalo|usala|dejalo|dejala|completalo|completala|elegilo|elegila|ponelo|ponela|probalo|hacelo|revisalo|cargalo|guardalo|borralo|cambialo|exportalo)(?!\p{L})/iu,
  /(?<!\p{L})(tenés|podés|querés|sabés|sos|vos|necesitás|hacés|ponés|elegís|abrís)(?!\p{L})/iu,
  /(?<!\p{L})más chic[oa]s?(?!\p{L})/iu,
];

export type Message = { key: string; text: string };
type Tree = { [key: string]: string | Tree };

/** Every string of a message tree with its dotted key. */
export function messageStrings(tree: Tree, prefix: string): Message[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [{ key: `${prefix}.${key}`, text: value }] : messageStrings(value, `${prefix}.${key}`),
  );
}

export function hasVoseo(text: string): boolean {
  return VOSEO.some((pattern) => pattern.test(text));
}

/** `key: text` of each message written in voseo, for an assertion that lists what to fix. */
export function voseoMessages(messages: Message[]): string[] {
  return messages.filter(({ text }) => hasVoseo(text)).map(({ key, text }) => `${key}: ${text}`);
}
