import type { EmbeddingStage } from '../../../shared/contract/embedding';

/** What the embedding worker sends back: progress while it works, then its coordinates or what went wrong. */
export type EmbedWorkerReply =
  | { kind: 'progress'; stage: EmbeddingStage; done: number; total: number }
  | { kind: 'done'; coordinates: Float64Array; explainedVariance: [number, number] | null }
  | { kind: 'error'; message: string };
