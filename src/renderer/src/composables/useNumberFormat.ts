import { useI18n } from 'vue-i18n';
import {
  formatBytes,
  formatDecimal,
  formatDuration,
  formatLinearEquation,
  formatMath,
  formatNumber,
  formatPercent,
  formatSignificant,
  formatTuple,
} from '../../../shared/i18n/formatNumber';

/** The shared number formatters bound to the interface language (re-evaluated when it changes, as templates read it). */
export function useNumberFormat() {
  const { locale } = useI18n();
  return {
    /** At most `digits` decimals; `—` for a missing value. */
    number: (value: number | null | undefined, digits = 0) => formatDecimal(value, locale.value, digits),
    significant: (value: number | null | undefined, digits = 4) => formatSignificant(value, locale.value, digits),
    /** Fixed `digits` decimals ("94,4 %"), or at most `digits` with `trimZeros`. */
    percent: (value: number | null | undefined, digits = 1, trimZeros = false) => formatPercent(value, locale.value, digits, trimZeros),
    bytes: (bytes: number) => formatBytes(bytes, locale.value),
    format: (value: number | null | undefined, options: Intl.NumberFormatOptions) => formatNumber(value, locale.value, options),
    /** In a formula or a lab table: "−0,5", no grouping. */
    math: (value: number | null | undefined, digits = 3) => formatMath(value, locale.value, digits),
    /** "(0,5; 1,5)" in es/pt, "(0.5, 1.5)" in en. */
    tuple: (values: readonly number[], digits = 3) => formatTuple(values, locale.value, digits),
    /** "1,5·x₁ + 1,5·x₂ − 1 = 0". */
    equation: (terms: readonly { coefficient: number; variable: string }[], constant: number, digits = 3) =>
      formatLinearEquation(terms, constant, locale.value, digits),
    /** "0,5 s", "3 min 5 s". */
    duration: (seconds: number) => formatDuration(seconds, locale.value),
  };
}
