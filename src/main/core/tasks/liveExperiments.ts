import type { ActiveExperiment, ExperimentResult, JournalEvent } from '../../../shared/contract/experiment';
import type { ContractError } from '../../../shared/contract/errors';

/** Batch points kept per running experiment for a page that reattaches (the curve's recent past, ~0.7 MB). */
export const JOURNAL_BATCHES = 5000;
/** Inspections (weight histograms, decision regions) kept per running experiment. */
export const JOURNAL_INSPECTIONS = 40;

interface Entry {
  taskId: string;
  status: ActiveExperiment['status'];
  epochsPlanned: number;
  progress: JournalEvent | null;
  epochs: JournalEvent[];
  batches: JournalEvent[];
  inspections: JournalEvent[];
}

/**
 * The experiments of one workspace that are still training, with what they have streamed so far. A page that was
 * reloaded, or whose connection dropped, asks for them (`experiment.active`) and draws the curves again; the
 * trainings themselves never depend on a page being connected.
 */
export class LiveExperiments {
  private readonly entries = new Map<string, Entry>();

  begin(taskId: string, epochsPlanned: number): void {
    this.entries.set(taskId, { taskId, status: 'running', epochsPlanned, progress: null, epochs: [], batches: [], inspections: [] });
  }

  /** Keeps one streamed event of a running experiment (other tasks' events are ignored). */
  record(event: JournalEvent & { payload: { taskId: string } }): void {
    const entry = this.entries.get(event.payload.taskId);
    if (!entry) return;
    switch (event.name) {
      case 'experiment.progress':
        entry.progress = event;
        break;
      case 'train.epoch':
        entry.epochs.push(event);
        break;
      case 'train.batch':
        entry.batches.push(event);
        if (entry.batches.length > 2 * JOURNAL_BATCHES) entry.batches.splice(0, entry.batches.length - JOURNAL_BATCHES);
        break;
      case 'train.inspection':
        entry.inspections.push(event);
        if (entry.inspections.length > JOURNAL_INSPECTIONS) entry.inspections.shift();
        break;
    }
  }

  setStatus(taskId: string, status: ActiveExperiment['status']): void {
    const entry = this.entries.get(taskId);
    if (entry) entry.status = status;
  }

  /** How many experiments are training now. */
  get size(): number {
    return this.entries.size;
  }

  end(taskId: string): void {
    this.entries.delete(taskId);
  }

  /** Task ids of the experiments a student paused (what an abandoned workspace stops after its grace period). */
  paused(): string[] {
    return [...this.entries.values()].filter((entry) => entry.status === 'paused').map((entry) => entry.taskId);
  }

  snapshot(): ActiveExperiment[] {
    return [...this.entries.values()].map((entry) => ({
      taskId: entry.taskId,
      status: entry.status,
      epochsPlanned: entry.epochsPlanned,
      // Replayed in this order: the curve, then its batches, then the latest phase (which the batches do not carry).
      events: [
        ...entry.epochs,
        ...entry.batches.slice(-JOURNAL_BATCHES),
        ...entry.inspections,
        ...(entry.progress ? [entry.progress] : []),
      ],
    }));
  }
}

/** What `experiment.done` tells every page of the workspace when an experiment ends. */
export function doneEvent(
  taskId: string,
  outcome: { result: ExperimentResult } | { error: ContractError },
): { taskId: string; result: ExperimentResult | null; error: ContractError | null } {
  return 'result' in outcome ? { taskId, result: outcome.result, error: null } : { taskId, result: null, error: outcome.error };
}
