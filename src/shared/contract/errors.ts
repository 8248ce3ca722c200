import { z } from 'zod';

/**
 * A failure the user can act on. `code` selects a translated message in the UI (`errors.<code>`),
 * `params` fill it in, and `message` is the English text for the CLI and logs.
 */
export const contractErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export class SinapsisError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number> | undefined;

  constructor(code: string, message: string, params?: Record<string, string | number>) {
    super(message);
    this.name = 'SinapsisError';
    this.code = code;
    this.params = params;
  }

  toContract(): ContractError {
    return this.params ? { code: this.code, message: this.message, params: this.params } : { code: this.code, message: this.message };
  }
}

export function isContractError(value: unknown): value is ContractError {
  return contractErrorSchema.safeParse(value).success;
}
