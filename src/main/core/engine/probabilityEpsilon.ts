/**
 * Keeps ln() finite: probabilities are clipped to [ε, 1 - ε]. Matches tfjs's float32 epsilon. In its own module so
 * that the didactic engine and the evaluation in the main thread use it without loading tfjs (losses.ts does).
 */
export const PROBABILITY_EPSILON = 1e-7;
