/**
 * Plural forms for messages with a count: a template holds its forms separated by " | " (singular first, as
 * vue-i18n writes them: "{count} muestra | {count} muestras"), and the language's plural rule picks one, so a report
 * says "1 muestra" and "2 muestras". A template without " | " is used for every count.
 */
export function pluralForm(template: string, count: number, language: string): string {
  const forms = template.split(' | ');
  if (forms.length === 1) return template;
  return new Intl.PluralRules(language).select(count) === 'one' ? forms[0] : forms[forms.length - 1];
}
