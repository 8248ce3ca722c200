import { useI18n } from 'vue-i18n';
import { formatBytes, formatDecimal, formatNumber, formatPercent, formatSignificant } from '../../../shared/i18n/formatNumber';

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
  };
}
