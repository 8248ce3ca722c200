import type { Assignment, LabSetup } from '../contract/project';
import { modelFamily, type ModelFamily } from '../models/modelFamily';

/** One way a setup breaks an assignment's locks, with the numbers or names its message needs. */
export type LockViolation =
  | { code: 'dataset'; expected: string; found: string | null }
  | { code: 'split' }
  | { code: 'seed'; expected: number; found: number }
  | { code: 'features' }
  | { code: 'model-family'; allowed: ModelFamily[]; found: ModelFamily }
  | { code: 'model-fixed' }
  | { code: 'epochs'; min: number; max: number; found: number };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The model as the lock compares it: its layers and input, not its free-text name. */
const modelShape = (model: LabSetup['model']) => ({ inputShape: model.inputShape, layers: model.layers, seed: model.seed });

/**
 * What a student's setup changes that the assignment locks, compared with the setup it was handed out with.
 * The UI greys these fields and refuses to train on a violation; `sinapsis check` verifies the same on runs.
 */
export function setupViolations(setup: LabSetup, assignment: Assignment, handedOut: LabSetup): LockViolation[] {
  const { locks } = assignment;
  const found: LockViolation[] = [];
  if (locks.dataset && handedOut.dataset && setup.dataset?.fingerprint !== handedOut.dataset.fingerprint) {
    found.push({ code: 'dataset', expected: handedOut.dataset.fingerprint, found: setup.dataset?.fingerprint ?? null });
  }
  if (locks.split) {
    if (!same(setup.split, handedOut.split)) found.push({ code: 'split' });
    if (setup.training.seed !== handedOut.training.seed)
      found.push({ code: 'seed', expected: handedOut.training.seed, found: setup.training.seed });
  }
  if (
    locks.features &&
    (!same(setup.features, handedOut.features) || !same(setup.hogPipeline, handedOut.hogPipeline) || setup.scaling !== handedOut.scaling)
  ) {
    found.push({ code: 'features' });
  }
  if (locks.model.kind === 'families') {
    const family = modelFamily(setup.model);
    if (!locks.model.families.includes(family)) found.push({ code: 'model-family', allowed: locks.model.families, found: family });
  } else if (locks.model.kind === 'fixed' && !same(modelShape(setup.model), modelShape(handedOut.model))) {
    found.push({ code: 'model-fixed' });
  }
  if (locks.epochs && (setup.training.epochs < locks.epochs.min || setup.training.epochs > locks.epochs.max)) {
    found.push({ code: 'epochs', ...locks.epochs, found: setup.training.epochs });
  }
  return found;
}
