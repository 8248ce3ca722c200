import { describe, expect, it } from 'vitest';
import { assertNever } from '../assertNever';
import { identity } from '../didactic/activations';
import {
  ACTIVATION_KINDS,
  ACTIVATIONS,
  ALPHA_ACTIVATION_KINDS,
  HIDDEN_ACTIVATION_KINDS,
  OUTPUT_ACTIVATION_KINDS,
  type ActivationInfo,
  type ActivationKind,
} from './activationTable';
import { activationSchema } from './modelSpec';

describe('the activation table', () => {
  it('gives the lists every layer used to keep by hand', () => {
    expect([...OUTPUT_ACTIVATION_KINDS].sort()).toEqual(['identity', 'sigmoid', 'softmax', 'step', 'tanh']);
    expect(OUTPUT_ACTIVATION_KINDS[0]).toBe('softmax');
    expect(HIDDEN_ACTIVATION_KINDS).not.toContain('softmax');
    expect(HIDDEN_ACTIVATION_KINDS).toHaveLength(ACTIVATION_KINDS.length - 1);
    expect(ALPHA_ACTIVATION_KINDS).toEqual(['leakyRelu', 'prelu', 'elu']);
  });

  it('drives the model-spec schema: plain names, and { kind, alpha } with the table default', () => {
    expect(activationSchema.parse('relu')).toBe('relu');
    expect(activationSchema.parse({ kind: 'elu' })).toEqual({ kind: 'elu', alpha: 1 });
    expect(activationSchema.parse({ kind: 'prelu' })).toEqual({ kind: 'prelu', alpha: 0.25 });
    expect(activationSchema.safeParse('leakyRelu').success).toBe(false);
    expect(activationSchema.safeParse('swish').success).toBe(false);
  });

  it('a forgotten entry or case fails to compile (checked by npm run typecheck, which includes this file)', () => {
    // An activation added to the kinds but not described: `satisfies` rejects the table.
    const incomplete = {
      identity: ACTIVATIONS.identity,
      // @ts-expect-error 'sigmoid' and the others are missing
    } satisfies Record<ActivationKind, ActivationInfo>;
    // A switch over the kinds that forgets one: assertNever's argument is not `never`.
    const tfjsName = (kind: ActivationKind): string => {
      switch (kind) {
        case 'identity':
        case 'step':
        case 'sigmoid':
        case 'tanh':
        case 'arctan':
        case 'relu':
        case 'leakyRelu':
        case 'prelu':
        case 'elu':
        case 'softmax':
          return kind;
        default:
          // @ts-expect-error 'softplus' is not handled
          return assertNever(kind);
      }
    };
    expect(incomplete.identity.elementwise()).toBe(identity);
    expect(() => tfjsName('softplus')).toThrow('Unexpected value: "softplus"');
  });
});
