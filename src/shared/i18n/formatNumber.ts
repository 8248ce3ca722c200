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

/** The decimal separator of `locale` (',' for es/pt, '.' for en), as its formats write it. */
export function decimalSeparator(locale: string): string {
  return (
    numberFormat(locale, {})
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value ?? '.'
  );
}

/** What is shown for a value that is missing or not a finite number (a run without a validation part, a NaN loss). */
export const MISSING_NUMBER = '—';

/**
 * `value` with the locale's separators; `options` as `Intl.NumberFormat`'s. Missing or non-finite values give `—`.
 * A value that rounds to zero is "0", never "-0" (a mean of −0,00003 shown with one decimal), unless `options` asks
 * for another sign display.
 */
export function formatNumber(value: number | null | undefined, locale: string, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_NUMBER;
  return numberFormat(locale, { signDisplay: 'negative', ...options }).format(value);
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

/** The minus of written mathematics (U+2212), wider than a hyphen and read as a sign on a projector. */
const MINUS = '\u2212';

/**
 * A number in a formula or a lab table: at most `digits` decimals, no grouping (it is read as one quantity), the
 * locale's decimal separator and a true minus sign: "−0,5" (es), "−0.5" (en).
 */
export function formatMath(value: number | null | undefined, locale: string, digits = 3): string {
  return formatNumber(value, locale, { maximumFractionDigits: digits, useGrouping: false }).replace('-', MINUS);
}

/**
 * What separates the numbers of a tuple: "(0,5; 1,5)" where the decimal separator is a comma (es, pt), so that the
 * two numbers cannot be read as one; "(0.5, 1.5)" otherwise.
 */
export function tupleSeparator(locale: string): string {
  // A no-break space: a point in a narrow table column wraps as a whole, never as "(0;" over "0)".
  return formatMath(0.5, locale, 1).includes(',') ? ';\u00a0' : ',\u00a0';
}

/** A point or a weight vector: "(0,5; −1)" in es, "(0.5, −1)" in en. */
export function formatTuple(values: readonly number[], locale: string, digits = 3): string {
  return `(${values.map((value) => formatMath(value, locale, digits)).join(tupleSeparator(locale))})`;
}

/**
 * The equation `Σ coefficientᵢ·variableᵢ + constant = 0` as written by hand: "1,5·x₁ + 1,5·x₂ − 1 = 0", a negative
 * term subtracted rather than "+ −1", the first one signed ("−0,5·x₁ + …").
 */
export function formatLinearEquation(
  terms: readonly { coefficient: number; variable: string }[],
  constant: number,
  locale: string,
  digits = 3,
): string {
  const parts = [...terms.map((term) => ({ value: term.coefficient, suffix: `·${term.variable}` })), { value: constant, suffix: '' }];
  const written = parts.map((part, index) => {
    const magnitude = `${formatMath(Math.abs(part.value), locale, digits)}${part.suffix}`;
    // The sign of the rounded value: −0,0001 shown as 0 is added, not subtracted.
    const negative = formatMath(part.value, locale, digits).startsWith(MINUS);
    if (index === 0) return negative ? `${MINUS}${magnitude}` : magnitude;
    return `${negative ? MINUS : '+'} ${magnitude}`;
  });
  return `${written.join(' ')} = 0`;
}

/** A duration as read on a clock: "0,5 s" under 10 s (one decimal), "42 s", "3 min 5 s". */
export function formatDuration(seconds: number, locale: string): string {
  if (seconds < 60) return `${formatDecimal(seconds, locale, seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${formatDecimal(minutes, locale)} min ${formatDecimal(Math.floor(seconds % 60), locale)} s`;
}
