/**
 * Numbers shown to a person, in their language (0,5 in es/pt, 0.5 in en). The one place that creates an
 * `Intl.NumberFormat`: the views, the report and the CLI format through here, and the formats are cached per locale
 * and options (creating one costs far more than using it, and a table re-renders hundreds of cells).
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** What is shown for a value that is missing or not a finite number (a run without a validation part, a NaN loss). */
export const MISSING_NUMBER = '—';

/** `value` with the locale's separators; `options` as `Intl.NumberFormat`'s. Missing or non-finite values give `—`. */
export function formatNumber(value: number | null | undefined, locale: string, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_NUMBER;
  return numberFormat(locale, options).format(value);
}

/** At most `maxFractionDigits` decimals, trailing zeros dropped (1 234,5). */
export function formatDecimal(value: number | null | undefined, locale: string, maxFractionDigits = 0): string {
  return formatNumber(value, locale, { maximumFractionDigits: maxFractionDigits });
}

/** `maxSignificantDigits` significant digits (0,0001235), for values whose size is not known in advance. */
export function formatSignificant(value: number | null | undefined, locale: string, maxSignificantDigits = 4): string {
  return formatNumber(value, locale, { maximumSignificantDigits: maxSignificantDigits });
}

/**
 * A fraction as a percentage: 0.944 -> "94,4 %" (es). `digits` decimals, always shown unless `trimZeros`
 * (then at most `digits`: "95 %" rather than "95,0 %", for probabilities and matrix cells).
 */
export function formatPercent(value: number | null | undefined, locale: string, digits = 1, trimZeros = false): string {
  return formatNumber(value, locale, { style: 'percent', minimumFractionDigits: trimZeros ? 0 : digits, maximumFractionDigits: digits });
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A size in bytes in the largest unit that keeps it at 1 or more (powers of 1024): "1,5 MB". */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatDecimal(value, locale, unit === 0 ? 0 : 1)} ${BYTE_UNITS[unit]}`;
}
