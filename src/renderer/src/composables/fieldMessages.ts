import { fieldLabelKey, issueRange, type FieldIssueParams } from '../../../shared/contract/fieldIssues';
import { formatDecimal } from '../../../shared/i18n/formatNumber';
import { formatForInput, type NumberRange, type RangeProblem } from '../../../shared/i18n/parseNumber';

/** vue-i18n's `t` as these helpers use it (a plain function in tests). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A bound as people read it: the locale's separators, every digit (a range of 0.000001 must not read as 0). */
const bound = (value: number, locale: string) => formatDecimal(value, locale, 12);

/** "de 0 a 100", "mayor que 0 y hasta 100", "un número entero de 1 a 100000": the allowed values in words. */
export function describeRange(t: Translate, locale: string, range: NumberRange): string {
  const min = range.min !== undefined ? bound(range.min, locale) : undefined;
  const max = range.max !== undefined ? bound(range.max, locale) : undefined;
  let words: string | null;
  if (min !== undefined && max !== undefined) {
    const key = range.minExclusive ? (range.maxExclusive ? 'strictlyBetween' : 'aboveUpTo') : range.maxExclusive ? 'fromBelow' : 'between';
    words = t(`fields.range.${key}`, { min, max });
  } else if (min !== undefined) words = t(`fields.range.${range.minExclusive ? 'above' : 'atLeast'}`, { min });
  else if (max !== undefined) words = t(`fields.range.${range.maxExclusive ? 'below' : 'atMost'}`, { max });
  else words = null;
  if (range.integer) return words ? t('fields.range.wholeNumber', { range: words }) : t('fields.range.wholeNumberOnly');
  return words ?? t('fields.range.any');
}

/** The sentence beside a number field whose text is `problem` for `range`. */
export function fieldProblemText(t: Translate, locale: string, problem: RangeProblem, range: NumberRange): string {
  if (problem === 'not-a-number') return t('fields.problem.notNumber', { example: formatForInput(range.integer ? 10 : 0.05, locale) });
  const words = describeRange(t, locale, range);
  return problem === 'not-integer' ? t('fields.problem.notInteger', { range: words }) : t('fields.problem.outOfRange', { range: words });
}

/**
 * An `invalid-request` error from the core in the person's language: the field by its label (and layer), the value
 * sent and the allowed range, never zod's text or a method name. Null when the params name no field (old cores).
 */
export function invalidFieldMessage(t: Translate, locale: string, params: Record<string, string | number>): string | null {
  if (typeof params.field !== 'string' || typeof params.method !== 'string') return null;
  const issue = params as unknown as FieldIssueParams;
  const key = fieldLabelKey(params.method, issue.field);
  if (!key) return t('fields.invalidOther', { field: issue.field });
  const plain = t(`fields.label.${key}`);
  const label = issue.layer !== undefined ? t('fields.inLayer', { label: plain, layer: issue.layer }) : plain;
  const range = describeRange(t, locale, issueRange(issue));
  return issue.value !== undefined
    ? t('fields.invalid', { label, value: bound(issue.value, locale), range })
    : t('fields.invalidNoValue', { label, range });
}
