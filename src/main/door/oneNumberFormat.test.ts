import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '../../..');
/** The one module allowed to create number formats (docs/CONVENTIONS.md, Defaults). */
const SHARED_FORMATTER = 'src/shared/i18n/formatNumber.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|vue|js|mjs)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('numbers are formatted in one place', () => {
  it('creates Intl.NumberFormat only in src/shared/i18n/formatNumber.ts (views, report and CLI format through it)', () => {
    const files = [...sourceFiles(join(repo, 'src')), ...sourceFiles(join(repo, 'scripts'))].map((file) => relative(repo, file));
    expect(files).toContain(SHARED_FORMATTER);
    const creating = files.filter((file) =>
      /new\s+Intl\s*\.\s*NumberFormat\b|Intl\s*\.\s*NumberFormat\s*\(/.test(readFileSync(join(repo, file), 'utf8')),
    );
    expect(creating).toEqual([SHARED_FORMATTER]);
  });

  it('would notice a file that creates its own format (the pattern finds the forms code uses)', () => {
    const pattern = /new\s+Intl\s*\.\s*NumberFormat\b|Intl\s*\.\s*NumberFormat\s*\(/;
    for (const code of ["new Intl.NumberFormat('es')", 'new Intl\n  .NumberFormat(locale, options)', 'Intl.NumberFormat(locale)'])
      expect(pattern.test(code), code).toBe(true);
    for (const code of ['Intl.NumberFormatOptions', 'formatNumber(value, locale)']) expect(pattern.test(code), code).toBe(false);
  });
});
