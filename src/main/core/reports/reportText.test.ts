import { describe, expect, it } from 'vitest';
import { messageStrings, voseoMessages } from '../../../shared/i18n/voseo.testdata';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { reportText, shadowedTerms } from './reportText';

describe('report text', () => {
  it('speaks Spanish in tú, never voseo, like the UI (docs/CONVENTIONS.md, i18n)', () => {
    const messages = messageStrings(reportText.es, 'reportText.es');
    expect(messages.length).toBeGreaterThan(50);
    expect(voseoMessages(messages)).toEqual([]);
  });

  it("names the course's terms from the glossary, as the interface does (one source, no report-only spelling)", () => {
    for (const language of LANGUAGES) expect(shadowedTerms(language), language).toEqual([]);
    expect(reportText.es['optimizer.minibatch']).toBe('SGD por minilotes');
    expect(reportText.es['layer.flatten']).toBe('Aplanar');
    expect(reportText.pt.fold).toBe('Dobra');
    expect(reportText.en.recall).toBe('Recall');
  });
});
