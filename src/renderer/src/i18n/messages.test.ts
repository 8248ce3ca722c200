import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { problemReasonKeySchema } from '../../../shared/contract/datasets';
import { areas, buildMessages, LOCALES } from './messages';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('i18n messages', () => {
  it.each(Object.keys(areas))('area "%s" has the same keys in es, pt and en, none empty', (area) => {
    const messages = areas[area];
    const reference = keys(messages.es).sort();
    for (const locale of LOCALES) {
      expect(keys(messages[locale]).sort()).toEqual(reference);
      const empty = keys(messages[locale]).filter(
        (key) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], messages[locale]) === '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('explains every dataset problem the core can report, in every language', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: buildMessages() });
    for (const locale of LOCALES) {
      const missing = problemReasonKeySchema.options.filter((key) => !i18n.global.te(`data.problems.why.${key}`, locale));
      expect(missing, locale).toEqual([]);
    }
  });

  it("has no stray '|': vue-i18n splits a message there into plural forms, so a literal bar is written {'|'}", () => {
    // A deliberate plural separates its forms with ' | ' ('{count} hilo | {count} hilos'); a bar touching text, as in
    // '|x|', is a literal one that vue-i18n would silently turn into plural forms (showing just 'x').
    const stray = Object.entries(areas).flatMap(([area, messages]) =>
      LOCALES.flatMap((locale) =>
        keys(messages[locale])
          .map((key) => ({
            key: `${area}.${locale}.${key}`,
            text: key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], messages[locale]) as string,
          }))
          .filter(({ text }) => {
            const bars = text.replaceAll("{'|'}", '');
            return (
              bars.replaceAll(' | ', '').includes('|') || (bars.includes(' | ') && bars.split(' | ').some((form) => form.trim() === ''))
            );
          })
          .map(({ key }) => key),
      ),
    );
    expect(stray).toEqual([]);
    const i18n = createI18n({ legacy: false, locale: 'en', messages: buildMessages() });
    expect(i18n.global.t('labs.activations.explain.saturation')).toContain('for large |x|: their derivative');
  });

  it('compiles every message in every language (a stray @, { or } is a syntax error that blanks the page)', () => {
    const messages = buildMessages();
    for (const locale of LOCALES) {
      const i18n = createI18n({ legacy: false, locale, messages, missingWarn: false, fallbackWarn: false });
      const broken = keys(messages[locale]).filter((key) => {
        try {
          return typeof i18n.global.t(key) !== 'string';
        } catch {
          return true;
        }
      });
      expect(broken, locale).toEqual([]);
    }
  });

  it('merges areas without silently overwriting a key', () => {
    expect(() =>
      buildMessages({ a: { es: { x: '1' }, pt: { x: '1' }, en: { x: '1' } }, b: { es: { x: '2' }, pt: { x: '2' }, en: { x: '2' } } }),
    ).toThrow(/defined by two areas/);
    expect(buildMessages().es.nav).toBeDefined();
  });
});
