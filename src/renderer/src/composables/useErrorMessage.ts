import { useI18n } from 'vue-i18n';
import { ClientCallError } from '../client/errors';

/** Turns any failure into a translated, actionable sentence (never a stack trace). */
export function useErrorMessage(): (error: unknown) => string {
  const { t, te } = useI18n();
  return (error) => {
    if (error instanceof ClientCallError) {
      const key = `errors.${error.error.code}`;
      return te(key) ? t(key, error.error.params ?? {}) : error.error.message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}
