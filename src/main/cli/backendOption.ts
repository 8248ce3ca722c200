import { backendPreferenceSchema, type BackendPreference } from '../../shared/contract/app';
import { SinapsisError } from '../../shared/contract';

export const backendPreferenceOption = { backend: { type: 'string' as const } };

export function parseBackendPreference(value: string | undefined): BackendPreference {
  if (value === undefined) return 'auto';
  const parsed = backendPreferenceSchema.safeParse(value);
  if (!parsed.success) {
    throw new SinapsisError('bad-arguments', `--backend must be one of auto, tensorflow, wasm, cpu; got "${value}".`);
  }
  return parsed.data;
}
