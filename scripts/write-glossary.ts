// Writes docs/glossary.md from src/shared/i18n/glossary.ts: `npx tsx scripts/write-glossary.ts`.
import { writeFileSync } from 'node:fs';
import { glossaryMarkdown } from '../src/shared/i18n/glossaryMarkdown';

writeFileSync(new URL('../docs/glossary.md', import.meta.url), glossaryMarkdown());
