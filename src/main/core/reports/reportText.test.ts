import { describe, expect, it } from 'vitest';
import { messageStrings, voseoMessages } from '../../../shared/i18n/voseo.testdata';
import { reportText } from './reportText';

describe('report text', () => {
  it('speaks Spanish in tú, never voseo, like the UI (docs/CONVENTIONS.md, i18n)', () => {
    const messages = messageStrings(reportText.es, 'reportText.es');
    expect(messages.length).toBeGreaterThan(50);
    expect(voseoMessages(messages)).toEqual([]);
  });
});
