import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Says why each skipped test was skipped (e.g. no Electron binary offline): Playwright's list reporter only marks
 * it with a dash, and `npm test` must report the reason.
 */
export default class SkipReasonReporter implements Reporter {
  private readonly lines: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const skip = [...result.annotations, ...test.annotations].find(
      (annotation) => annotation.type === 'skip' || annotation.type === 'fixme',
    );
    const title = test.titlePath().filter(Boolean).slice(1).join(' › ');
    this.lines.push(`skipped: ${title}${skip?.description ? ` (${skip.description})` : ''}`);
  }

  onEnd(): void {
    for (const line of this.lines) console.log(line);
  }
}
