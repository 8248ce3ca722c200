import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryMarkdown } from '../src/shared/i18n/glossaryMarkdown';

describe('docs/glossary.md', () => {
  it('is what src/shared/i18n/glossary.ts holds (regenerate it with `npx tsx scripts/write-glossary.ts`)', () => {
    const page = readFileSync(new URL('../docs/glossary.md', import.meta.url), 'utf8');
    expect(page).toBe(glossaryMarkdown());
    expect(page).toContain('| `minibatch` | SGD por minilotes | SGD por minilotes | mini-batch SGD |');
  });
});
