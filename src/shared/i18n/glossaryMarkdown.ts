import { CONCEPTS, GROUP_TITLES, TERMS, type Term, type TermGroup } from './glossary';
import { LANGUAGES } from './languages';

const cell = (text: string) => text.replaceAll('|', '\\|');

/**
 * docs/glossary.md, written from the glossary (`npx tsx scripts/write-glossary.ts`; `glossary.test.ts` fails when
 * the page and the table differ): one table per group, the kind's code name and its term in es/pt/en, the concepts
 * with their definitions.
 */
export function glossaryMarkdown(): string {
  const lines = [
    '# Glossary (es / pt / en)',
    '',
    "The course's terms as the interface, the exported report and the CLI's hints write them. Generated from",
    '`src/shared/i18n/glossary.ts` by `npx tsx scripts/write-glossary.ts`: edit the table there, not this page',
    '(docs/CONVENTIONS.md, "Add a term or a translation"). Plural forms are written `singular | plural`.',
  ];
  for (const group of Object.keys(TERMS) as TermGroup[]) {
    lines.push('', `## ${GROUP_TITLES[group].en} (\`term.${group}\`)`, '');
    if (group === 'concept') {
      lines.push('| code | es | pt | en |', '|---|---|---|---|');
      for (const [name, concept] of Object.entries(CONCEPTS)) {
        lines.push(`| \`${name}\` | ${LANGUAGES.map((l) => `**${cell(concept.term[l])}**: ${cell(concept.definition[l])}`).join(' | ')} |`);
      }
      continue;
    }
    lines.push('| code | es | pt | en |', '|---|---|---|---|');
    for (const [key, forms] of Object.entries(TERMS[group]) as [string, Term][])
      lines.push(`| \`${key}\` | ${LANGUAGES.map((l) => cell(forms[l])).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
