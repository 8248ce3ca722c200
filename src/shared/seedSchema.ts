import { z } from 'zod';

/** The largest seed: createSeededRandom works on 32-bit unsigned integers. */
export const SEED_MAX = 2 ** 32 - 1;

/** Every seed field's range (the CLI's --seed options check SEED_MAX too). */
export const seedSchema = z.number().int().min(0).max(SEED_MAX);

/**
 * The default seed of data operations (the split, the generated datasets, the augmentation preview); the weights and
 * the presentation order have their own defaults (modelSpec, LAB_TRAINING_DEFAULTS) so changing one does not reshuffle
 * the other.
 */
export const DATA_SEED = 42;
