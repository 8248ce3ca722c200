import { useI18n } from 'vue-i18n';
import { isContractError } from '../../../shared/contract/errors';
import { ClientCallError } from '../client/errors';
import { invalidFieldMessage } from './fieldMessages';

/** Turns any failure (or a contract error a response carries) into a translated, actionable sentence (never a stack trace, never zod's text). */
export function useErrorMessage(): (error: unknown) => string {
  const { t, te, locale } = useI18n();
  return (error) => {
    if (error instanceof ClientCallError) {
      const { code, params } = error.error;
      if (code === 'invalid-request' && params) {
        const field = invalidFieldMessage(t, locale.value, params);
        if (field) return field;
      }
      const key = `errors.${code}`;
      return te(key) ? t(key, params ?? {}) : error.error.message;
    }
    if (isContractError(error)) return te(`errors.${error.code}`) ? t(`errors.${error.code}`, error.params ?? {}) : error.message;
    return error instanceof Error ? error.message : String(error);
  };
}
