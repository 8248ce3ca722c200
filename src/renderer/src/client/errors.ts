import type { ContractError } from '../../../shared/contract/errors';

/** A contract failure surfaced to the UI; `error.code` picks a translated message. */
export class ClientCallError extends Error {
  readonly error: ContractError;

  constructor(error: ContractError) {
    super(error.message);
    this.name = 'ClientCallError';
    this.error = error;
  }
}
