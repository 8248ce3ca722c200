import { formatPercent } from '../../shared/i18n/formatNumber';

/**
 * A fraction as the CLI prints it, in English like the rest of its output: "60.5%", the format of the hints and of
 * the bias/variance line (formatPercent), so a grading script parses one format everywhere.
 */
export function cliPercent(value: number | null): string {
  return value === null ? '—' : formatPercent(value, 'en');
}
